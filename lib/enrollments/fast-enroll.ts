import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";
import { ConflictError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EnrollmentStatus, SessionStatus } from "@/lib/generated/prisma/enums";
import { invalidateSeatCaches } from "@/lib/courses/catalog-cache";
import { parseMailPayload, renderMailSubject } from "@/lib/notifications/render";
import {
  sessionMailContextOf,
  sessionMailInfo,
  type SessionMailContext,
} from "@/lib/enrollments/enrollments.mail";
import { ACTIVE_STATUSES, decideSelfEnrollment } from "@/lib/enrollments/enrollments.rules";
import { userLockKey, userLockStatement, type Recipient } from "@/lib/enrollments/seat-lock";
import type { EnrollInput, EnrollmentOutcome } from "@/lib/enrollments/enrollments.service";

/**
 * Self-enrollment's fast path (docs/decisions/0006, "Fast path"). Requests for one hot session
 * are serialized by its row lock, so throughput is bounded by how long each transaction holds
 * it. `withSeatLock` takes it first and then runs the whole operation; here it is taken by the
 * last statement before COMMIT:
 *
 *   BEGIN → the trainee's lock (as withSeatLock's) → one read of every fact the rules need →
 *   decide on that snapshot → ONE statement that locks and updates the session row with a
 *   guard and, from the row it returns, inserts the enrollment, its event and its mail → COMMIT
 *
 * The statement decides seat or waitlist itself, on the locked row: under READ COMMITTED an
 * UPDATE that waited for a row lock re-evaluates its WHERE and SET against the latest committed
 * version. Its snapshot is older than that (taken before the wait), so nothing in it reads other
 * rows to rank or count: the waitlist rank and position come from the counters on the locked
 * session row (`waitlist_seq`, `waitlist_length`), which every path keeps under the same lock.
 *
 * Anything else goes to the slow path (`withSeatLock`), which gives the proper outcome or
 * refusal: approval requests, refusals, a guard that failed (session closed or changed
 * meanwhile, or a seat free while people wait — the waitlist's head gets it first), anything
 * unusual. A fallback costs one empty transaction and changes nothing.
 */

// ---------------------------------------------------------------------------------------------
// What the self-enrollment rules need to know (both paths read it the same way, in one query)

/** Rows of courses the user has not completed, among `prerequisiteIds` (a one-column query). */
export function missingPrerequisitesSql(userId: string, prerequisiteIds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int FROM (${prerequisiteIds}) AS prerequisite(id)
    WHERE NOT EXISTS (
      SELECT 1 FROM enrollments done JOIN sessions ds ON ds.id = done.session_id
      WHERE done.user_id = ${userId} AND done.status = 'COMPLETED' AND ds.course_id = prerequisite.id)`;
}

/**
 * A session (other than `sessionId`, not cancelled) whose meetings overlap `sessionId`'s and in
 * which the user holds a seat: its course titles (title_ko, title_en), at most one row.
 */
export function overlappingSeatSql(userId: string, sessionId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT c.title_ko, c.title_en
    FROM enrollments e
    JOIN sessions s ON s.id = e.session_id AND s.status <> 'CANCELLED'
    JOIN courses c ON c.id = s.course_id
    JOIN session_meetings m ON m.session_id = e.session_id AND m.active
    JOIN session_meetings mine ON mine.session_id = ${sessionId} AND mine.active
    WHERE e.user_id = ${userId} AND e.session_id <> ${sessionId}
      AND e.status IN ('CONFIRMED', 'OFFERED')
      AND tstzrange(m.starts_at, m.ends_at) && tstzrange(mine.starts_at, mine.ends_at)
    LIMIT 1`;
}

const ACTIVE_STATUS_LIST = Prisma.raw(ACTIVE_STATUSES.map((status) => `'${status}'`).join(", "));

export type SelfEnrollmentFactsRead = {
  session: {
    id: string;
    courseId: string;
    status: SessionStatus;
    capacity: number;
    seatsHeld: number;
    registrationOpensAt: Date;
    registrationClosesAt: Date;
  };
  requiresApproval: boolean;
  missingPrerequisites: number;
  overlap: { titleKo: string; titleEn: string } | null;
  activeStatus: EnrollmentStatus | null;
  /** What the trainee's mail says about the session. */
  mail: SessionMailContext;
};

type FactsRow = {
  id: string;
  course_id: string;
  status: SessionStatus;
  capacity: number;
  seats_held: number;
  registration_opens_at: Date;
  registration_closes_at: Date;
  code: string;
  title_ko: string;
  title_en: string;
  requires_approval: boolean;
  room_name_ko: string | null;
  room_name_en: string | null;
  meetings: { id: string; startsAt: string; endsAt: string }[];
  missing_prerequisites: number;
  active_status: EnrollmentStatus | null;
  overlap_title_ko: string | null;
  overlap_title_en: string | null;
};

/**
 * Everything the self-enrollment rules and the trainee's mail need, in one statement (one row,
 * none when the session does not exist). Read after the trainee's lock (their other seats, their
 * active enrollment here); the session's numbers are a snapshot only the locked row may confirm.
 */
function selfEnrollmentFactsSql(userId: string, sessionId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT s.id, s.course_id, s.status::text AS status, s.capacity, s.seats_held,
           s.registration_opens_at, s.registration_closes_at,
           c.code, c.title_ko, c.title_en, c.requires_approval,
           r.name_ko AS room_name_ko, r.name_en AS room_name_en,
           coalesce((
             SELECT json_agg(json_build_object('id', m.id, 'startsAt', m.starts_at, 'endsAt', m.ends_at)
                             ORDER BY m.starts_at)
             FROM session_meetings m WHERE m.session_id = s.id AND m.active), '[]'::json) AS meetings,
           (${missingPrerequisitesSql(
             userId,
             Prisma.sql`SELECT prerequisite_id FROM course_prerequisites WHERE course_id = s.course_id`,
           )}) AS missing_prerequisites,
           (SELECT a.status::text FROM enrollments a
            WHERE a.session_id = s.id AND a.user_id = ${userId} AND a.status IN (${ACTIVE_STATUS_LIST})
            LIMIT 1) AS active_status,
           overlap.title_ko AS overlap_title_ko, overlap.title_en AS overlap_title_en
    FROM sessions s
    JOIN courses c ON c.id = s.course_id
    LEFT JOIN rooms r ON r.id = s.room_id
    LEFT JOIN LATERAL (${overlappingSeatSql(userId, sessionId)}) AS overlap ON true
    WHERE s.id = ${sessionId}`;
}

/** The facts for the slow path, in its transaction (see selfEnrollmentFactsSql). */
export async function loadSelfEnrollmentFacts(
  tx: Tx,
  userId: string,
  sessionId: string,
): Promise<SelfEnrollmentFactsRead | null> {
  const [row] = await tx.$queryRaw<FactsRow[]>(selfEnrollmentFactsSql(userId, sessionId));
  return factsOf(row);
}

function factsOf(row: FactsRow | undefined): SelfEnrollmentFactsRead | null {
  if (!row) return null;
  return {
    session: {
      id: row.id,
      courseId: row.course_id,
      status: row.status,
      capacity: row.capacity,
      seatsHeld: row.seats_held,
      registrationOpensAt: row.registration_opens_at,
      registrationClosesAt: row.registration_closes_at,
    },
    requiresApproval: row.requires_approval,
    missingPrerequisites: row.missing_prerequisites,
    overlap:
      row.overlap_title_ko !== null
        ? { titleKo: row.overlap_title_ko, titleEn: row.overlap_title_en! }
        : null,
    activeStatus: row.active_status,
    mail: sessionMailContextOf({
      id: row.id,
      course: { code: row.code, titleKo: row.title_ko, titleEn: row.title_en },
      room:
        row.room_name_ko !== null ? { nameKo: row.room_name_ko, nameEn: row.room_name_en! } : null,
      meetings: row.meetings.map((m) => ({
        id: m.id,
        startsAt: new Date(m.startsAt),
        endsAt: new Date(m.endsAt),
      })),
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The fast path

/**
 * Primary keys for the rows the statement inserts (Prisma's `@default(cuid())` is applied by
 * the client, not the database). Time first, like a cuid, so ids sort by creation as theirs do.
 */
function newId(): string {
  return `c${Date.now().toString(36).padStart(9, "0")}${randomBytes(8).toString("hex")}`;
}

const recipientEmail = z.email().max(320);

type PreparedMails = Record<"confirmed" | "waitlisted", { payload: unknown; subject: string }>;

/** Both possible mails, payload and subject in the trainee's language, ready before the lock. */
function prepareMails(context: SessionMailContext, recipient: Recipient): PreparedMails | null {
  if (!recipientEmail.safeParse(recipient.email).success) return null;
  const info = sessionMailInfo(context, recipient);
  const confirmed = parseMailPayload("enrollment.confirmed", info);
  // The position is set in the statement (jsonb_set); the subject does not name it.
  const waitlisted = parseMailPayload("enrollment.waitlisted", { ...info, position: 1 });
  return {
    confirmed: {
      payload: confirmed,
      subject: subjectOf("enrollment.confirmed", confirmed, recipient.locale),
    },
    waitlisted: {
      payload: waitlisted,
      subject: subjectOf("enrollment.waitlisted", waitlisted, recipient.locale),
    },
  };
}

const subjects = new Map<string, string>();
const SUBJECTS_KEPT = 500;

/**
 * The subject as enqueueMail renders it, remembered per template, language and session
 * description. These two subjects name the course, not the trainee or the waitlist position
 * (fast-enroll.test.ts holds them to that), while rendering one composes the whole mail: in a
 * rush on one session that is the same costly work for every request.
 */
function subjectOf(
  template: "enrollment.confirmed" | "enrollment.waitlisted",
  payload: unknown,
  locale: Recipient["locale"],
): string {
  const { name: _name, position: _position, ...session } = payload as Record<string, unknown>;
  const key = JSON.stringify([template, locale, session]);
  let subject = subjects.get(key);
  if (subject === undefined) {
    subject = renderMailSubject(template, payload, locale);
    if (subjects.size >= SUBJECTS_KEPT) subjects.clear();
    subjects.set(key, subject);
  }
  return subject;
}

type TakenRow = { enrollment_id: string; confirmed: boolean; position: number };

/**
 * Self-enrollment when it is a plain seat or waitlist place; null when the slow path must decide
 * (nothing was changed then). Throws ALREADY_ENROLLED if the one-active-enrollment index refuses
 * the row (a path that skipped the trainee's lock).
 *
 * It runs on a connection of the app's pool (the one Prisma uses) rather than through Prisma:
 * under a rush, round trips and the app's CPU are what each request costs, so it sends two
 * messages, each several statements run back to back by the server (simple query protocol):
 *   1. `BEGIN; <take the trainee's lock>; <read the facts>`
 *   2. `<the locking statement>; COMMIT`
 * Each statement runs with its own snapshot, so the facts are read after the trainee's lock is
 * granted. The COMMIT travels with the locking statement, so the server commits, and releases
 * the session lock, the moment that statement is done: the lock is never held while an answer
 * goes to this process and waits for its event loop. The statements are prepared once per
 * connection (see PreparedStatement) and run as `EXECUTE name(arguments)`; the simple query
 * protocol has no parameters, so the arguments are quoted with pg's `escapeLiteral`.
 */
export async function enrollFast(
  recipient: Recipient,
  input: EnrollInput,
): Promise<EnrollmentOutcome | null> {
  const now = new Date();
  const client = await getPool().connect();
  let broken: Error | undefined;
  try {
    await prepareOn(client, [USER_LOCK, FACTS, TAKE]);
    const opened = (await client.query(
      [
        "BEGIN",
        USER_LOCK.execute([userLockKey(recipient.id)]),
        FACTS.execute(selfEnrollmentFactsSql(recipient.id, input.sessionId).values),
      ].join("; "),
    )) as unknown as pg.QueryResult<FactsRow>[];
    const prepared = prepareArguments(factsOf(opened[2]?.rows[0]), recipient, input, now);
    if (!prepared) {
      await client.query("ROLLBACK");
      return null;
    }
    const results = (await client.query(
      `/* ${FAST_PATH_LOCK} */ ${TAKE.execute([JSON.stringify(prepared.args)])}; COMMIT`,
    )) as unknown as pg.QueryResult<TakenRow>[];
    const taken = results[0]?.rows[0];
    // Without a row the guard turned the request away: nothing was written (an empty commit).
    if (!taken) return null;
    invalidateSeatCaches({ sessionIds: [input.sessionId], courseIds: [prepared.courseId] });
    return {
      enrollmentId: taken.enrollment_id,
      status: taken.confirmed ? "CONFIRMED" : "WAITLISTED",
      position: taken.confirmed ? null : taken.position,
      offerExpiresAt: null,
    };
  } catch (error) {
    // After a failed statement the transaction is aborted (or already ended): roll it back.
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    if (isActiveEnrollmentConflict(error)) throw new ConflictError("ALREADY_ENROLLED");
    if (isMissingPreparedStatement(error)) {
      // Something deallocated them on this connection: prepare again next time, decide slowly now.
      preparedOn.delete(client);
      return null;
    }
    throw error;
  } finally {
    // A connection that could not roll back is closed rather than given to the next request.
    client.release(broken);
  }
}

/** Marks the message that takes the session lock (scripts/bench-enroll.ts profiles it). */
const FAST_PATH_LOCK = "fast-enroll: locks the session row";

/**
 * The decision on the facts and, for a plain seat or waitlist place, the locking statement's
 * arguments. Null when the slow path must decide.
 */
function prepareArguments(
  facts: SelfEnrollmentFactsRead | null,
  recipient: Recipient,
  input: EnrollInput,
  now: Date,
): { args: TakeArguments; courseId: string } | null {
  if (!facts) return null;
  const decision = decideSelfEnrollment({
    now,
    session: facts.session,
    requiresApproval: facts.requiresApproval,
    missingPrerequisites: facts.missingPrerequisites,
    activeStatus: facts.activeStatus,
    overlappingCourseTitle: facts.overlap?.titleEn ?? null,
    requestApproval: input.requestApproval ?? false,
  });
  if (!decision.ok || decision.outcome === "PENDING_APPROVAL") return null;
  let mails: PreparedMails | null;
  try {
    mails = prepareMails(facts.mail, recipient);
  } catch {
    mails = null; // the slow path enqueues the same mail and reports what is wrong with it
  }
  if (!mails) return null;
  return {
    courseId: facts.session.courseId,
    args: {
      sessionId: input.sessionId,
      now: now.toISOString(),
      userId: recipient.id,
      email: recipient.email,
      locale: recipient.locale,
      enrollmentId: newId(),
      eventId: newId(),
      mailId: newId(),
      confirmedPayload: mails.confirmed.payload,
      confirmedSubject: mails.confirmed.subject,
      waitlistedPayload: mails.waitlisted.payload,
      waitlistedSubject: mails.waitlisted.subject,
    },
  };
}

/** The locking statement's one argument (a JSON document). */
type TakeArguments = {
  sessionId: string;
  /** The request's time (ISO), as the rules saw it. */
  now: string;
  userId: string;
  email: string;
  locale: string;
  enrollmentId: string;
  eventId: string;
  mailId: string;
  confirmedPayload: unknown;
  confirmedSubject: string;
  waitlistedPayload: unknown;
  waitlistedSubject: string;
};

/**
 * The one statement that takes the session row lock, with its arguments as one JSON document.
 *
 * The UPDATE's guard is the slow path's rules on the fresh row: published, registration open
 * at the request's time, and no seat free while someone waits (that seat belongs to the
 * waitlist's head: the slow path gives it). It then takes a seat if one is free, else the next
 * waitlist rank. The inserts read only what the UPDATE returned, so they happen exactly when it
 * matched; with no row, nothing changes.
 *
 * After the UPDATE, `waitlist_length = 0` means a seat was taken: the guard allows a seat only
 * while nobody waits, and joining the waitlist makes the length at least 1.
 *
 * Times: `confirmed_at` is the request's time as in the slow path; `created_at` is the moment
 * the row lock was obtained (clock_timestamp() after the UPDATE, to the millisecond like the
 * app's clock), so creation order is the order of the lock, as the slow path's is.
 */
const TAKE_SQL = `
  WITH arg AS (
    SELECT $1 AS a
  ),
  seat AS (
    UPDATE sessions
    SET seats_held = seats_held + (CASE WHEN seats_held < capacity THEN 1 ELSE 0 END),
        waitlist_seq = waitlist_seq + (CASE WHEN seats_held < capacity THEN 0 ELSE 1 END),
        waitlist_length = waitlist_length + (CASE WHEN seats_held < capacity THEN 0 ELSE 1 END),
        updated_at = now()
    WHERE id = $1->>'sessionId' AND status = 'PUBLISHED'
      AND registration_opens_at <= ($1->>'now')::timestamptz
      AND registration_closes_at > ($1->>'now')::timestamptz
      AND NOT (waitlist_length > 0 AND seats_held < capacity)
    RETURNING id, waitlist_seq, waitlist_length, waitlist_length = 0 AS confirmed,
              date_trunc('milliseconds', clock_timestamp()) AS locked_at
  ),
  enrollment AS (
    INSERT INTO enrollments
      (id, session_id, user_id, status, source, waitlist_rank, confirmed_at, created_at, updated_at)
    SELECT arg.a->>'enrollmentId', seat.id, arg.a->>'userId',
           (CASE WHEN seat.confirmed THEN 'CONFIRMED' ELSE 'WAITLISTED' END)::"EnrollmentStatus",
           'SELF', CASE WHEN seat.confirmed THEN NULL ELSE seat.waitlist_seq END,
           CASE WHEN seat.confirmed THEN (arg.a->>'now')::timestamptz END,
           seat.locked_at, seat.locked_at
    FROM seat, arg
    RETURNING id, status
  ),
  event AS (
    INSERT INTO enrollment_events (id, enrollment_id, actor_id, from_status, to_status, data, created_at)
    SELECT arg.a->>'eventId', enrollment.id, arg.a->>'userId', NULL, enrollment.status,
           '{"source":"SELF"}'::jsonb, seat.locked_at
    FROM enrollment, seat, arg
  ),
  mail AS (
    INSERT INTO outbox_messages
      (id, user_id, to_email, locale, template, payload, subject, created_at, updated_at)
    SELECT arg.a->>'mailId', arg.a->>'userId', arg.a->>'email', (arg.a->>'locale')::"Locale",
           CASE WHEN seat.confirmed THEN 'enrollment.confirmed' ELSE 'enrollment.waitlisted' END,
           CASE WHEN seat.confirmed THEN arg.a->'confirmedPayload'
                ELSE jsonb_set(arg.a->'waitlistedPayload', '{position}', to_jsonb(seat.waitlist_length))
           END,
           CASE WHEN seat.confirmed THEN arg.a->>'confirmedSubject' ELSE arg.a->>'waitlistedSubject' END,
           seat.locked_at, seat.locked_at
    FROM enrollment, seat, arg
  )
  SELECT enrollment.id AS enrollment_id, seat.confirmed, seat.waitlist_length AS position
  FROM enrollment, seat`;

/**
 * A statement the fast path prepares once per pool connection (`PREPARE`) and runs by name. Its
 * parameters are text unless `types` says otherwise; every argument is passed as a string
 * literal. The name carries a hash of the text and types, so a connection prepared by an older
 * version of the code never runs that.
 */
class PreparedStatement {
  readonly name: string;
  readonly types: string[];
  /** The PREPARE statement. */
  readonly prepare: string;

  constructor(label: string, text: string, types: string[] = []) {
    const parameters = new Set(text.match(/\$\d+/g) ?? []).size;
    this.types = Array.from({ length: parameters }, (_, i) => types[i] ?? "text");
    const definition = `${parameters > 0 ? `(${this.types.join(", ")})` : ""} AS ${text}`;
    const hash = createHash("sha256").update(definition).digest("hex").slice(0, 16);
    this.name = `fast_enroll_${label}_${hash}`;
    this.prepare = `PREPARE ${this.name}${definition}`;
  }

  /** `EXECUTE name(…)` with each argument quoted as a string literal. */
  execute(values: unknown[]): string {
    if (values.length !== this.types.length || values.some((v) => typeof v !== "string")) {
      throw new Error(`${this.name} takes ${this.types.length} string arguments`);
    }
    const args = (values as string[]).map((value) => pg.escapeLiteral(value)).join(", ");
    return `EXECUTE ${this.name}${args ? `(${args})` : ""}`;
  }
}

const USER_LOCK = new PreparedStatement("user_lock", userLockStatement("$1"));
const FACTS = new PreparedStatement("facts", selfEnrollmentFactsSql("", "").text);
const TAKE = new PreparedStatement("take", TAKE_SQL, ["jsonb"]);

/** What each pool connection (kept for its lifetime) has prepared. */
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

async function prepareOn(client: pg.PoolClient, statements: PreparedStatement[]): Promise<void> {
  const done = preparedOn.get(client) ?? new Set<string>();
  for (const statement of statements) {
    if (done.has(statement.name)) continue;
    try {
      await client.query(statement.prepare);
    } catch (error) {
      // duplicate_prepared_statement: prepared by an earlier load of this module (same text).
      if ((error as { code?: unknown }).code !== "42P05") throw error;
    }
    done.add(statement.name);
  }
  preparedOn.set(client, done);
}

function isMissingPreparedStatement(error: unknown): boolean {
  return (error as { code?: unknown }).code === "26000";
}

/** The one-active-enrollment index refused the enrollment row. */
function isActiveEnrollmentConflict(error: unknown): boolean {
  const pgError = error as { code?: unknown; constraint?: unknown };
  return pgError.code === "23505" && pgError.constraint === "enrollments_one_active_per_user_key";
}
