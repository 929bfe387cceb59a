/**
 * `npm run bench:enroll [-- --n 500 --rounds 3 --keep]`: how fast the enrollment engine takes
 * seats in one hot session, next to the database's own ceiling for the same work (issue 3,
 * "Benchmarks"). A script, not a timed test: it prints figures and ratios and fails only when
 * an invariant is broken or something errors, never on a missed target.
 *
 * Against a real PostgreSQL server only (TEST_DATABASE_URL, else DATABASE_URL): it creates and
 * migrates its own database `ftenroll_bench` there (dropped at the end unless --keep), N
 * trainees, and per round three identical sessions of capacity N/10 on days of their own:
 *  (a) service: N trainees enroll at once through `enroll` (lib/enrollments) → enrollments/s;
 *  (b) raw:     N autocommit statements at once through the same pool, the bare guarded seat
 *               counter, `UPDATE sessions SET seats_held = seats_held + 1
 *               WHERE id = $1 AND seats_held < capacity` → statements/s, for reference: it
 *               records nothing, and once the N/10 seats are gone it matches no row, so 90% of
 *               these statements write nothing and commit nothing to disk;
 *  (c) raw+row: the baseline of the ratio (target ≥ 0.5; the platform notes' "guarded
 *               UPDATE … RETURNING with an INSERT in one statement"): per trainee, one
 *               autocommit statement (a CTE) whose guarded UPDATE … RETURNING takes a seat or,
 *               when they are gone, the next waitlist place (the session's counters), and
 *               whose INSERT records the enrollment → statements/s. The least any "take a
 *               seat or a waitlist place and record it" must do, for every request, as the
 *               service does. The ratio against (b) is printed too.
 * Then the invariant check of every service session (overbooked, duplicates, seats_held
 * recount, waitlist counters), and a profile of the service's transactions (statements, how
 * long the session lock is held), separately for self-enrollment's fast path (the lock taken by
 * its last statement, lib/enrollments/fast-enroll.ts) and the slow path (withSeatLock).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type pg from "pg";
import { dropDatabase, recreateDatabase } from "@/lib/db/admin";
import { applyMigrations } from "@/lib/db/migrate";
import { describeDatabase, isEmbeddedDatabase } from "@/lib/db/url";

// Before the engine is imported (dynamically, in main()): see the module.
import "./lib/server-only-condition";

const BENCH_DATABASE = "ftenroll_bench";
const TARGET_RATIO = 0.5;

const { values: flags } = parseArgs({
  options: {
    n: { type: "string", default: "500" },
    rounds: { type: "string", default: "3" },
    keep: { type: "boolean", default: false },
  },
});
const N = Number(flags.n);
const ROUNDS = Number(flags.rounds);
if (!Number.isInteger(N) || N < 10 || !Number.isInteger(ROUNDS) || ROUNDS < 1) {
  console.error("usage: npm run bench:enroll -- [--n <trainees, ≥ 10>] [--rounds <≥ 1>] [--keep]");
  process.exit(2);
}

/**
 * The server to benchmark on. Like the test harness (lib/test/database.ts), this reads the
 * variables itself: it builds the environment lib/env.ts reads later (DATABASE_URL → the bench
 * database), so it cannot go through lib/env.
 */
function serverUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
  return url && !isEmbeddedDatabase(url) ? url : undefined;
}

type Rate = { ms: number; perSecond: number };
const rate = (count: number, ms: number): Rate => ({ ms, perSecond: (count / ms) * 1000 });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number, digits = 0) =>
  x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Marks the fast path's statement that takes the session row lock (fast-enroll.ts). */
const FAST_PATH_LOCK = "fast-enroll: locks the session row";

type Path = "fast" | "slow";
type ProfiledTransaction = {
  path: Path;
  committed: boolean;
  statements: number;
  /** Statements after the one that took the lock (COMMIT included). */
  underLock: number;
  /** The statement that took the lock: waiting for it, and (fast path) its own work. */
  lockingMs: number;
  /** From the end of that statement to the end of COMMIT/ROLLBACK. */
  afterMs: number;
  inSqlAfterMs: number;
};

/**
 * Per-transaction statement log of the service's connections (only while `enabled`), to show
 * where the time goes while a request holds the session lock. The slow path takes it with
 * `SELECT … FOR UPDATE`, so it is held from that statement's end to COMMIT; the fast path takes
 * it inside its last statement, so it is held for part of that statement (from the moment the
 * lock was granted: the app cannot see it) and then until COMMIT.
 */
class TransactionProfiler {
  enabled = false;
  readonly transactions: ProfiledTransaction[] = [];
  readonly byStatement = new Map<string, { count: number; ms: number }>();
  private readonly state = new WeakMap<
    object,
    {
      statements: number;
      path?: Path;
      lockedAt?: number;
      lockingMs: number;
      underLock: number;
      inSql: number;
    }
  >();

  attach(pool: pg.Pool) {
    pool.on("connect", (client) => this.wrap(client));
  }

  private wrap(client: pg.PoolClient) {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (
      ...args: unknown[]
    ) => {
      const result = original(...args);
      if (!this.enabled || !(result instanceof Promise)) return result;
      const first = args[0] as string | { text?: string };
      const text = (typeof first === "string" ? first : (first?.text ?? ""))
        .replace(/\s+/g, " ")
        .trim();
      const started = performance.now();
      result.then(
        (value: unknown) => this.record(client, text, started, performance.now(), value),
        () => this.record(client, text, started, performance.now(), undefined),
      );
      return result;
    };
  }

  private record(client: object, text: string, started: number, ended: number, value: unknown) {
    const upper = text.toUpperCase();
    if (upper.startsWith("BEGIN")) {
      this.state.set(client, { statements: 1, lockingMs: 0, underLock: 0, inSql: 0 });
      return;
    }
    const tx = this.state.get(client);
    if (!tx) return;
    tx.statements++;
    if (tx.lockedAt !== undefined && tx.path) {
      tx.underLock++;
      tx.inSql += ended - started;
      const key = `${tx.path}: ${text.slice(0, 90)}`;
      const entry = this.byStatement.get(key) ?? { count: 0, ms: 0 };
      entry.count++;
      entry.ms += ended - started;
      this.byStatement.set(key, entry);
    } else if (text.includes(FAST_PATH_LOCK) && upper.endsWith("COMMIT")) {
      // The fast path's last message: the locking statement and the COMMIT, run back to back by
      // the server, so the lock is never held across a round trip to the app.
      const results = Array.isArray(value) ? (value as { rowCount?: number | null }[]) : [];
      this.transactions.push({
        path: "fast",
        committed: (results[0]?.rowCount ?? 0) > 0,
        statements: tx.statements,
        underLock: 1,
        lockingMs: ended - started,
        afterMs: 0,
        inSqlAfterMs: 0,
      });
      this.state.delete(client);
      return;
    } else if (upper.includes("FOR UPDATE")) {
      tx.path = "slow";
      tx.lockedAt = ended;
      tx.lockingMs = ended - started;
    }
    if (upper.startsWith("COMMIT") || upper.startsWith("ROLLBACK")) {
      if (tx.lockedAt !== undefined && tx.path) {
        this.transactions.push({
          path: tx.path,
          committed: upper.startsWith("COMMIT"),
          statements: tx.statements,
          underLock: tx.underLock,
          lockingMs: tx.lockingMs,
          afterMs: ended - tx.lockedAt,
          inSqlAfterMs: tx.inSql,
        });
      }
      this.state.delete(client);
    }
  }
}

async function main(): Promise<number> {
  const server = serverUrl();
  if (!server) {
    console.error(
      "bench:enroll needs a real PostgreSQL server: set TEST_DATABASE_URL or DATABASE_URL " +
        "(e.g. TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:enroll).\n" +
        "The embedded database runs one session at a time, so a concurrency benchmark there would measure nothing.",
    );
    return 1;
  }

  console.log(
    `bench:enroll — N = ${N} trainees, ${ROUNDS} round(s), server ${describeDatabase(server)}`,
  );
  const benchUrl = await recreateDatabase(server, BENCH_DATABASE);
  await applyMigrations(benchUrl);
  process.env.DATABASE_URL = benchUrl;

  // Only now: these read lib/env (DATABASE_URL) and import "server-only".
  const { env } = await import("@/lib/env");
  const { db } = await import("@/lib/db/client");
  const { getPool } = await import("@/lib/db/pool");
  const { enroll } = await import("@/lib/enrollments/enrollments.service");
  const { checkSessionInvariants, createTestCourse, createTestSession } =
    await import("@/lib/enrollments/enrollments.test-helpers");

  const pool = getPool();
  const profiler = new TransactionProfiler();
  profiler.attach(pool);
  /** Broken invariants: the reason to exit non-zero. */
  let violated = false;
  /** Requests that failed (they changed nothing, but a trainee would have seen an error). */
  const errors: { round: number; count: number; first: string }[] = [];
  try {
    console.log(
      `database ${describeDatabase(benchUrl)}, app pool max ${env.DATABASE_POOL_MAX ?? 10} connections`,
    );

    // Trainees: plain rows (no password: nobody signs in here).
    const stamp = Date.now().toString(36);
    await db.user.createMany({
      data: Array.from({ length: N }, (_, i) => ({
        email: `bench-${stamp}-${i}@example.com`,
        name: `Bench trainee ${i}`,
        emailVerifiedAt: new Date(),
      })),
    });
    const trainees = (
      await db.user.findMany({
        where: { email: { startsWith: `bench-${stamp}-` } },
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          locale: true,
          organizationId: true,
        },
      })
    ).map((u) => ({ ...u, locale: u.locale as "ko" | "en" }));

    const capacity = Math.max(1, Math.floor(N / 10));
    const course = await createTestCourse({ titleEn: "Bench course" });
    let day = 30;
    // Each session on a day of its own: a trainee's seat in one never overlaps another.
    const newSession = () =>
      createTestSession({ courseId: course.id, capacity, startsInDays: (day += 2) });

    // Warm-up: open the pool's connections and warm both paths (not measured).
    const warm = await newSession();
    await Promise.all(trainees.slice(0, 20).map((t) => enroll(t, { sessionId: warm.id })));
    const warmRaw = await newSession();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        pool.query(
          "UPDATE sessions SET seats_held = seats_held + 1 WHERE id = $1 AND seats_held < capacity",
          [warmRaw.id],
        ),
      ),
    );

    const results: { service: Rate; raw: Rate; rawRow: Rate }[] = [];
    const serviceSessions: { id: string; accepted: number }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const [svc, raw, rawRow] = [await newSession(), await newSession(), await newSession()];

      // (a) the service
      let started = performance.now();
      const outcomes = await Promise.allSettled(
        trainees.map((t) => enroll(t, { sessionId: svc.id })),
      );
      const elapsed = performance.now() - started;
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
      // Only accepted requests count (a request that timed out waiting for the pool did nothing).
      const service = rate(N - rejected.length, elapsed);
      serviceSessions.push({ id: svc.id, accepted: N - rejected.length });
      if (rejected.length > 0) {
        const reason = rejected[0]!.reason as unknown;
        errors.push({
          round,
          count: rejected.length,
          first: reason instanceof Error ? reason.message : String(reason),
        });
      }

      // (b) the raw guarded statement, each in its own autocommit statement, same pool
      started = performance.now();
      await Promise.all(
        trainees.map(() =>
          pool.query(
            "UPDATE sessions SET seats_held = seats_held + 1 WHERE id = $1 AND seats_held < capacity",
            [raw.id],
          ),
        ),
      );
      const rawRate = rate(N, performance.now() - started);

      // (c) the baseline: one statement per trainee that takes a seat or, once the seats are
      // gone, the next waitlist place, and records the enrollment, as the service does for each
      // request (so every one of them writes and commits, like the service's)
      started = performance.now();
      await Promise.all(
        trainees.map((t) =>
          pool.query(
            `WITH seat AS (
               UPDATE sessions
               SET seats_held = seats_held + (CASE WHEN seats_held < capacity THEN 1 ELSE 0 END),
                   waitlist_seq = waitlist_seq + (CASE WHEN seats_held < capacity THEN 0 ELSE 1 END),
                   waitlist_length = waitlist_length + (CASE WHEN seats_held < capacity THEN 0 ELSE 1 END),
                   updated_at = now()
               WHERE id = $1
               RETURNING id, waitlist_seq, waitlist_length = 0 AS confirmed)
             INSERT INTO enrollments
               (id, session_id, user_id, status, source, waitlist_rank, confirmed_at, updated_at)
             SELECT $2, id, $3, (CASE WHEN confirmed THEN 'CONFIRMED' ELSE 'WAITLISTED' END)::"EnrollmentStatus",
                    'SELF', CASE WHEN confirmed THEN NULL ELSE waitlist_seq END,
                    CASE WHEN confirmed THEN now() END, now()
             FROM seat`,
            [rawRow.id, randomUUID(), t.id],
          ),
        ),
      );
      const rawRowRate = rate(N, performance.now() - started);

      results.push({ service, raw: rawRate, rawRow: rawRowRate });
      console.log(
        `round ${round}: service ${fmt(service.perSecond)} enrollments/s (${fmt(service.ms)} ms) · ` +
          `raw ${fmt(rawRate.perSecond)} statements/s (${fmt(rawRate.ms)} ms) · ` +
          `raw+row ${fmt(rawRowRate.perSecond)} statements/s (${fmt(rawRowRate.ms)} ms)`,
      );

      // The raw sessions must not be overbooked either (the guard and the CHECK hold them), and
      // the baseline recorded every trainee.
      for (const id of [raw.id, rawRow.id]) {
        const row = await db.session.findUniqueOrThrow({
          where: { id },
          select: { seatsHeld: true, capacity: true, _count: { select: { enrollments: true } } },
        });
        const recorded = id === rawRow.id ? N : 0;
        if (row.seatsHeld !== row.capacity || row._count.enrollments !== recorded) {
          violated = true;
          console.error(
            `raw session ${id}: seats_held ${row.seatsHeld} of ${row.capacity}, ${row._count.enrollments} enrollments`,
          );
        }
      }
    }

    const service = median(results.map((r) => r.service.perSecond));
    const raw = median(results.map((r) => r.raw.perSecond));
    const rawRow = median(results.map((r) => r.rawRow.perSecond));
    const ratio = service / rawRow;
    console.log("");
    console.log(`service (enroll):           ${fmt(service)} enrollments/s (median of ${ROUNDS})`);
    console.log(
      `raw UPDATE + INSERT (CTE):  ${fmt(rawRow)} statements/s   ← baseline: a seat or waitlist place, and the enrollment row`,
    );
    console.log(
      `raw guarded UPDATE:         ${fmt(raw)} statements/s   (reference: the seat counter alone; ` +
        `only the first ${capacity} of ${N} match a row and write)`,
    );
    console.log(
      `ratio service/raw+row:      ${fmt(ratio, 2)} (target ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? "met" : "MISSED"}); ` +
        `service/raw (bare UPDATE) ${fmt(service / raw, 2)}`,
    );

    // Invariants of every service session (design.md 1, 2, 4): recounted from the records.
    let overbooked = 0;
    let duplicates = 0;
    for (const { id, accepted } of serviceSessions) {
      const [counts] = await db.$queryRaw<
        { overbooked: number; duplicates: number; confirmed: number; waitlisted: number }[]
      >`
        SELECT greatest(0, count(*) FILTER (WHERE e.status IN ('CONFIRMED', 'OFFERED')) - max(s.capacity))::int AS overbooked,
               (SELECT count(*) FROM (
                  SELECT user_id FROM enrollments
                  WHERE session_id = ${id} AND status IN ('PENDING_APPROVAL', 'CONFIRMED', 'WAITLISTED', 'OFFERED')
                  GROUP BY user_id HAVING count(*) > 1) d)::int AS duplicates,
               count(*) FILTER (WHERE e.status = 'CONFIRMED')::int AS confirmed,
               count(*) FILTER (WHERE e.status = 'WAITLISTED')::int AS waitlisted
        FROM sessions s LEFT JOIN enrollments e ON e.session_id = s.id
        WHERE s.id = ${id}`;
      overbooked += counts!.overbooked;
      duplicates += counts!.duplicates;
      const report = await checkSessionInvariants(id);
      // Every accepted request is there: the first `capacity` confirmed, the rest waiting.
      const complete =
        counts!.confirmed === Math.min(capacity, accepted) &&
        counts!.confirmed + counts!.waitlisted === accepted;
      if (report.problems.length > 0 || !complete) {
        violated = true;
        console.error(
          `session ${id}: ${counts!.confirmed} confirmed, ${counts!.waitlisted} waitlisted of ${accepted} accepted; ` +
            report.problems.join("; "),
        );
      }
    }
    if (overbooked > 0 || duplicates > 0) violated = true;
    console.log(
      `invariants (service sessions): overbooked: ${overbooked}, duplicates: ${duplicates}` +
        (violated ? " — VIOLATED (see above)" : ", seats_held = recount, waitlist ranked"),
    );
    for (const e of errors) {
      console.error(
        `errors: round ${e.round}: ${e.count} of ${N} enrollments failed (first: ${e.first}); ` +
          "a failed request changes nothing, but its trainee sees an error",
      );
    }

    // Profile: one more service round with the statement log on (not part of the figures).
    const profiled = await newSession();
    profiler.enabled = true;
    await Promise.allSettled(trainees.map((t) => enroll(t, { sessionId: profiled.id })));
    profiler.enabled = false;
    const txs = profiler.transactions;
    console.log("");
    console.log(
      `profile of the ${N} enrollments of one more round (statement log on; transactions that took the session lock):`,
    );
    for (const path of ["fast", "slow"] as const) {
      const mine = txs.filter((t) => t.path === path);
      const committed = mine.filter((t) => t.committed).length;
      if (path === "fast") {
        console.log(
          `  fast path (fast-enroll.ts): ${mine.length} transactions, ${committed} committed, ` +
            `${mine.length - committed} turned away by the guard (then decided by the slow path)`,
        );
      } else {
        console.log(
          `  slow path (withSeatLock): ${mine.length} transactions, ${committed} committed`,
        );
      }
      if (mine.length === 0) continue;
      const avg = (pick: (t: ProfiledTransaction) => number) =>
        mine.reduce((sum, t) => sum + pick(t), 0) / mine.length;
      const after = avg((t) => t.afterMs);
      const inSql = avg((t) => t.inSqlAfterMs);
      console.log(
        `    round trips per transaction: ${fmt(
          avg((t) => t.statements),
          1,
        )} (BEGIN … COMMIT), ` +
          `${fmt(
            avg((t) => t.underLock),
            1,
          )} after the one that takes the lock`,
      );
      if (path === "fast") {
        console.log(
          `    its last message (the locking statement + COMMIT, run back to back by the server): ` +
            `${fmt(
              avg((t) => t.lockingMs),
              2,
            )} ms from sending to answer, mostly waiting for the lock; ` +
            `the lock is held only for the statement's work after the grant and the COMMIT`,
        );
      } else {
        console.log(
          `    waiting for the lock: ${fmt(
            avg((t) => t.lockingMs),
            2,
          )} ms; lock held ${fmt(after, 2)} ms → at most ` +
            `${fmt(1000 / after)} enrollments/s into one session; ${fmt(inSql, 2)} ms of it in SQL round trips, ` +
            `${fmt(after - inSql, 2)} ms in the app between them`,
        );
      }
    }
    // The session lock as the database handed it on: created_at of a fast-path enrollment is the
    // moment its statement got the lock, so the spread of the round's created_at over its count
    // is how long each enrollment kept the session to itself (gaps included).
    const [spread] = await db.$queryRaw<{ n: number; ms: number }[]>`
      SELECT count(*)::int AS n,
             (extract(epoch FROM max(created_at) - min(created_at)) * 1000)::float8 AS ms
      FROM enrollments WHERE session_id = ${profiled.id}`;
    if (spread && spread.n > 1 && spread.ms > 0) {
      const each = spread.ms / (spread.n - 1);
      console.log(
        `  the session lock was handed on every ${fmt(each, 3)} ms on average (created_at, first to last ` +
          `enrollment of the round) → ${fmt(1000 / each)} enrollments/s into one session while it was contended`,
      );
    }
    const statements = [...profiler.byStatement].sort((a, b) => b[1].ms - a[1].ms);
    if (statements.length > 0) {
      console.log(
        "  statements after the lock was taken (per transaction of that path: count, ms):",
      );
      for (const [text, entry] of statements) {
        const per = txs.filter((t) => text.startsWith(`${t.path}:`)).length || 1;
        console.log(`    ${fmt(entry.count / per, 1)}× ${fmt(entry.ms / per, 3)} ms  ${text}`);
      }
    }
  } finally {
    await db.$disconnect().catch(() => {});
    await pool.end().catch(() => {});
    if (!flags.keep) await dropDatabase(server, BENCH_DATABASE).catch(() => {});
    else console.log(`kept the database ${describeDatabase(benchUrl)}`);
  }
  return violated || errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
