/**
 * The embedded database: PGlite persisted in `<dataDir>/pglite`, served on 127.0.0.1 so that
 * `npm start` works on a machine with nothing but Node (docs/decisions/0002-embedded-database.md).
 * The returned URL carries `?embedded=1`, which makes lib/db/pool.ts use a single connection.
 *
 * PGlite itself does not stop a second process from opening the same data directory (two
 * writers would corrupt it), so we keep a lock file beside it naming the owning process.
 */
import fs from "node:fs";
import path from "node:path";
import { createPglite, servePglite } from "./pglite";

export type EmbeddedDatabase = {
  /** postgresql://postgres@127.0.0.1:<port>/postgres?embedded=1 */
  url: string;
  port: number;
  dataDir: string;
  /** Closes the server and PGlite cleanly; the data stays for the next start. Idempotent. */
  stop(): Promise<void>;
};

export type StartEmbeddedDatabaseOptions = {
  /** Folder for local state; the database lives in its `pglite` subfolder. */
  dataDir: string;
  /** 0 or unset: any free port. */
  port?: number;
  host?: string;
};

type LockInfo = { pid: number; port?: number; startedAt: string };

export class EmbeddedDatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database in ${dataDir} is already open in another running process ` +
        `(pid ${holder.pid}${holder.port ? `, serving 127.0.0.1:${holder.port}` : ""}, since ${holder.startedAt}). ` +
        "PGlite allows one process per data folder: stop that process (Ctrl-C in its terminal), " +
        "use another DATA_DIR, or set DATABASE_URL to a PostgreSQL server.",
    );
    this.name = "EmbeddedDatabaseLockedError";
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(lockFile: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockFile, "utf8")) as LockInfo;
  } catch {
    return null; // vanished or half-written: treat as stale
  }
}

/** Takes the data folder's lock file, removing one left by a process that has died. */
function acquireLock(dataDir: string, lockFile: string): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockFile, "wx");
      const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readLock(lockFile);
    if (holder && holder.pid !== process.pid && processIsAlive(holder.pid)) {
      throw new EmbeddedDatabaseLockedError(dataDir, holder);
    }
    if (holder && holder.pid === process.pid) {
      throw new Error(`The embedded database in ${dataDir} is already started by this process.`);
    }
    fs.rmSync(lockFile, { force: true }); // left behind by a process that died
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}

export async function startEmbeddedDatabase(options: StartEmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, "pglite");
  const lockFile = path.join(dataDir, "pglite.lock");
  fs.mkdirSync(dataDir, { recursive: true });
  acquireLock(dataDir, lockFile);

  let db: Awaited<ReturnType<typeof createPglite>>;
  try {
    db = await createPglite({ dataDir: pgDir });
  } catch (error) {
    fs.rmSync(lockFile, { force: true });
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Could not open the embedded database in ${pgDir}: ${message}. ` +
        "If that folder was copied from another version or is damaged, move it away to start afresh.",
      { cause: error },
    );
  }

  let server: Awaited<ReturnType<typeof servePglite>>;
  try {
    server = await servePglite(db, { host: options.host, port: options.port ?? 0 });
  } catch (error) {
    await db.close().catch(() => {});
    fs.rmSync(lockFile, { force: true });
    throw error;
  }
  fs.writeFileSync(lockFile, JSON.stringify({ ...readLock(lockFile), pid: process.pid, port: server.port }));

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      try {
        await server.close();
      } finally {
        try {
          // close() shuts the backend down cleanly, so the next start needs no recovery.
          await db.close();
        } finally {
          fs.rmSync(lockFile, { force: true });
        }
      }
    })());
  return { url: server.url, port: server.port, dataDir, stop };
}
