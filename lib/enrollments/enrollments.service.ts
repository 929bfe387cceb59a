import { db, type Tx } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EnrollmentSource, EnrollmentStatus } from "@/lib/generated/prisma/enums";
import { isAppLocale, routing } from "@/lib/i18n/routing";
import { recordAudit } from "@/lib/audit/audit";
import { can, requirePermission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import {
  ACTIVE_STATUSES,
  decideSelfEnrollment,
  holdsSeat,
  isActiveStatus,
  SEAT_STATUSES,
} from "@/lib/enrollments/enrollments.rules";
import { withSeatLock, type Recipient, type SeatContext } from "@/lib/enrollments/seat-lock";
import {
  enrollFast,
  loadSelfEnrollmentFacts,
  missingPrerequisitesSql,
  overlappingSeatSql,
} from "@/lib/enrollments/fast-enroll";

/**
 * The enrollment engine: every operation that takes or frees a seat, or moves someone on the
 * waitlist. Each one runs through `withSeatLock` (lib/enrollments/seat-lock.ts), appends an
 * enrollment event per status change and puts the trainee's mail in the outbox in the same
 * transaction. Every exported function takes the acting user first and checks permission
 * itself; records are looked up within the actor's scope (another trainee's enrollment is
 * "not found", not "forbidden").
 */

export type RequestMeta = { ip?: string | null };

export type EnrollmentOutcome = {
  enrollmentId: string;
  status: EnrollmentStatus;
  /** 1-based place in the waitlist when waitlisted. */
  position: number | null;
  offerExpiresAt: Date | null;
};

/** Someone the engine acts for or writes to. */
type Person = { id: string; email: string; name: string; locale: string };

function recipientOf(person: Person): Recipient {
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    locale: isAppLocale(person.locale) ? person.locale : routing.defaultLocale,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Runs a seat operation, turning a race on the one-active-enrollment index into its rule's message. */
async function guardDuplicate<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("ALREADY_ENROLLED");
    throw error;
  }
}

const USER_SELECT = { id: true, email: true, name: true, locale: true } as const;

// ---------------------------------------------------------------------------------------------
// Reads that prepare a decision (outside the lock; nothing here decides about seats)

/** Prerequisite courses of `courseIds` the user has not completed. */
export async function countMissingPrerequisites(
  tx: Tx | typeof db,
  userId: string,
  prerequisiteIds: string[],
): Promise<number> {
  if (prerequisiteIds.length === 0) return 0;
  const [row] = await tx.$queryRaw<{ missing: number }[]>`
    SELECT (${missingPrerequisitesSql(
      userId,
      Prisma.sql`SELECT DISTINCT unnest(${prerequisiteIds}::text[])`,
    )}) AS missing`;
  return row!.missing;
}

/**
 * A session (other than `sessionId`, not cancelled) whose meetings overlap `sessionId`'s and in
 * which the user holds a seat; returns its course titles, or null.
 */
export async function findOverlappingSeat(
  tx: Tx | typeof db,
  userId: string,
  sessionId: string,
): Promise<{ titleKo: string; titleEn: string } | null> {
  const rows = await tx.$queryRaw<{ title_ko: string; title_en: string }[]>(
    overlappingSeatSql(userId, sessionId),
  );
  const row = rows[0];
  return row ? { titleKo: row.title_ko, titleEn: row.title_en } : null;
}

async function activeEnrollmentOf(tx: Tx, userId: string, sessionId: string) {
  return tx.enrollment.findFirst({
    where: { userId, sessionId, status: { in: [...ACTIVE_STATUSES] } },
    select: { id: true, status: true },
  });
}

/** Instructors manage the rosters of sessions they teach; admins every roster. */
async function requireRosterAccess(tx: Tx | typeof db, actor: CurrentUser, sessionId: string) {
  if (can(actor, "roster:manage:any")) return;
  requirePermission(actor, "roster:manage:assigned");
  const teaches = await tx.sessionInstructor.findUnique({
    where: { sessionId_userId: { sessionId, userId: actor.id } },
    select: { userId: true },
  });
  if (!teaches) throw new ForbiddenError();
}

// ---------------------------------------------------------------------------------------------
// Creating enrollments

async function createEnrollment(
  context: SeatContext,
  input: {
    sessionId: string;
    user: Recipient;
    status: "CONFIRMED" | "WAITLISTED" | "PENDING_APPROVAL";
    source: EnrollmentSource;
    requestNote?: string | null;
    reason?: string | null;
  },
): Promise<EnrollmentOutcome> {
  let waitlist: { rank: bigint; position: number } | null = null;
  if (input.status === "CONFIRMED") await context.takeSeats(input.sessionId);
  if (input.status === "WAITLISTED") waitlist = await context.nextWaitlistRank(input.sessionId);
  const enrollment = await context.tx.enrollment.create({
    data: {
      sessionId: input.sessionId,
      userId: input.user.id,
      status: input.status,
      source: input.source,
      waitlistRank: waitlist?.rank ?? null,
      requestNote: input.requestNote ?? null,
      confirmedAt: input.status === "CONFIRMED" ? context.now : null,
      // The moment the request obtained the session lock: its place in the arrival order.
      createdAt: new Date(),
    },
    select: { id: true },
  });
  await context.recordEvent({
    enrollmentId: enrollment.id,
    from: null,
    to: input.status,
    reason: input.reason ?? null,
    data: { source: input.source },
  });
  if (input.status === "CONFIRMED") {
    await context.notify(input.user, input.sessionId, "enrollment.confirmed", {});
  } else if (input.status === "WAITLISTED") {
    await context.notify(input.user, input.sessionId, "enrollment.waitlisted", {
      position: waitlist!.position,
    });
  } else {
    await context.notify(input.user, input.sessionId, "enrollment.pending-approval", {});
  }
  return {
    enrollmentId: enrollment.id,
    status: input.status,
    position: waitlist?.position ?? null,
    offerExpiresAt: null,
  };
}

export type EnrollInput = {
  sessionId: string;
  /** Ask the center to approve despite missing prerequisites (with a note). */
  requestApproval?: boolean;
  requestNote?: string | null;
};

/**
 * A trainee enrolls themself: confirmed while seats are free, waitlisted when full, pending
 * approval when the course requires it (or when they ask despite missing prerequisites).
 *
 * A plain seat or waitlist place goes through the fast path (fast-enroll.ts: the session lock
 * is taken by its last statement); everything else, and anything the fast path's guard turns
 * away, is decided here under `withSeatLock`.
 */
export async function enroll(actor: CurrentUser, input: EnrollInput): Promise<EnrollmentOutcome> {
  requirePermission(actor, "enrollment:create:own");
  return guardDuplicate(
    async () => (await enrollFast(recipientOf(actor), input)) ?? enrollUnderSeatLock(actor, input),
  );
}

async function enrollUnderSeatLock(
  actor: CurrentUser,
  input: EnrollInput,
): Promise<EnrollmentOutcome> {
  return withSeatLock(
    {
      actorId: actor.id,
      sessionIds: [input.sessionId],
      userIds: [actor.id],
      prepare: async (tx) => {
        const facts = await loadSelfEnrollmentFacts(tx, actor.id, input.sessionId);
        if (!facts) throw new NotFoundError("SESSION_NOT_FOUND");
        return facts;
      },
    },
    async (context, { mail, requiresApproval, missingPrerequisites, overlap, activeStatus }) => {
      context.provideMailContext(mail);
      const locked = context.session(input.sessionId);
      const decision = decideSelfEnrollment({
        now: context.now,
        session: locked,
        requiresApproval,
        missingPrerequisites,
        activeStatus,
        overlappingCourseTitle: overlap
          ? overlap[actor.locale === "en" ? "titleEn" : "titleKo"]
          : null,
        requestApproval: input.requestApproval ?? false,
      });
      if (!decision.ok) {
        if (decision.code === "SCHEDULE_OVERLAP") {
          throw new ConflictError("SCHEDULE_OVERLAP", {
            course: overlap![actor.locale === "en" ? "titleEn" : "titleKo"],
          });
        }
        throw new ConflictError(decision.code);
      }
      return createEnrollment(context, {
        sessionId: input.sessionId,
        user: recipientOf(actor),
        status: decision.outcome,
        source: "SELF",
        requestNote: decision.outcome === "PENDING_APPROVAL" ? (input.requestNote ?? null) : null,
      });
    },
  );
}

export type AdminAddInput = {
  sessionId: string;
  userId: string;
  /** When the session is full: put them on the waitlist instead of refusing. */
  waitlistIfFull?: boolean;
  reason?: string | null;
};

/**
 * Staff add a trainee to a session, past the registration window, prerequisites and approval
 * (the staff member is the approval). Capacity still holds: a full session refuses, or
 * waitlists when asked to.
 */
export async function addEnrollmentByStaff(
  actor: CurrentUser,
  input: AdminAddInput,
  meta: RequestMeta = {},
): Promise<EnrollmentOutcome> {
  await requireRosterAccess(db, actor, input.sessionId);
  const trainee = await db.user.findFirst({
    where: { id: input.userId, active: true },
    select: USER_SELECT,
  });
  if (!trainee) throw new NotFoundError("USER_NOT_FOUND");
  return guardDuplicate(() =>
    withSeatLock(
      { actorId: actor.id, sessionIds: [input.sessionId], userIds: [trainee.id] },
      async (context) => {
        const session = context.session(input.sessionId);
        if (session.status === "CANCELLED") throw new ConflictError("SESSION_CANCELLED");
        if (session.status === "COMPLETED") throw new ConflictError("SESSION_COMPLETED");
        if (await activeEnrollmentOf(context.tx, trainee.id, input.sessionId)) {
          throw new ConflictError("ALREADY_ENROLLED");
        }
        const full = session.seatsHeld >= session.capacity;
        if (full && !input.waitlistIfFull) {
          throw new ConflictError("SESSION_FULL", {
            capacity: session.capacity,
            held: session.seatsHeld,
          });
        }
        const outcome = await createEnrollment(context, {
          sessionId: input.sessionId,
          user: recipientOf(trainee),
          status: full ? "WAITLISTED" : "CONFIRMED",
          source: "ADMIN",
          reason: input.reason ?? "staff.add",
        });
        await recordAudit(context.tx, {
          actorId: actor.id,
          action: "enrollment.add",
          entityType: "Enrollment",
          entityId: outcome.enrollmentId,
          data: { sessionId: input.sessionId, userId: trainee.id, status: outcome.status },
          ip: meta.ip,
        });
        return outcome;
      },
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Changing existing enrollments

const ENROLLMENT_FOR_CHANGE = {
  id: true,
  sessionId: true,
  userId: true,
  status: true,
  seatBlockId: true,
  offerExpiresAt: true,
  user: { select: USER_SELECT },
} as const satisfies Prisma.EnrollmentSelect;

type EnrollmentForChange = Prisma.EnrollmentGetPayload<{ select: typeof ENROLLMENT_FOR_CHANGE }>;

/**
 * The enrollment as seen by `actor`: their own, or any on a roster they manage. Anything else
 * is "not found", so ids of other people's enrollments reveal nothing.
 */
async function findEnrollmentFor(
  actor: CurrentUser,
  enrollmentId: string,
  mode: "own" | "own-or-roster" | "roster",
): Promise<{ enrollment: EnrollmentForChange; asStaff: boolean }> {
  const enrollment = await db.enrollment.findUnique({
    where: { id: enrollmentId },
    select: ENROLLMENT_FOR_CHANGE,
  });
  if (!enrollment) throw new NotFoundError("ENROLLMENT_NOT_FOUND");
  const own = enrollment.userId === actor.id;
  if (own && mode !== "roster") return { enrollment, asStaff: false };
  if (mode === "own") throw new NotFoundError("ENROLLMENT_NOT_FOUND");
  try {
    await requireRosterAccess(db, actor, enrollment.sessionId);
  } catch (error) {
    if (error instanceof ForbiddenError && mode === "own-or-roster") {
      throw new NotFoundError("ENROLLMENT_NOT_FOUND");
    }
    throw error;
  }
  return { enrollment, asStaff: true };
}

/** Re-reads the enrollment under the session lock: its status is authoritative from here on. */
async function lockedEnrollment(
  context: SeatContext,
  enrollmentId: string,
): Promise<EnrollmentForChange> {
  const enrollment = await context.tx.enrollment.findUnique({
    where: { id: enrollmentId },
    select: ENROLLMENT_FOR_CHANGE,
  });
  if (!enrollment) throw new NotFoundError("ENROLLMENT_NOT_FOUND");
  return enrollment;
}

/**
 * Frees the seat an enrollment held. A seat claimed from a cohort's seat block goes back to the
 * block while the block still holds seats (it stays counted as an unclaimed block seat);
 * otherwise it is freed and goes to the waitlist.
 */
async function releaseSeatOf(context: SeatContext, enrollment: EnrollmentForChange): Promise<void> {
  if (!holdsSeat(enrollment.status)) return;
  if (enrollment.seatBlockId) {
    const returned = await context.tx.seatBlock.updateMany({
      where: {
        id: enrollment.seatBlockId,
        status: "APPROVED",
        releasedAt: null,
        claimedSeats: { gt: 0 },
      },
      data: { claimedSeats: { decrement: 1 } },
    });
    if (returned.count === 1) return;
  }
  await context.freeSeats(enrollment.sessionId);
}

export type CancelInput = { enrollmentId: string; reason?: string | null };

/**
 * Cancels an enrollment: the trainee themself (refused after the session's cancellation
 * cut-off while they hold a seat), or staff at any time. A freed seat goes to the waitlist.
 */
export async function cancelEnrollment(
  actor: CurrentUser,
  input: CancelInput,
  meta: RequestMeta = {},
): Promise<EnrollmentOutcome> {
  const { enrollment: found, asStaff } = await findEnrollmentFor(
    actor,
    input.enrollmentId,
    "own-or-roster",
  );
  if (!asStaff) requirePermission(actor, "enrollment:cancel:own");
  return withSeatLock({ actorId: actor.id, sessionIds: [found.sessionId] }, async (context) => {
    const enrollment = await lockedEnrollment(context, found.id);
    const session = context.session(enrollment.sessionId);
    if (!isActiveStatus(enrollment.status)) throw new ConflictError("ENROLLMENT_NOT_ACTIVE");
    if (!asStaff && holdsSeat(enrollment.status) && context.now >= session.cancellationCutoffAt) {
      throw new ConflictError("CANCELLATION_CUTOFF_PASSED");
    }
    await releaseSeatOf(context, enrollment);
    await context.transition(
      {
        enrollmentId: enrollment.id,
        from: enrollment.status,
        to: "CANCELLED",
        reason: input.reason ?? (asStaff ? "staff.cancel" : "self.cancel"),
      },
      { cancelledAt: context.now, offerExpiresAt: null },
    );
    await context.notify(
      recipientOf(enrollment.user),
      enrollment.sessionId,
      "enrollment.cancelled",
      {
        by: asStaff ? "center" : "self",
        ...(input.reason ? { reason: input.reason } : {}),
      },
    );
    if (asStaff) {
      await recordAudit(context.tx, {
        actorId: actor.id,
        action: "enrollment.cancel",
        entityType: "Enrollment",
        entityId: enrollment.id,
        data: { from: enrollment.status, reason: input.reason ?? null },
        ip: meta.ip,
      });
    }
    return {
      enrollmentId: enrollment.id,
      status: "CANCELLED",
      position: null,
      offerExpiresAt: null,
    };
  });
}

/** The trainee takes the seat they were offered, before the deadline. */
export async function claimOffer(
  actor: CurrentUser,
  input: { enrollmentId: string },
): Promise<EnrollmentOutcome> {
  requirePermission(actor, "enrollment:respond-offer:own");
  const { enrollment: found } = await findEnrollmentFor(actor, input.enrollmentId, "own");
  return withSeatLock(
    { actorId: actor.id, sessionIds: [found.sessionId], userIds: [actor.id] },
    async (context) => {
      const enrollment = await lockedEnrollment(context, found.id);
      if (enrollment.status !== "OFFERED") throw new ConflictError("OFFER_NOT_OPEN");
      if (!enrollment.offerExpiresAt || enrollment.offerExpiresAt <= context.now) {
        throw new ConflictError("OFFER_EXPIRED");
      }
      const overlap = await findOverlappingSeat(context.tx, actor.id, enrollment.sessionId);
      if (overlap) {
        throw new ConflictError("SCHEDULE_OVERLAP", {
          course: overlap[actor.locale === "en" ? "titleEn" : "titleKo"],
        });
      }
      await context.transition(
        { enrollmentId: enrollment.id, from: "OFFERED", to: "CONFIRMED", reason: "offer.claimed" },
        { confirmedAt: context.now, offerExpiresAt: null },
      );
      await context.notify(
        recipientOf(enrollment.user),
        enrollment.sessionId,
        "enrollment.confirmed",
        {},
      );
      return {
        enrollmentId: enrollment.id,
        status: "CONFIRMED",
        position: null,
        offerExpiresAt: null,
      };
    },
  );
}

/** The trainee turns the offered seat down; it goes to the next person on the waitlist. */
export async function declineOffer(
  actor: CurrentUser,
  input: { enrollmentId: string },
): Promise<EnrollmentOutcome> {
  requirePermission(actor, "enrollment:respond-offer:own");
  const { enrollment: found } = await findEnrollmentFor(actor, input.enrollmentId, "own");
  return withSeatLock({ actorId: actor.id, sessionIds: [found.sessionId] }, async (context) => {
    const enrollment = await lockedEnrollment(context, found.id);
    if (enrollment.status !== "OFFERED") throw new ConflictError("OFFER_NOT_OPEN");
    await releaseSeatOf(context, enrollment);
    await context.transition(
      { enrollmentId: enrollment.id, from: "OFFERED", to: "DECLINED", reason: "offer.declined" },
      { offerExpiresAt: null },
    );
    return {
      enrollmentId: enrollment.id,
      status: "DECLINED",
      position: null,
      offerExpiresAt: null,
    };
  });
}

/**
 * Lapses every offer past its deadline (the worker calls this every minute); each seat goes to
 * the next person on that session's waitlist. Returns the number of offers expired.
 */
export async function expireOffers(now: Date = new Date()): Promise<number> {
  const due = await db.enrollment.findMany({
    where: { status: "OFFERED", offerExpiresAt: { lte: now } },
    select: { sessionId: true },
    distinct: ["sessionId"],
  });
  let expired = 0;
  for (const { sessionId } of due) {
    expired += await withSeatLock({ actorId: null, sessionIds: [sessionId] }, async (context) => {
      const offers = await context.tx.enrollment.findMany({
        where: { sessionId, status: "OFFERED", offerExpiresAt: { lte: now } },
        select: ENROLLMENT_FOR_CHANGE,
      });
      for (const offer of offers) {
        await releaseSeatOf(context, offer);
        await context.transition(
          { enrollmentId: offer.id, from: "OFFERED", to: "EXPIRED", reason: "offer.expired" },
          { offerExpiresAt: null },
        );
        await context.notify(recipientOf(offer.user), sessionId, "enrollment.offer-expired", {});
      }
      return offers.length;
    });
  }
  return expired;
}

/** Staff approve a pending request: a free seat confirms it, otherwise it joins the waitlist. */
export async function approveEnrollment(
  actor: CurrentUser,
  input: { enrollmentId: string },
  meta: RequestMeta = {},
): Promise<EnrollmentOutcome> {
  const { enrollment: found } = await findEnrollmentFor(actor, input.enrollmentId, "roster");
  return withSeatLock(
    { actorId: actor.id, sessionIds: [found.sessionId], userIds: [found.userId] },
    async (context) => {
      const enrollment = await lockedEnrollment(context, found.id);
      const session = context.session(enrollment.sessionId);
      if (enrollment.status !== "PENDING_APPROVAL")
        throw new ConflictError("ENROLLMENT_NOT_PENDING");
      if (session.status !== "PUBLISHED") throw new ConflictError("SESSION_NOT_OPEN");
      const overlap = await findOverlappingSeat(context.tx, enrollment.userId, session.id);
      if (overlap) {
        throw new ConflictError("SCHEDULE_OVERLAP", {
          course: overlap[actor.locale === "en" ? "titleEn" : "titleKo"],
        });
      }
      const recipient = recipientOf(enrollment.user);
      let outcome: EnrollmentOutcome;
      if (session.seatsHeld < session.capacity) {
        await context.takeSeats(session.id);
        await context.transition(
          {
            enrollmentId: enrollment.id,
            from: "PENDING_APPROVAL",
            to: "CONFIRMED",
            reason: "approval.granted",
          },
          { confirmedAt: context.now },
        );
        await context.notify(recipient, session.id, "enrollment.approved", {
          outcome: "CONFIRMED",
        });
        outcome = {
          enrollmentId: enrollment.id,
          status: "CONFIRMED",
          position: null,
          offerExpiresAt: null,
        };
      } else {
        const waitlist = await context.nextWaitlistRank(session.id);
        await context.transition(
          {
            enrollmentId: enrollment.id,
            from: "PENDING_APPROVAL",
            to: "WAITLISTED",
            reason: "approval.granted",
          },
          { waitlistRank: waitlist.rank },
        );
        await context.notify(recipient, session.id, "enrollment.approved", {
          outcome: "WAITLISTED",
          position: waitlist.position,
        });
        outcome = {
          enrollmentId: enrollment.id,
          status: "WAITLISTED",
          position: waitlist.position,
          offerExpiresAt: null,
        };
      }
      await recordAudit(context.tx, {
        actorId: actor.id,
        action: "enrollment.approve",
        entityType: "Enrollment",
        entityId: enrollment.id,
        data: { status: outcome.status },
        ip: meta.ip,
      });
      return outcome;
    },
  );
}

/** Staff refuse a pending request, with a reason the trainee reads in their mail. */
export async function rejectEnrollment(
  actor: CurrentUser,
  input: { enrollmentId: string; reason: string },
  meta: RequestMeta = {},
): Promise<EnrollmentOutcome> {
  const { enrollment: found } = await findEnrollmentFor(actor, input.enrollmentId, "roster");
  return withSeatLock({ actorId: actor.id, sessionIds: [found.sessionId] }, async (context) => {
    const enrollment = await lockedEnrollment(context, found.id);
    if (enrollment.status !== "PENDING_APPROVAL") throw new ConflictError("ENROLLMENT_NOT_PENDING");
    await context.transition(
      {
        enrollmentId: enrollment.id,
        from: "PENDING_APPROVAL",
        to: "REJECTED",
        reason: input.reason,
      },
      { cancelledAt: context.now },
    );
    await context.notify(
      recipientOf(enrollment.user),
      enrollment.sessionId,
      "enrollment.rejected",
      {
        reason: input.reason,
      },
    );
    await recordAudit(context.tx, {
      actorId: actor.id,
      action: "enrollment.reject",
      entityType: "Enrollment",
      entityId: enrollment.id,
      data: { reason: input.reason },
      ip: meta.ip,
    });
    return {
      enrollmentId: enrollment.id,
      status: "REJECTED",
      position: null,
      offerExpiresAt: null,
    };
  });
}

/**
 * Staff move a trainee to another session of the same course. The new seat must be free (a
 * move never waitlists); the old seat is freed and goes to that session's waitlist.
 */
export async function moveEnrollment(
  actor: CurrentUser,
  input: { enrollmentId: string; toSessionId: string; reason: string },
  meta: RequestMeta = {},
): Promise<EnrollmentOutcome> {
  const { enrollment: found } = await findEnrollmentFor(actor, input.enrollmentId, "roster");
  if (found.sessionId === input.toSessionId)
    throw new ValidationError("MOVE_SAME_SESSION", "toSessionId");
  await requireRosterAccess(db, actor, input.toSessionId);
  return guardDuplicate(() =>
    withSeatLock(
      {
        actorId: actor.id,
        sessionIds: [found.sessionId, input.toSessionId],
        userIds: [found.userId],
      },
      async (context) => {
        const enrollment = await lockedEnrollment(context, found.id);
        const from = context.session(enrollment.sessionId);
        const to = context.session(input.toSessionId);
        if (!isActiveStatus(enrollment.status) || enrollment.status === "PENDING_APPROVAL") {
          throw new ConflictError("ENROLLMENT_NOT_MOVABLE");
        }
        if (from.courseId !== to.courseId) throw new ConflictError("MOVE_OTHER_COURSE");
        if (to.status !== "PUBLISHED") throw new ConflictError("SESSION_NOT_OPEN");
        if (await activeEnrollmentOf(context.tx, enrollment.userId, to.id)) {
          throw new ConflictError("ALREADY_ENROLLED");
        }
        if (to.seatsHeld >= to.capacity) {
          throw new ConflictError("SESSION_FULL", { capacity: to.capacity, held: to.seatsHeld });
        }
        const previous = await context.mailContext(from.id);
        await releaseSeatOf(context, enrollment);
        await context.transition(
          {
            enrollmentId: enrollment.id,
            from: enrollment.status,
            to: "CANCELLED",
            reason: input.reason,
            data: { movedTo: to.id },
          },
          { cancelledAt: context.now, offerExpiresAt: null },
        );
        await context.takeSeats(to.id);
        const moved = await context.tx.enrollment.create({
          data: {
            sessionId: to.id,
            userId: enrollment.userId,
            status: "CONFIRMED",
            source: "ADMIN",
            confirmedAt: context.now,
            createdAt: new Date(),
          },
          select: { id: true },
        });
        await context.recordEvent({
          enrollmentId: moved.id,
          from: null,
          to: "CONFIRMED",
          reason: input.reason,
          data: { movedFrom: enrollment.id },
        });
        await context.notify(recipientOf(enrollment.user), to.id, "enrollment.moved", {
          previousMeetings: previous.meetings,
        });
        await recordAudit(context.tx, {
          actorId: actor.id,
          action: "enrollment.move",
          entityType: "Enrollment",
          entityId: moved.id,
          data: {
            from: from.id,
            to: to.id,
            previousEnrollmentId: enrollment.id,
            reason: input.reason,
          },
          ip: meta.ip,
        });
        return {
          enrollmentId: moved.id,
          status: "CONFIRMED" as const,
          position: null,
          offerExpiresAt: null,
        };
      },
    ),
  );
}

/**
 * Staff move a waitlisted trainee to another place in the waitlist (1-based), with a reason
 * kept in the enrollment's history. Ranks are renumbered in the new order with fresh ranks
 * from the session's counter (above every rank given so far), so the unique (session, rank)
 * index never sees two rows share a rank mid-update, and later newcomers still rank behind.
 */
export async function reorderWaitlist(
  actor: CurrentUser,
  input: { enrollmentId: string; position: number; reason: string },
  meta: RequestMeta = {},
): Promise<{ position: number }> {
  requirePermission(actor, "waitlist:reorder");
  const { enrollment: found } = await findEnrollmentFor(actor, input.enrollmentId, "roster");
  return withSeatLock({ actorId: actor.id, sessionIds: [found.sessionId] }, async (context) => {
    const waiting = await context.tx.enrollment.findMany({
      where: { sessionId: found.sessionId, status: "WAITLISTED" },
      orderBy: { waitlistRank: "asc" },
      select: { id: true, waitlistRank: true },
    });
    const from = waiting.findIndex((e) => e.id === found.id);
    if (from < 0) throw new ConflictError("ENROLLMENT_NOT_WAITLISTED");
    if (
      !Number.isInteger(input.position) ||
      input.position < 1 ||
      input.position > waiting.length
    ) {
      throw new ValidationError("WAITLIST_POSITION_INVALID", "position", { max: waiting.length });
    }
    const order = waiting.map((e) => e.id);
    order.splice(from, 1);
    order.splice(input.position - 1, 0, found.id);
    const { first } = await context.reserveWaitlistRanks(found.sessionId, order.length);
    const values = Prisma.join(
      order.map((id, index) => Prisma.sql`(${id}, ${first + BigInt(index)}::bigint)`),
    );
    await context.tx.$executeRaw`
      UPDATE enrollments AS e SET waitlist_rank = v.rank, updated_at = now()
      FROM (VALUES ${values}) AS v(id, rank)
      WHERE e.id = v.id AND e.status = 'WAITLISTED'`;
    await context.recordEvent({
      enrollmentId: found.id,
      from: "WAITLISTED",
      to: "WAITLISTED",
      reason: input.reason,
      data: { fromPosition: from + 1, toPosition: input.position },
    });
    await recordAudit(context.tx, {
      actorId: actor.id,
      action: "waitlist.reorder",
      entityType: "Enrollment",
      entityId: found.id,
      data: { fromPosition: from + 1, toPosition: input.position, reason: input.reason },
      ip: meta.ip,
    });
    return { position: input.position };
  });
}

// ---------------------------------------------------------------------------------------------
// Session-wide changes

/**
 * Changes a session's capacity. Lowering it below the seats held is refused with the numbers;
 * raising it gives the new seats to the waitlist at once.
 */
export async function changeCapacity(
  actor: CurrentUser,
  input: { sessionId: string; capacity: number },
  meta: RequestMeta = {},
): Promise<{ capacity: number; seatsHeld: number }> {
  requirePermission(actor, "session:schedule");
  if (!Number.isInteger(input.capacity) || input.capacity < 1) {
    throw new ValidationError("CAPACITY_INVALID", "capacity");
  }
  return withSeatLock({ actorId: actor.id, sessionIds: [input.sessionId] }, async (context) => {
    const session = context.session(input.sessionId);
    if (session.status === "CANCELLED" || session.status === "COMPLETED") {
      throw new ConflictError("SESSION_NOT_OPEN");
    }
    if (input.capacity < session.seatsHeld) {
      throw new ValidationError("CAPACITY_BELOW_HELD", "capacity", {
        capacity: input.capacity,
        held: session.seatsHeld,
      });
    }
    const room = await context.tx.session.findUnique({
      where: { id: session.id },
      select: { room: { select: { capacity: true } } },
    });
    if (room?.room && input.capacity > room.room.capacity) {
      throw new ValidationError("CAPACITY_ABOVE_ROOM", "capacity", { room: room.room.capacity });
    }
    const previous = session.capacity;
    await context.tx.session.update({
      where: { id: session.id },
      data: { capacity: input.capacity },
    });
    session.capacity = input.capacity;
    if (input.capacity > previous) await context.fillNow(session.id);
    else context.changedSessions.add(session.id);
    await recordAudit(context.tx, {
      actorId: actor.id,
      action: "session.capacity",
      entityType: "Session",
      entityId: session.id,
      data: { from: previous, to: input.capacity },
      ip: meta.ip,
    });
    return { capacity: input.capacity, seatsHeld: session.seatsHeld };
  });
}

/**
 * The center cancels a session: every active enrollment is cancelled and told why, seat blocks
 * are cancelled, seats and bookings are released (bookings follow the session's status through
 * the database triggers), and the history stays.
 */
export async function cancelSession(
  actor: CurrentUser,
  input: { sessionId: string; reason: string },
  meta: RequestMeta = {},
): Promise<{ notified: number }> {
  requirePermission(actor, "session:schedule");
  return withSeatLock({ actorId: actor.id, sessionIds: [input.sessionId] }, async (context) => {
    const session = context.session(input.sessionId);
    if (session.status === "CANCELLED") throw new ConflictError("SESSION_CANCELLED");
    if (session.status === "COMPLETED") throw new ConflictError("SESSION_COMPLETED");
    const active = await context.tx.enrollment.findMany({
      where: { sessionId: session.id, status: { in: [...ACTIVE_STATUSES] } },
      select: ENROLLMENT_FOR_CHANGE,
      orderBy: { createdAt: "asc" },
    });
    // The mail describes the meetings as they were (cancelling deactivates them).
    await context.mailContext(session.id);
    // Status first: a cancelled session takes no waitlist promotion when seats are freed below.
    await context.tx.session.update({
      where: { id: session.id },
      data: { status: "CANCELLED", cancelReason: input.reason, cancelledAt: context.now },
    });
    session.status = "CANCELLED";
    await context.tx.seatBlock.updateMany({
      where: { sessionId: session.id, status: { in: ["REQUESTED", "APPROVED"] } },
      data: { status: "CANCELLED", decisionReason: input.reason },
    });
    if (session.seatsHeld > 0) await context.freeSeats(session.id, session.seatsHeld);
    for (const enrollment of active) {
      await context.transition(
        {
          enrollmentId: enrollment.id,
          from: enrollment.status,
          to: "CANCELLED",
          reason: input.reason,
          data: { sessionCancelled: true },
        },
        { cancelledAt: context.now, offerExpiresAt: null },
      );
      await context.notify(recipientOf(enrollment.user), session.id, "session.cancelled", {
        reason: input.reason,
      });
    }
    await recordAudit(context.tx, {
      actorId: actor.id,
      action: "session.cancel",
      entityType: "Session",
      entityId: session.id,
      data: { reason: input.reason, enrollments: active.length },
      ip: meta.ip,
    });
    return { notified: active.length };
  });
}

/** Seat statuses, re-exported for queries that count seats the same way as the engine. */
export { SEAT_STATUSES };
