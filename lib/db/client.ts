import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getPool } from "@/lib/db/pool";

declare global {
  var __ftPrisma: PrismaClient | undefined;
}

/** The app's Prisma client: one per process, on the shared pool. */
export function getDb(): PrismaClient {
  globalThis.__ftPrisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()) });
  return globalThis.__ftPrisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
