/**
 * PGlite (PostgreSQL compiled to WebAssembly) with the extensions our migrations need, served
 * over the PostgreSQL wire protocol so the app, pg-boss and scripts reach it with the same
 * node-postgres code they use against a real server. Used by lib/db/embedded.ts (`npm start`
 * without DATABASE_URL) and by the test harness (lib/test/*).
 *
 * PGlite runs ONE backend session. @electric-sql/pglite-socket queues the protocol messages of
 * all connections into it, keeping explicit transactions together but not the messages of an
 * extended-protocol exchange (Parse/Bind/Execute/Sync), which is how node-postgres and Prisma
 * send every parameterised query: two busy connections could bind each other's statements.
 * `SessionQueue` below replaces that queue so a connection keeps the backend from its first
 * message until the backend reports it idle again (ReadyForQuery 'I'): the other connections
 * wait their turn, which is what PostgreSQL's own locking would make them do at worst.
 */
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { markEmbedded } from "./url";

export const PGLITE_EXTENSIONS = { citext, btree_gist, pg_trgm };

export type EmbeddedPglite = PGlite;

export function createPglite(options: Omit<PGliteOptions, "extensions"> = {}): Promise<PGlite> {
  return PGlite.create({ ...options, extensions: PGLITE_EXTENSIONS });
}

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
};

const READY_FOR_QUERY = 0x5a; // 'Z', Int32 length 5, status byte
const IDLE = 0x49; // 'I': not in a transaction block

/**
 * The transaction status byte if a response ends with ReadyForQuery, else null. Only the
 * responses to Query and Sync end with it; no other message can end with these six bytes
 * (their last bytes are a NUL-terminated string, a length of 4, or a format code 0/1).
 */
function readyStatus(tail: Uint8Array): number | null {
  const isReady = tail[0] === READY_FOR_QUERY && tail[1] === 0 && tail[2] === 0 && tail[3] === 0 && tail[4] === 5;
  return isReady ? tail[5]! : null;
}

/** Gives the single backend to one connection at a time, from its first message until idle. */
export class SessionQueue {
  private queue: QueuedMessage[] = [];
  private owner: number | null = null;
  private pumping = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const index = this.owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === this.owner);
        if (index < 0 || this.queue.length === 0) return;
        const item = this.queue.splice(index, 1)[0]!;
        this.owner = item.handlerId;
        let bytes = 0;
        const tail = new Uint8Array(6); // the last six bytes sent back, oldest first
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                for (const byte of data.subarray(Math.max(0, data.length - 6))) {
                  tail.copyWithin(0, 1);
                  tail[5] = byte;
                }
                item.onData(data);
              },
            }),
          );
          if (readyStatus(tail) === IDLE) this.owner = null;
          item.resolve(bytes);
        } catch (error) {
          item.reject(error as Error);
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** A connection went away: undo what it left open and let the others in. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) {
      await this.db.runExclusive(() => this.db.exec("ROLLBACK")).catch(() => {});
    }
    this.owner = null;
    await this.pump();
  }
}

export type PgliteServer = {
  /** postgresql:// URL with `?embedded=1`, which lib/db/pool.ts reads as "one connection". */
  url: string;
  port: number;
  close(): Promise<void>;
};

/** Serves `db` on host:port (port 0 = any free port). */
export async function servePglite(
  db: PGlite,
  { host = "127.0.0.1", port = 0, maxConnections = 8 }: { host?: string; port?: number; maxConnections?: number } = {},
): Promise<PgliteServer> {
  const server = new PGLiteSocketServer({ db, host, port, maxConnections });
  const internals = server as unknown as { queryQueue?: { enqueue?: unknown } };
  if (typeof internals.queryQueue?.enqueue !== "function") {
    // A newer pglite-socket reorganised its internals: fail loudly rather than run unsafely.
    throw new Error("@electric-sql/pglite-socket changed: lib/db/pglite.ts cannot install its session queue");
  }
  (internals as { queryQueue: unknown }).queryQueue = new SessionQueue(db);
  await server.start();
  const address = server.getServerConn();
  const actualPort = Number(address.slice(address.lastIndexOf(":") + 1));
  return {
    url: markEmbedded(`postgresql://postgres@${host}:${actualPort}/postgres`),
    port: actualPort,
    close: () => server.stop(),
  };
}
