/**
 * The embedded database `npm start` uses without DATABASE_URL. These tests start their own
 * PGlite in a temporary folder (the file's test database is not used).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { EmbeddedDatabaseLockedError, startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { connectionString, isEmbeddedDatabase } from "@/lib/db/url";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ftenroll-embedded-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: connectionString(url) });
  await client.connect();
  return client;
}

describe("startEmbeddedDatabase", () => {
  it("keeps its data across a stop and a start", async () => {
    const first = await startEmbeddedDatabase({ dataDir });
    expect(isEmbeddedDatabase(first.url)).toBe(true);
    expect(first.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres\?embedded=1$/);
    expect(await applyMigrations(first.url)).toEqual(readMigrations().map((m) => m.name));
    const client = await connect(first.url);
    await client.query(`INSERT INTO rooms (id, code, name_ko, name_en, kind, capacity, updated_at)
                        VALUES ('r1', 'LAB-1', '실험실 1', 'Lab 1', 'LAB', 8, now())`);
    await client.end();
    await first.stop();
    await first.stop(); // idempotent
    expect(fs.existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);

    const second = await startEmbeddedDatabase({ dataDir });
    try {
      expect(await applyMigrations(second.url)).toEqual([]);
      const again = await connect(second.url);
      expect((await again.query("SELECT code FROM rooms")).rows).toEqual([{ code: "LAB-1" }]);
      await again.end();
    } finally {
      await second.stop();
    }
  });

  it("explains that the folder is in use when another live process holds it", async () => {
    const lockFile = path.join(dataDir, "pglite.lock");
    // Our parent (the Vitest main process) is alive and is not us: it stands in for a running app.
    fs.writeFileSync(lockFile, JSON.stringify({ pid: process.ppid, port: 54321, startedAt: "2026-11-24T09:00:00.000Z" }));
    try {
      const error = await startEmbeddedDatabase({ dataDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmbeddedDatabaseLockedError);
      expect((error as Error).message).toContain(`pid ${process.ppid}, serving 127.0.0.1:54321`);
      expect((error as Error).message).toContain("DATABASE_URL");
    } finally {
      fs.rmSync(lockFile, { force: true });
    }
  });

  it("takes over a lock left by a process that died", async () => {
    fs.writeFileSync(path.join(dataDir, "pglite.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: "2026-11-24T09:00:00.000Z" }));
    const database = await startEmbeddedDatabase({ dataDir });
    await database.stop();
  });
});

describe("several connections to the embedded database", () => {
  it("never mixes up the statements of concurrent connections", async () => {
    const database = await startEmbeddedDatabase({ dataDir });
    const clients = await Promise.all([1, 2, 3].map(() => connect(database.url)));
    try {
      await clients[0]!.query("CREATE TABLE probe (id integer PRIMARY KEY, v integer NOT NULL)");
      // Parameterised queries use the extended protocol (Parse/Bind/Execute/Sync), and some
      // connections are inside explicit transactions meanwhile: handing the backend to another
      // connection between those messages would give one client another's result.
      await Promise.all(
        clients.map(async (client, n) => {
          for (let k = 0; k < 40; k++) {
            const id = n * 1000 + k;
            if (k % 5 === 0) {
              await client.query("BEGIN");
              await client.query("INSERT INTO probe VALUES ($1, $2)", [id, id * 7]);
              expect((await client.query("SELECT v FROM probe WHERE id = $1", [id])).rows).toEqual([{ v: id * 7 }]);
              await client.query("COMMIT");
            } else {
              const { rows } = await client.query("INSERT INTO probe VALUES ($1, $2) RETURNING v", [id, id * 7]);
              expect(rows).toEqual([{ v: id * 7 }]);
            }
          }
        }),
      );
      expect((await clients[1]!.query("SELECT count(*)::int AS n FROM probe")).rows).toEqual([{ n: 120 }]);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
      await database.stop();
    }
  });

  it("keeps another connection's uncommitted writes invisible: it waits for the transaction to end", async () => {
    const database = await startEmbeddedDatabase({ dataDir });
    const [writer, reader] = await Promise.all([connect(database.url), connect(database.url)]);
    try {
      await writer.query("CREATE TABLE IF NOT EXISTS isolation_probe (id integer)");
      await writer.query("BEGIN");
      await writer.query("INSERT INTO isolation_probe VALUES ($1)", [1]);
      const read = reader.query<{ n: number }>("SELECT count(*)::int AS n FROM isolation_probe WHERE id = $1", [1]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await writer.query("ROLLBACK");
      expect((await read).rows).toEqual([{ n: 0 }]);
    } finally {
      await Promise.all([writer.end(), reader.end()]);
      await database.stop();
    }
  });
});
