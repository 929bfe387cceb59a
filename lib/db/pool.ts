import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { connectionString, isEmbeddedDatabase } from "@/lib/db/url";

/**
 * One pg pool per process, shared by Prisma and pg-boss. Against the embedded database the
 * pool holds a single connection: PGlite runs one backend and lib/db/pglite.ts gives it to one
 * connection until that connection is idle, so a second connection from this process would
 * wait forever behind an interactive transaction of the first.
 */
declare global {
  var __ftPool: pg.Pool | undefined;
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
  const pool = new pg.Pool({
    connectionString: connectionString(url),
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
