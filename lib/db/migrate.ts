/**
 * Applies prisma/migrations/<name>/migration.sql in order and records each one in
 * `_prisma_migrations` exactly as Prisma Migrate does, so `prisma migrate status` and
 * `prisma migrate deploy` (where Prisma's schema engine can run) agree with what we applied.
 * See docs/decisions/0001-hand-written-migrations.md for why we apply them ourselves.
 *
 * Differences from `prisma migrate deploy`, both on the safe side:
 * - each migration runs in a transaction together with its bookkeeping row, so a failure
 *   leaves nothing half-applied and nothing to `migrate resolve` (the next run retries);
 *   a future migration that cannot run in a transaction (CREATE INDEX CONCURRENTLY) needs
 *   this applier taught about it first;
 * - a migration file changed after it was applied stops the run (Prisma's deploy only warns).
 *
 * No "server-only" and no lib/env: `npm run db:migrate` and the launcher import this via tsx.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { connectionString, describeDatabase, isEmbeddedDatabase } from "./url";

/** Prisma Migrate's own advisory lock key: our applier and Prisma's exclude each other. */
export const MIGRATION_ADVISORY_LOCK_KEY = 72707369;

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export type Migration = { name: string; sql: string; checksum: string };

export type ApplyMigrationsOptions = {
  migrationsDir?: string;
  log?: (line: string) => void;
};

export class MigrationChecksumError extends Error {
  constructor(readonly migrationName: string) {
    super(
      `Migration ${migrationName} was changed after it was applied to this database. ` +
        "Applied migrations must never be edited: restore the file and add a new migration instead.",
    );
    this.name = "MigrationChecksumError";
  }
}

export class FailedMigrationError extends Error {
  constructor(readonly migrationName: string) {
    super(
      `Migration ${migrationName} is recorded as started but not finished in _prisma_migrations ` +
        "(a failed `prisma migrate deploy`?). Repair the database by hand, then mark it with " +
        "`prisma migrate resolve` or delete its row, before migrating again.",
    );
    this.name = "FailedMigrationError";
  }
}

/** Prisma's checksum: SHA-256 of the file's text, lowercase hex. */
export function migrationChecksum(sql: string): string {
  return crypto.createHash("sha256").update(sql, "utf8").digest("hex");
}

/** Prisma accepts a checksum taken before or after a checkout changed the line endings. */
function checksumMatches(sql: string, checksum: string): boolean {
  const variants = [sql, sql.replace(/\r\n/g, "\n"), sql.replace(/\r?\n/g, "\r\n")];
  return variants.some((variant) => migrationChecksum(variant) === checksum);
}

/** The migrations on disk, oldest first (directory names start with a sortable timestamp). */
export function readMigrations(migrationsDir = DEFAULT_MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    });
}

// Prisma Migrate's DDL for its bookkeeping table, column for column.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

/**
 * Brings the database up to date. `target` is a connection URL (the embedded database's
 * `?embedded=1` URL included) or a connected node-postgres client, which is left open.
 * Returns the names of the migrations applied by this call, oldest first.
 */
export async function applyMigrations(
  target: string | pg.ClientBase,
  options: ApplyMigrationsOptions = {},
): Promise<string[]> {
  const migrations = readMigrations(options.migrationsDir);
  if (typeof target !== "string") return applyWithClient(target, migrations, options);

  const client = new pg.Client({
    connectionString: connectionString(target),
    // The embedded database queues connections behind each other; give it time.
    connectionTimeoutMillis: isEmbeddedDatabase(target) ? 60_000 : 10_000,
  });
  await client.connect().catch((error: Error) => {
    throw new Error(`Cannot connect to ${describeDatabase(target)} to migrate it: ${error.message}`, { cause: error });
  });
  try {
    return await applyWithClient(client, migrations, options);
  } finally {
    await client.end().catch(() => {});
  }
}

async function applyWithClient(
  client: pg.ClientBase,
  migrations: Migration[],
  { log = () => {} }: ApplyMigrationsOptions,
): Promise<string[]> {
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_ADVISORY_LOCK_KEY]);
  try {
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<MigrationRow>(
      `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at"
       FROM "_prisma_migrations" ORDER BY "started_at"`,
    );
    const live = rows.filter((row) => row.rolled_back_at === null);
    const failed = live.find((row) => row.finished_at === null);
    if (failed) throw new FailedMigrationError(failed.migration_name);

    const appliedByName = new Map(live.map((row) => [row.migration_name, row]));
    const known = new Set(migrations.map((m) => m.name));
    for (const row of live) {
      if (!known.has(row.migration_name)) {
        log(`Warning: ${row.migration_name} is applied to the database but missing from prisma/migrations.`);
      }
    }

    const applied: string[] = [];
    for (const migration of migrations) {
      const row = appliedByName.get(migration.name);
      if (row) {
        if (!checksumMatches(migration.sql, row.checksum)) throw new MigrationChecksumError(migration.name);
        continue;
      }
      await applyOne(client, migration);
      applied.push(migration.name);
      log(`Applied ${migration.name}`);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_ADVISORY_LOCK_KEY]).catch(() => {});
  }
}

async function applyOne(client: pg.ClientBase, migration: Migration): Promise<void> {
  await client.query("BEGIN");
  try {
    const id = crypto.randomUUID();
    await client.query(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count")
       VALUES ($1, $2, $3, clock_timestamp(), 0)`,
      [id, migration.checksum, migration.name],
    );
    // No parameters: node-postgres sends the file as one simple-protocol query, which may
    // hold any number of statements (and dollar-quoted function bodies).
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET "finished_at" = clock_timestamp(), "applied_steps_count" = 1 WHERE "id" = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${message}`, { cause: error });
  }
}
