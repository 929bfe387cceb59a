/**
 * Test databases for `*.integration.test.ts` files. Each test file gets its own freshly
 * migrated database, so files run in parallel without seeing each other's rows:
 *
 * - real PostgreSQL (TEST_DATABASE_URL, else DATABASE_URL, is set): the global setup migrates
 *   a template database once per run and every file gets `CREATE DATABASE … TEMPLATE` of it;
 * - otherwise PGlite: the global setup migrates one in memory and dumps its data folder, and
 *   every file loads that dump into its own in-memory PGlite served on a free local port.
 *
 * This module and vitest.config.ts read process.env directly: they build the environment
 * that lib/env.ts later reads, so they cannot go through it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, inject } from "vitest";
import { createDatabase, dropDatabase, listDatabases } from "../db/admin";
import { createPglite, servePglite } from "../db/pglite";
import { isEmbeddedDatabase } from "../db/url";

export type TestDatabaseConfig =
  | { kind: "postgres"; serverUrl: string; template: string }
  | { kind: "pglite"; dumpFile: string };

declare module "vitest" {
  interface ProvidedContext {
    testDatabase: TestDatabaseConfig;
  }
}

/** Every database the harness creates starts with this, then its creation time in base 36. */
export const TEST_DATABASE_PREFIX = "ftenroll_t_";

/** The server the harness creates databases on, or undefined for PGlite. */
export function testServerUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
  // A running embedded database holds one database: tests cannot create theirs there.
  return url && !isEmbeddedDatabase(url) ? url : undefined;
}

/** A unique database name that records when it was made, so stale ones can be swept. */
export function newTestDatabaseName(kind: "tpl" | "db"): string {
  const stamp = Math.floor(Date.now() / 1000).toString(36);
  return `${TEST_DATABASE_PREFIX}${kind}_${stamp}_${crypto.randomBytes(4).toString("hex")}`;
}

/**
 * Drops test databases left by runs that crashed (older than `maxAgeHours`). Younger ones may
 * belong to a run still going on this machine: several people may test against one server.
 */
export async function dropStaleTestDatabases(serverUrl: string, maxAgeHours = 6): Promise<void> {
  const cutoff = Date.now() / 1000 - maxAgeHours * 3600;
  for (const name of await listDatabases(serverUrl, TEST_DATABASE_PREFIX)) {
    const stamp = /_(?:tpl|db)_([0-9a-z]+)_[0-9a-f]+$/.exec(name)?.[1];
    if (stamp && parseInt(stamp, 36) < cutoff) await dropDatabase(serverUrl, name).catch(() => {});
  }
}

/** Where the PGlite data-folder dump of a run goes (see the global setup). */
export function newPgliteDumpFile(): string {
  return path.join(os.tmpdir(), `${newTestDatabaseName("tpl")}.pglite.tar`);
}

/** Removes PGlite dumps left in the temp folder by runs that crashed. */
export function removeStalePgliteDumps(maxAgeHours = 6): void {
  const cutoff = Date.now() - maxAgeHours * 3600_000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(TEST_DATABASE_PREFIX) || !name.endsWith(".pglite.tar")) continue;
    const file = path.join(os.tmpdir(), name);
    try {
      if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
    } catch {
      // gone already
    }
  }
}

export type ProvisionedDatabase = { url: string; release(): Promise<void> };

/** A fresh, migrated database for one test file. */
export async function provisionTestDatabase(config: TestDatabaseConfig): Promise<ProvisionedDatabase> {
  if (config.kind === "postgres") {
    const name = newTestDatabaseName("db");
    const url = await createDatabase(config.serverUrl, name, { template: config.template });
    return { url, release: () => dropDatabase(config.serverUrl, name) };
  }
  const dump = new Blob([fs.readFileSync(config.dumpFile)]);
  const db = await createPglite({ loadDataDir: dump });
  const server = await servePglite(db);
  return {
    url: server.url,
    release: async () => {
      await server.close();
      await db.close();
    },
  };
}

function providedConfig(): TestDatabaseConfig | undefined {
  try {
    return inject("testDatabase");
  } catch {
    return undefined; // not inside a Vitest worker of the integration project
  }
}

/** True when this test file runs against the real PostgreSQL server (not PGlite). */
export function realPostgresAvailable(): boolean {
  return providedConfig()?.kind === "postgres";
}

export const REAL_POSTGRES_SKIP_REASON = "skipped: needs the real PostgreSQL server; PGlite runs one session at a time";

/**
 * `describe` for tests that prove behaviour under concurrency (races, locks): on PGlite they
 * would pass without proving anything, so there they are skipped, saying why.
 */
export function describeRealPostgres(name: string, fn: () => void): void {
  if (realPostgresAvailable()) {
    describe(name, fn);
    return;
  }
  console.info(`${name}: ${REAL_POSTGRES_SKIP_REASON}`);
  describe.skip(`${name} (${REAL_POSTGRES_SKIP_REASON})`, fn);
}

/** The current test file's database URL (what lib/db/client.ts connects to). */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("No test database: is this an *.integration.test.ts file?");
  return url;
}
