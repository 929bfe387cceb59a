import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * One pg pool per process, shared by Prisma and pg-boss. Against the embedded database the
 * pool holds a single connection: PGlite runs one backend, and its socket server interleaves
 * the protocol messages of concurrent connections, so one connection is the only safe shape.
 */
declare global {
  var __ftPool: pg.Pool | undefined;
}

export function isEmbeddedDatabase(url: string): boolean {
  return new URL(url).searchParams.get("embedded") === "1";
}

export function databaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` (which launches the embedded database) or set DATABASE_URL.",
    );
  }
  return env.DATABASE_URL;
}

export function createPool(url: string, max?: number): pg.Pool {
  const embedded = isEmbeddedDatabase(url);
  const cleaned = new URL(url);
  cleaned.searchParams.delete("embedded");
  const pool = new pg.Pool({
    connectionString: cleaned.toString(),
    max: embedded ? 1 : (max ?? env.DATABASE_POOL_MAX ?? 10),
    connectionTimeoutMillis: embedded ? 60_000 : 10_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", (err) => logger.error({ err }, "idle database client error"));
  return pool;
}

export function getPool(): pg.Pool {
  globalThis.__ftPool ??= createPool(databaseUrl());
  return globalThis.__ftPool;
}
