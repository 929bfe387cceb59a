import { db, type Tx } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EnrollmentStatus, SessionStatus, WaitlistMode } from "@/lib/generated/prisma/enums";
import { isAppLocale, routing, type AppLocale } from "@/lib/i18n/routing";
import { invalidateSeatCaches } from "@/lib/courses/catalog-cache";
import { enqueueMail, type EnqueueMailInput } from "@/lib/notifications/outbox";
import type { MailPayloadInput, MailTemplate } from "@/lib/notifications/templates";
import type { SessionMailInfoInput } from "@/lib/notifications/templates/session-info";
import {
  loadSessionMailContext,
  sessionMailInfo,
  type SessionMailContext,
} from "@/lib/enrollments/enrollments.mail";
import { holdsSeat, offerDeadline } from "@/lib/enrollments/enrollments.rules";

/**
 * The one place where seats are taken and freed (design.md, invariants 1, 2, 4, 5).
 *
 * `withSeatLock` opens a transaction and locks the rows of the sessions concerned
 * (`SELECT … FOR UPDATE`, in id order so two multi-session operations cannot deadlock). Every
 * change of `sessions.seats_held` then goes through `takeSeats`/`freeSeats`, one guarded
 * UPDATE each (`seats_held + n BETWEEN 0 AND capacity`) with the CHECK constraint behind it.
 * Before the transaction commits, seats freed or added by the operation go to the head of the
 * waitlist (`fillFromWaitlist`), in the same transaction. After the commit, the catalog's
 * cached seat counts are invalidated.
 *
 * Waitlist order is the order in which requests obtain the lock: the rank is the session row's
 * `waitlist_seq` + 1, taken under it, and a unique index on (session, rank) among waitlisted
 * rows backs it. `waitlist_length` counts the WAITLISTED enrollments; `recordEvent` keeps it,
 * so every path that moves someone onto or off a waitlist does (each status change appends an
 * event). Self-enrollment has a fast path (fast-enroll.ts) that takes the session row lock in
 * its last statement and keeps both counters in that statement; see docs/decisions/0006.
 */

export type LockedSession = {
  id: string;
  courseId: string;
  capacity: number;
  seatsHeld: number;
  status: SessionStatus;
  waitlistMode: WaitlistMode;
  offerHours: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  cancellationCutoffAt: Date;
};

export type Recipient = { id: string; email: string; name: string; locale: AppLocale };

type SeatMailTemplate = {
  [T in MailTemplate]: MailPayloadInput<T> extends SessionMailInfoInput ? T : never;
}[MailTemplate];

/** Payload fields beyond the session description, per template. */
type ExtraPayload<T extends SeatMailTemplate> = Omit<
  MailPayloadInput<T>,
  keyof SessionMailInfoInput
>;

export type TransitionInput = {
  enrollmentId: string;
  from: EnrollmentStatus | null;
  to: EnrollmentStatus;
  reason?: string | null;
  data?: Prisma.InputJsonValue;
};

export class SeatContext {
  readonly now = new Date();
  private readonly sessions = new Map<string, LockedSession>();
  private readonly mailContexts = new Map<string, SessionMailContext>();
  /** Sessions whose free seats must be offered to their waitlist before commit. */
  private readonly toFill = new Set<string>();
  readonly changedSessions = new Set<string>();
  /** Enrollments that gave up a seat: their trainees may now be eligible elsewhere. */
  readonly releasedSeatEnrollments = new Set<string>();

  constructor(
    readonly tx: Tx,
    readonly actorId: string | null,
  ) {}

  /** @internal used by withSeatLock */
  adopt(session: LockedSession) {
    this.sessions.set(session.id, session);
  }

  session(id: string): LockedSession {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`session ${id} is not locked by this operation`);
    return session;
  }

  lockedSessions(): LockedSession[] {
    return [...this.sessions.values()];
  }

  /** Takes `count` seats or refuses with SESSION_FULL; the guarded UPDATE is the authority. */
  async takeSeats(sessionId: string, count = 1): Promise<void> {
    await this.changeSeats(sessionId, count);
  }

  /** Frees seats; they go to the waitlist before this transaction commits. */
  async freeSeats(sessionId: string, count = 1): Promise<void> {
    await this.changeSeats(sessionId, -count);
    this.toFill.add(sessionId);
  }

  /** After a capacity rise: gives the new seats to the waitlist now. */
  async fillNow(sessionId: string): Promise<void> {
    this.changedSessions.add(sessionId);
    await this.fillFromWaitlist(sessionId);
  }

  private async changeSeats(sessionId: string, delta: number): Promise<void> {
    if (delta === 0) return;
    const session = this.session(sessionId);
    const rows = await this.tx.$queryRaw<{ seats_held: number }[]>`
      UPDATE sessions SET seats_held = seats_held + ${delta}::int, updated_at = now()
      WHERE id = ${sessionId} AND seats_held + ${delta}::int BETWEEN 0 AND capacity
      RETURNING seats_held`;
    const row = rows[0];
    if (!row) {
      throw new ConflictError("SESSION_FULL", {
        capacity: session.capacity,
        held: session.seatsHeld,
      });
    }
    session.seatsHeld = row.seats_held;
    this.changedSessions.add(sessionId);
  }

  /** Updates the enrollment's status (and any other columns) and appends its event. */
  async transition(
    input: TransitionInput,
    columns: Prisma.EnrollmentUncheckedUpdateInput = {},
  ): Promise<void> {
    await this.tx.enrollment.update({
      where: { id: input.enrollmentId },
      data: { ...columns, status: input.to },
      select: { id: true },
    });
    if (input.from && holdsSeat(input.from) && !holdsSeat(input.to)) {
      this.releasedSeatEnrollments.add(input.enrollmentId);
    }
    await this.recordEvent(input);
  }

  /**
   * Appends an enrollment's event. Every status change records one, so this is also where the
   * session's `waitlist_length` follows enrollments onto and off its waitlist.
   */
  async recordEvent(input: TransitionInput): Promise<void> {
    const joins = input.to === "WAITLISTED";
    const leaves = input.from === "WAITLISTED";
    if (joins !== leaves) await this.changeWaitlistLength(input.enrollmentId, joins ? 1 : -1);
    await this.tx.enrollmentEvent.create({
      data: {
        enrollmentId: input.enrollmentId,
        actorId: this.actorId,
        fromStatus: input.from,
        toStatus: input.to,
        reason: input.reason ?? null,
        data: input.data,
        createdAt: new Date(),
      },
      select: { id: true },
    });
  }

  private async changeWaitlistLength(enrollmentId: string, delta: 1 | -1): Promise<void> {
    const [row] = await this.tx.$queryRaw<{ id: string }[]>`
      UPDATE sessions SET waitlist_length = waitlist_length + ${delta}::int
      WHERE id = (SELECT session_id FROM enrollments WHERE id = ${enrollmentId})
      RETURNING id`;
    if (!row) throw new Error(`enrollment ${enrollmentId} not found`);
    // A waitlist changes only under its session's lock (the counters are read by the fast path).
    this.session(row.id);
  }

  /** Provide a mail context loaded before the lock (saves a query while holding it). */
  provideMailContext(context: SessionMailContext) {
    this.mailContexts.set(context.sessionId, context);
  }

  async mailContext(sessionId: string): Promise<SessionMailContext> {
    let context = this.mailContexts.get(sessionId);
    if (!context) {
      context = await loadSessionMailContext(this.tx, sessionId);
      this.mailContexts.set(sessionId, context);
    }
    return context;
  }

  /** Puts the trainee's notification about a session in the outbox, in their language. */
  async notify<T extends SeatMailTemplate>(
    recipient: Recipient,
    sessionId: string,
    template: T,
    extra: ExtraPayload<T>,
  ): Promise<void> {
    const context = await this.mailContext(sessionId);
    const payload = { ...sessionMailInfo(context, recipient), ...extra };
    await enqueueMail(this.tx, {
      to: recipient.email,
      userId: recipient.id,
      locale: recipient.locale,
      template,
      payload,
    } as EnqueueMailInput);
  }

  /**
   * Next waitlist rank for a session (under the lock) and the place it gives: last, behind
   * everyone waiting. The caller then creates or moves the enrollment into WAITLISTED (its
   * event counts it into `waitlist_length`).
   */
  async nextWaitlistRank(sessionId: string): Promise<{ rank: bigint; position: number }> {
    const { first, waiting } = await this.reserveWaitlistRanks(sessionId, 1);
    return { rank: first, position: waiting + 1 };
  }

  /**
   * Hands out `count` consecutive waitlist ranks, all above every rank the session has given
   * (`waitlist_seq` only grows), and says how many are waiting now.
   */
  async reserveWaitlistRanks(
    sessionId: string,
    count: number,
  ): Promise<{ first: bigint; waiting: number }> {
    this.session(sessionId);
    const [row] = await this.tx.$queryRaw<{ last: bigint; waiting: number }[]>`
      UPDATE sessions SET waitlist_seq = waitlist_seq + ${count}::int
      WHERE id = ${sessionId}
      RETURNING waitlist_seq AS last, waitlist_length AS waiting`;
    if (!row) throw new NotFoundError("SESSION_NOT_FOUND");
    return { first: BigInt(row.last) - BigInt(count) + 1n, waiting: row.waiting };
  }

  /**
   * Gives free seats of a session to the head of its waitlist: AUTO mode confirms them, OFFER
   * mode offers them until a deadline. A waitlisted trainee who meanwhile took a seat in an
   * overlapping session, or whose account was deactivated, is passed over (and stays waiting).
   */
  async fillFromWaitlist(sessionId: string): Promise<void> {
    const session = this.session(sessionId);
    if (session.status !== "PUBLISHED") return;
    const free = session.capacity - session.seatsHeld;
    if (free <= 0) return;
    const heads = await this.tx.$queryRaw<
      { id: string; user_id: string; email: string; name: string; locale: string }[]
    >`
      SELECT e.id, e.user_id, u.email::text AS email, u.name, u.locale::text AS locale
      FROM enrollments e JOIN users u ON u.id = e.user_id
      WHERE e.session_id = ${sessionId} AND e.status = 'WAITLISTED' AND u.active
        AND NOT EXISTS (
          SELECT 1
          FROM enrollments other
          JOIN sessions os ON os.id = other.session_id AND os.status <> 'CANCELLED'
          JOIN session_meetings om ON om.session_id = other.session_id AND om.active
          JOIN session_meetings mine ON mine.session_id = ${sessionId} AND mine.active
          WHERE other.user_id = e.user_id AND other.session_id <> ${sessionId}
            AND other.status IN ('CONFIRMED', 'OFFERED')
            AND tstzrange(om.starts_at, om.ends_at) && tstzrange(mine.starts_at, mine.ends_at)
        )
      ORDER BY e.waitlist_rank
      LIMIT ${free}`;
    for (const head of heads) {
      const recipient: Recipient = {
        id: head.user_id,
        email: head.email,
        name: head.name,
        locale: isAppLocale(head.locale) ? head.locale : routing.defaultLocale,
      };
      await this.takeSeats(sessionId);
      const deadline =
        session.waitlistMode === "OFFER"
          ? offerDeadline(this.now, session.offerHours, session.registrationClosesAt)
          : null;
      if (deadline) {
        await this.transition(
          { enrollmentId: head.id, from: "WAITLISTED", to: "OFFERED", reason: "waitlist.offer" },
          { offerExpiresAt: deadline },
        );
        await this.notify(recipient, sessionId, "enrollment.offer", { offerExpiresAt: deadline });
      } else {
        await this.transition(
          {
            enrollmentId: head.id,
            from: "WAITLISTED",
            to: "CONFIRMED",
            reason: "waitlist.promoted",
          },
          { confirmedAt: this.now, offerExpiresAt: null },
        );
        await this.notify(recipient, sessionId, "enrollment.promoted", {});
      }
    }
  }

  /** @internal run by withSeatLock before commit */
  async settle(): Promise<void> {
    for (const sessionId of this.toFill) await this.fillFromWaitlist(sessionId);
  }
}

const LOCK_COLUMNS = Prisma.sql`id, course_id, capacity, seats_held, status::text AS status,
  waitlist_mode::text AS waitlist_mode, offer_hours, registration_opens_at,
  registration_closes_at, cancellation_cutoff_at, waitlist_length > 0 AS has_waitlist`;

type LockRow = {
  id: string;
  course_id: string;
  capacity: number;
  seats_held: number;
  status: SessionStatus;
  waitlist_mode: WaitlistMode;
  offer_hours: number;
  registration_opens_at: Date;
  registration_closes_at: Date;
  cancellation_cutoff_at: Date;
  has_waitlist: boolean;
};

/**
 * Locks the sessions (id order) and gives any seat that is free while people wait to the head
 * of the waitlist before the operation runs. Normally a freed seat is filled by the
 * transaction that frees it; a seat can still be free with people waiting when every waiting
 * trainee was passed over at that moment (a seat in an overlapping session they have since
 * given up), and it must not go to a newcomer ahead of them.
 */
async function lockSessions(context: SeatContext, sessionIds: string[]): Promise<void> {
  const ids = [...new Set(sessionIds)].sort();
  for (const id of ids) {
    const [row] = await context.tx.$queryRaw<LockRow[]>`
      SELECT ${LOCK_COLUMNS} FROM sessions WHERE id = ${id} FOR UPDATE`;
    if (!row) throw new NotFoundError("SESSION_NOT_FOUND");
    context.adopt({
      id: row.id,
      courseId: row.course_id,
      capacity: row.capacity,
      seatsHeld: row.seats_held,
      status: row.status,
      waitlistMode: row.waitlist_mode,
      offerHours: row.offer_hours,
      registrationOpensAt: row.registration_opens_at,
      registrationClosesAt: row.registration_closes_at,
      cancellationCutoffAt: row.cancellation_cutoff_at,
    });
    if (row.has_waitlist && row.status === "PUBLISHED" && row.seats_held < row.capacity) {
      await context.fillFromWaitlist(row.id);
    }
  }
}

/**
 * Serializes operations that give a seat to the same trainee (their overlap and duplicate
 * checks read the trainee's other seats). Taken before the session locks, in id order; the
 * waitlist fill does not take it (a promotion racing the same trainee's enrollment in an
 * overlapping session can still give both — see docs/decisions/0006).
 */
export async function lockUsers(tx: Tx, userIds: string[]): Promise<void> {
  for (const id of [...new Set(userIds)].sort()) {
    // Constant text; the key is a bound parameter.
    await tx.$queryRawUnsafe(userLockStatement("$1::text"), userLockKey(id));
  }
}

/** The key of a trainee's lock (lockUsers; self-enrollment's fast path takes the same lock). */
export function userLockKey(userId: string): string {
  return `enrollment-user:${userId}`;
}

/** The statement that takes a trainee's lock, given its key as a parameter or a quoted literal. */
export function userLockStatement(key: string): string {
  return `SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))::text`;
}

export type SeatLockOptions<P> = {
  actorId: string | null;
  sessionIds: string[];
  /** Trainees who may be given a seat by this operation (see lockUsers). */
  userIds?: string[];
  /** Reads that need no lock (rules' facts, mail context), run in the transaction first. */
  prepare?: (tx: Tx) => Promise<P>;
};

/**
 * Runs `work` in a transaction holding the row locks of `sessionIds`. See the file comment.
 * Long waits are expected under load (every request for a hot session queues on its row), so
 * the transaction's timeouts are generous; the lock, not the timeout, orders the requests.
 */
export async function withSeatLock<T, P = undefined>(
  options: SeatLockOptions<P>,
  work: (context: SeatContext, prepared: P) => Promise<T>,
): Promise<T> {
  const { result, sessionIds, courseIds, released } = await db.$transaction(
    async (tx) => {
      const context = new SeatContext(tx, options.actorId);
      if (options.userIds?.length) await lockUsers(tx, options.userIds);
      const prepared = (options.prepare ? await options.prepare(tx) : undefined) as P;
      await lockSessions(context, options.sessionIds);
      const result = await work(context, prepared);
      await context.settle();
      const changed = context.lockedSessions().filter((s) => context.changedSessions.has(s.id));
      return {
        result,
        sessionIds: changed.map((s) => s.id),
        courseIds: [...new Set(changed.map((s) => s.courseId))],
        released: [...context.releasedSeatEnrollments],
      };
    },
    { maxWait: 60_000, timeout: 60_000 },
  );
  if (sessionIds.length > 0) invalidateSeatCaches({ sessionIds, courseIds });
  if (released.length > 0) await offerSeatsPassedOver(released);
  return result;
}

/**
 * A trainee who gave up a seat may have been passed over on another session's waitlist because
 * of it (overlapping meetings). Sessions where they wait and a seat is free are locked in turn
 * right after the commit, and `lockSessions` gives the free seats to their waitlists.
 */
async function offerSeatsPassedOver(enrollmentIds: string[]): Promise<void> {
  const sessions = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT s.id
    FROM enrollments released
    JOIN enrollments waiting ON waiting.user_id = released.user_id AND waiting.status = 'WAITLISTED'
    JOIN sessions s ON s.id = waiting.session_id
    WHERE released.id = ANY(${enrollmentIds}::text[])
      AND s.status = 'PUBLISHED' AND s.seats_held < s.capacity`;
  for (const { id } of sessions) {
    await withSeatLock({ actorId: null, sessionIds: [id] }, async () => undefined);
  }
}
