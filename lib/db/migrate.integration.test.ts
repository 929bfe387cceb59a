import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, dropDatabase } from "@/lib/db/admin";
import {
  applyMigrations,
  DEFAULT_MIGRATIONS_DIR,
  FailedMigrationError,
  MigrationChecksumError,
  migrationChecksum,
  readMigrations,
} from "@/lib/db/migrate";
import { connectionString } from "@/lib/db/url";
import {
  describeRealPostgres,
  newTestDatabaseName,
  testDatabaseUrl,
  testServerUrl,
} from "@/lib/test/database";

let client: pg.Client;
const tempDirs: string[] = [];

/** A copy of prisma/migrations plus extra migrations, for changing history without touching ours. */
function migrationsDirWith(extra: Record<string, string>, edit?: (name: string, sql: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ftenroll-migrations-"));
  tempDirs.push(dir);
  for (const m of readMigrations()) {
    fs.mkdirSync(path.join(dir, m.name));
    fs.writeFileSync(path.join(dir, m.name, "migration.sql"), edit ? edit(m.name, m.sql) : m.sql);
  }
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

type Row = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};

async function recorded(): Promise<Row[]> {
  const { rows } = await client.query<Row>(`SELECT * FROM "_prisma_migrations" ORDER BY "started_at", "migration_name"`);
  return rows;
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: connectionString(testDatabaseUrl()) });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("applyMigrations", () => {
  it("records applied migrations in _prisma_migrations as Prisma Migrate does", async () => {
    const { rows: columns } = await client.query<{
      column_name: string;
      data_type: string;
      character_maximum_length: number | null;
      is_nullable: string;
      column_default: string | null;
    }>(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '_prisma_migrations'
       ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", character_maximum_length: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", character_maximum_length: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", character_maximum_length: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", character_maximum_length: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", character_maximum_length: null, is_nullable: "NO", column_default: "0" },
    ]);

    const onDisk = readMigrations();
    expect(onDisk.length).toBeGreaterThan(0);
    const rows = await recorded();
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      const sql = fs.readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(migrationChecksum(sql.toString("utf8")));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });
      expect(onDisk[i]!.checksum).toBe(row.checksum);
    }
  });

  it("is a no-op when everything is applied", async () => {
    const before = await recorded();
    expect(await applyMigrations(testDatabaseUrl())).toEqual([]);
    expect(await applyMigrations(client)).toEqual([]);
    expect(await recorded()).toEqual(before);
  });

  it("applies only pending migrations, in order, and records each", async () => {
    const dir = migrationsDirWith({
      "29990101000000_probe_b": `CREATE TABLE "zz_probe_b" ("id" INTEGER REFERENCES "zz_probe_a"("id"));`,
      "29990101000000_probe_a": `CREATE TABLE "zz_probe_a" ("id" INTEGER PRIMARY KEY);`,
    });
    const log: string[] = [];
    expect(await applyMigrations(testDatabaseUrl(), { migrationsDir: dir, log: (l) => log.push(l) })).toEqual([
      "29990101000000_probe_a",
      "29990101000000_probe_b",
    ]);
    expect(log).toEqual(["Applied 29990101000000_probe_a", "Applied 29990101000000_probe_b"]);
    const rows = await recorded();
    expect(rows.slice(-2).map((r) => [r.migration_name, r.applied_steps_count, r.finished_at !== null])).toEqual([
      ["29990101000000_probe_a", 1, true],
      ["29990101000000_probe_b", 1, true],
    ]);
    expect(await applyMigrations(testDatabaseUrl(), { migrationsDir: dir })).toEqual([]);
  });

  it("refuses to run when an applied migration's file was changed", async () => {
    const [first] = readMigrations();
    const dir = migrationsDirWith(
      { "29990201000000_never": `CREATE TABLE "zz_never" ("id" INTEGER);` },
      (name, sql) => (name === first!.name ? `${sql}\n-- an innocent-looking edit\n` : sql),
    );
    const error = await applyMigrations(testDatabaseUrl(), { migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationChecksumError);
    expect((error as MigrationChecksumError).migrationName).toBe(first!.name);
    // Nothing after the changed migration was applied.
    const { rows } = await client.query(`SELECT to_regclass('public.zz_never') AS t`);
    expect(rows[0].t).toBeNull();
  });

  it("accepts a file whose line endings changed (as Prisma does)", async () => {
    const dir = migrationsDirWith({}, (_name, sql) => sql.replace(/\n/g, "\r\n"));
    expect(await applyMigrations(testDatabaseUrl(), { migrationsDir: dir })).toEqual([]);
  });

  it("rolls a failing migration back completely and records nothing", async () => {
    const dir = migrationsDirWith({
      "29990301000000_broken": `CREATE TABLE "zz_half" ("id" INTEGER);\nSELECT 1 / 0;`,
    });
    const before = await recorded();
    await expect(applyMigrations(testDatabaseUrl(), { migrationsDir: dir })).rejects.toThrow(
      /29990301000000_broken failed and was rolled back: division by zero/,
    );
    const { rows } = await client.query(`SELECT to_regclass('public.zz_half') AS t`);
    expect(rows[0].t).toBeNull();
    expect(await recorded()).toEqual(before);
  });

  it("refuses to continue after a migration Prisma recorded as failed", async () => {
    await client.query(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count")
       VALUES ('00000000-0000-4000-8000-000000000000', repeat('0', 64), '29990401000000_failed_elsewhere', now(), 0)`,
    );
    try {
      await expect(applyMigrations(testDatabaseUrl())).rejects.toBeInstanceOf(FailedMigrationError);
    } finally {
      await client.query(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = '29990401000000_failed_elsewhere'`);
    }
  });
});

describeRealPostgres("applyMigrations from two processes at once", () => {
  const serverUrl = testServerUrl()!;
  const name = newTestDatabaseName("db");
  let url: string;

  beforeAll(async () => {
    url = await createDatabase(serverUrl, name);
  });
  afterAll(() => dropDatabase(serverUrl, name));

  it("applies each migration once: the advisory lock makes the second wait and find nothing to do", async () => {
    const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    const names = readMigrations().map((m) => m.name);
    expect(results.flat().sort()).toEqual(names.sort());
    expect(results.filter((r) => r.length === 0)).toHaveLength(2);
  });
});
