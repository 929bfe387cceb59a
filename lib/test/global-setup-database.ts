/**
 * Vitest global setup of the "integration" project: migrates the database every test file
 * will copy (see lib/test/database.ts), once per run, and removes it afterwards.
 */
import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { dropDatabase, recreateDatabase } from "../db/admin";
import { applyMigrations } from "../db/migrate";
import { createPglite, servePglite } from "../db/pglite";
import { describeDatabase } from "../db/url";
import {
  dropStaleTestDatabases,
  newPgliteDumpFile,
  newTestDatabaseName,
  removeStalePgliteDumps,
  testServerUrl,
} from "./database";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = testServerUrl();
  if (serverUrl) {
    await dropStaleTestDatabases(serverUrl);
    // A name of its own per run: another run on the same server keeps its template.
    const template = newTestDatabaseName("tpl");
    const templateUrl = await recreateDatabase(serverUrl, template);
    await applyMigrations(templateUrl);
    project.provide("testDatabase", { kind: "postgres", serverUrl, template });
    console.info(`integration tests: PostgreSQL at ${describeDatabase(serverUrl)}, one database per test file`);
    return () => dropDatabase(serverUrl, template);
  }

  removeStalePgliteDumps();
  const db = await createPglite();
  try {
    const server = await servePglite(db);
    try {
      await applyMigrations(server.url);
    } finally {
      await server.close();
    }
    const dump = await db.dumpDataDir("none");
    const dumpFile = newPgliteDumpFile();
    fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
    project.provide("testDatabase", { kind: "pglite", dumpFile });
    console.info("integration tests: embedded PGlite, one in-memory database per test file (set TEST_DATABASE_URL for PostgreSQL)");
    return async () => fs.rmSync(dumpFile, { force: true });
  } finally {
    await db.close();
  }
}
