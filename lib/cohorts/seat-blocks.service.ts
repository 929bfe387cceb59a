import "server-only";
import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import { cohortScope } from "@/lib/cohorts/cohorts.queries";
import {
  courseTitle,
  localeOf,
  lockedBlock,
  notifyCoordinators,
  organizationName,
  pageUrl,
  releaseBlockSeats,
  sessionSpan,
  type RequestMeta,
} from "@/lib/cohorts/seat-blocks.engine";
import {
  claimRefusal,
  defaultReleaseAt,
  releaseAtProblem,
  unclaimedSeats,
} from "@/lib/cohorts/seat-blocks.rules";
import type {
  AssignSeatInput,
  DecideSeatBlockInput,
  ReleaseSeatsInput,
  RequestSeatBlockInput,
  SeatBlockRefInput,
} from "@/lib/cohorts/seat-blocks.schemas";
import { findOverlappingSeat } from "@/lib/enrollments/enrollments.service";
import { ACTIVE_STATUSES } from "@/lib/enrollments/enrollments.rules";
import { withSeatLock, type Recipient } from "@/lib/enrollments/seat-lock";
import { enqueueMail } from "@/lib/notifications/outbox";

export { hasDueSeatBlocks, releaseDueSeatBlocks } from "@/lib/cohorts/seat-blocks.engine";
export type { RequestMeta };

/**
 * Partner seat blocks: a coordinator asks for seats in a session for a cohort, an admin approves
 * them (fully or partly) or rejects the request, members get the seats (assigned by the
 * coordinator or claimed by themselves), and the seats nobody took go back to everyone at the
 * block's release date or earlier.
 *
 * Seats: an approved block holds its unclaimed seats in `sessions.seats_held` (design.md,
 * invariant 1). Every change of a block's seats or status runs inside `withSeatLock` on its
 * session (lib/enrollments/seat-lock.ts) — the same lock as every other seat change, so a
 * claim, a self-enrollment, an approval, a cancellation returning a seat to its block and a
 * release of that session happen one after the other:
 * - approval takes the approved seats (`takeSeats`, refused with the free count when they are
 *   not free);
 * - a claim turns one held block seat into a confirmed enrollment (`claimed_seats` + 1; the
 *   session's count does not change);
 * - a release frees the unclaimed seats (`freeSeats`), and the engine gives them to the head of
 *   the waitlist before the transaction commits.
 *
 * Scope: coordinators reach the blocks of their own organization's cohorts (`cohortScope`),
 * members the blocks of cohorts they belong to; anything else is "not found". Every change is
 * audited and its mail is in the outbox in the same transaction (invariant 5).
 */

/** A coordinator cannot send a cohort the claim links of one block more often than this. */
const CLAIM_LINKS_INTERVAL_MS = 10 * 60 * 1000;
/** Claim links to a large cohort are a few thousand outbox rows in one transaction. */
const CLAIM_LINKS_TRANSACTION = { timeout: 60_000, maxWait: 15_000 } as const;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// ---------------------------------------------------------------------------------------------
// Requests

/**
 * A coordinator asks for `seats` seats in a published session, open for registration, for one
 * of their organization's active cohorts. One open request or block per cohort and session: a
 * coordinator who needs more asks again once it is decided (or released).
 */
export async function requestSeatBlock(
  actor: CurrentUser,
  input: RequestSeatBlockInput,
  meta: RequestMeta = {},
): Promise<{ blockId: string }> {
  requirePermission(actor, "seat-block:request:own-org");
  const scope = cohortScope(actor);
  return db.$transaction(async (tx) => {
    const cohort = await tx.cohort.findFirst({
      where: { id: input.cohortId, ...scope },
      select: { id: true, archivedAt: true },
    });
    if (!cohort) throw new NotFoundError("COHORT_NOT_FOUND");
    // One request at a time per cohort: a double submit finds the first one below.
    await tx.$queryRaw`SELECT id FROM cohorts WHERE id = ${cohort.id} FOR UPDATE`;
    if (cohort.archivedAt) throw new ConflictError("COHORT_ARCHIVED");

    const now = new Date();
    const session = await tx.session.findUnique({
      where: { id: input.sessionId },
      select: {
        status: true,
        capacity: true,
        registrationOpensAt: true,
        registrationClosesAt: true,
        meetings: {
          where: { active: true },
          orderBy: { startsAt: "asc" },
          take: 1,
          select: { startsAt: true },
        },
      },
    });
    // A draft is not public: it does not exist for a partner.
    if (!session || session.status === "DRAFT") throw new NotFoundError("SESSION_NOT_FOUND");
    if (session.status === "CANCELLED") throw new ConflictError("SESSION_CANCELLED");
    const first = session.meetings[0];
    if (session.status !== "PUBLISHED" || !first || first.startsAt <= now) {
      throw new ConflictError("SESSION_NOT_OPEN");
    }
    if (now < session.registrationOpensAt) throw new ConflictError("REGISTRATION_NOT_OPEN");
    if (now >= session.registrationClosesAt) throw new ConflictError("REGISTRATION_CLOSED");
    if (input.seats > session.capacity) {
      throw new ValidationError("SEAT_BLOCK_SEATS_ABOVE_CAPACITY", "seats", {
        capacity: session.capacity,
      });
    }
    const open = await tx.seatBlock.findFirst({
      where: {
        cohortId: cohort.id,
        sessionId: input.sessionId,
        OR: [{ status: "REQUESTED" }, { status: "APPROVED", releasedAt: null }],
      },
      select: { id: true },
    });
    if (open) throw new ConflictError("SEAT_BLOCK_EXISTS");

    const created = await tx.seatBlock.create({
      data: {
        sessionId: input.sessionId,
        cohortId: cohort.id,
        requestedSeats: input.seats,
        note: input.note,
        requestedById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "seat-block.request",
      entityType: "SeatBlock",
      entityId: created.id,
      data: { sessionId: input.sessionId, cohortId: cohort.id, requestedSeats: input.seats },
      ip: meta.ip,
    });
    await notifyCoordinators(tx, await lockedBlock(tx, created.id), "seat-block.requested", {});
    return { blockId: created.id };
  });
}

/** A coordinator withdraws a request nobody has decided yet. */
export async function withdrawSeatBlock(
  actor: CurrentUser,
  input: SeatBlockRefInput,
  meta: RequestMeta = {},
): Promise<void> {
  const found = await findManagedBlock(actor, input.blockId);
  // Under the session lock, like a decision: a withdrawal and an approval cannot cross.
  await withSeatLock({ actorId: actor.id, sessionIds: [found.sessionId] }, async (context) => {
    const block = await lockedBlock(context.tx, found.id);
    if (block.status !== "REQUESTED") throw new ConflictError("SEAT_BLOCK_NOT_REQUESTED");
    await context.tx.seatBlock.update({
      where: { id: block.id },
      data: { status: "CANCELLED" },
      select: { id: true },
    });
    await recordAudit(context.tx, {
      actorId: actor.id,
      action: "seat-block.withdraw",
      entityType: "SeatBlock",
      entityId: block.id,
      ip: meta.ip,
    });
  });
}

/** A block of a cohort `actor` manages (their organization's; admins any), or not found. */
async function findManagedBlock(actor: CurrentUser, blockId: string) {
  requirePermission(actor, "seat-block:request:own-org");
  const block = await db.seatBlock.findFirst({
    where: { id: blockId, cohort: cohortScope(actor) },
    select: { id: true, sessionId: true, cohortId: true },
  });
  if (!block) throw new NotFoundError("SEAT_BLOCK_NOT_FOUND");
  return block;
}

// ---------------------------------------------------------------------------------------------
// Decisions

/**
 * An admin decides a request: `approvedSeats` of the requested seats (fewer approves partly;
 * 0 rejects, with a reason). Approved seats are taken from the session at once and held until
 * `releaseAt` (default: 7 days before the first meeting; it must lie ahead and before the first
 * meeting). When fewer seats are free than approved, nothing happens and the refusal says how
 * many are free, so the admin can approve that many.
 */
export async function decideSeatBlock(
  actor: CurrentUser,
  input: DecideSeatBlockInput,
  meta: RequestMeta = {},
): Promise<{ status: "APPROVED" | "REJECTED"; releaseAt: Date | null }> {
  requirePermission(actor, "seat-block:decide");
  const found = await db.seatBlock.findUnique({
    where: { id: input.blockId },
    select: { id: true, sessionId: true },
  });
  if (!found) throw new NotFoundError("SEAT_BLOCK_NOT_FOUND");
  const rejecting = input.approvedSeats === 0;
  if (rejecting && !input.reason) throw new ValidationError("SEAT_BLOCK_REASON_REQUIRED", "reason");

  return withSeatLock({ actorId: actor.id, sessionIds: [found.sessionId] }, async (context) => {
    const block = await lockedBlock(context.tx, found.id);
    if (block.status !== "REQUESTED") throw new ConflictError("SEAT_BLOCK_ALREADY_DECIDED");
    const decided = { decidedById: actor.id, decidedAt: context.now, decisionReason: input.reason };

    if (rejecting) {
      await context.tx.seatBlock.update({
        where: { id: block.id },
        data: { ...decided, status: "REJECTED" },
        select: { id: true },
      });
      await recordAudit(context.tx, {
        actorId: actor.id,
        action: "seat-block.reject",
        entityType: "SeatBlock",
        entityId: block.id,
        data: { reason: input.reason },
        ip: meta.ip,
      });
      await notifyCoordinators(context.tx, block, "seat-block.rejected", { reason: input.reason! });
      return { status: "REJECTED" as const, releaseAt: null };
    }

    if (input.approvedSeats > block.requestedSeats) {
      throw new ValidationError("SEAT_BLOCK_APPROVED_ABOVE_REQUESTED", "approvedSeats", {
        requested: block.requestedSeats,
      });
    }
    const session = context.session(block.sessionId);
    if (session.status === "CANCELLED") throw new ConflictError("SESSION_CANCELLED");
    const span = sessionSpan(block);
    if (session.status !== "PUBLISHED" || !span || span.startsAt <= context.now) {
      throw new ConflictError("SESSION_NOT_OPEN");
    }
    const releaseAt = input.releaseAt ?? defaultReleaseAt(span.startsAt);
    const problem = releaseAtProblem(releaseAt, span.startsAt, context.now);
    if (problem) throw new ValidationError(problem, "releaseAt");
    const free = session.capacity - session.seatsHeld;
    if (input.approvedSeats > free) {
      throw new ValidationError("SEAT_BLOCK_NOT_ENOUGH_SEATS", "approvedSeats", {
        free: Math.max(0, free),
        approved: input.approvedSeats,
      });
    }
    await context.takeSeats(block.sessionId, input.approvedSeats);
    await context.tx.seatBlock.update({
      where: { id: block.id },
      data: { ...decided, status: "APPROVED", approvedSeats: input.approvedSeats, releaseAt },
      select: { id: true },
    });
    await recordAudit(context.tx, {
      actorId: actor.id,
      action: "seat-block.approve",
      entityType: "SeatBlock",
      entityId: block.id,
      data: {
        requestedSeats: block.requestedSeats,
        approvedSeats: input.approvedSeats,
        releaseAt: releaseAt.toISOString(),
        reason: input.reason,
      },
      ip: meta.ip,
    });
    await notifyCoordinators(context.tx, block, "seat-block.approved", {
      approvedSeats: input.approvedSeats,
      releaseAt,
      reason: input.reason,
    });
    return { status: "APPROVED" as const, releaseAt };
  });
}

// ---------------------------------------------------------------------------------------------
// Seats for members

type Person = { id: string; email: string; name: string; locale: string };

/**
 * Turns one unclaimed seat of the block into a confirmed cohort enrollment of `person`, under
 * the session lock. The seat was already held by the block, so the session's count stays; the
 * block's `claimed_seats` goes up by one in a guarded statement.
 */
async function giveBlockSeat(
  actor: CurrentUser,
  block: { id: string; sessionId: string },
  person: Person,
  how: "assigned" | "claimed",
  meta: RequestMeta,
): Promise<{ enrollmentId: string }> {
  const byCoordinator = how === "assigned";
  try {
    return await withSeatLock(
      {
        actorId: actor.id,
        sessionIds: [block.sessionId],
        prepare: async (tx) => {
          const [overlap, active] = await Promise.all([
            findOverlappingSeat(tx, person.id, block.sessionId),
            tx.enrollment.findFirst({
              where: {
                userId: person.id,
                sessionId: block.sessionId,
                status: { in: [...ACTIVE_STATUSES] },
              },
              select: { id: true },
            }),
          ]);
          return { overlap, active };
        },
      },
      async (context, { overlap, active }) => {
        const locked = await lockedBlock(context.tx, block.id);
        const session = context.session(block.sessionId);
        if (session.status === "CANCELLED") throw new ConflictError("SESSION_CANCELLED");
        if (session.status !== "PUBLISHED") throw new ConflictError("SESSION_NOT_OPEN");
        // The person's own situation first: "you already have a place" says more than "full".
        if (active) {
          throw byCoordinator
            ? new ConflictError("SEAT_BLOCK_MEMBER_ENROLLED", { name: person.name })
            : new ConflictError("ALREADY_ENROLLED");
        }
        if (overlap) {
          const course = overlap[actor.locale === "en" ? "titleEn" : "titleKo"];
          throw byCoordinator
            ? new ConflictError("SEAT_BLOCK_MEMBER_OVERLAP", { name: person.name, course })
            : new ConflictError("SCHEDULE_OVERLAP", { course });
        }
        const refusal = claimRefusal(locked, context.now);
        if (refusal) throw new ConflictError(refusal);
        const [taken] = await context.tx.$queryRaw<{ claimed_seats: number }[]>`
          UPDATE seat_blocks SET claimed_seats = claimed_seats + 1, updated_at = now()
          WHERE id = ${locked.id} AND status = 'APPROVED' AND released_at IS NULL
            AND claimed_seats < approved_seats
          RETURNING claimed_seats`;
        if (!taken) throw new ConflictError("SEAT_BLOCK_FULL");

        const enrollment = await context.tx.enrollment.create({
          data: {
            sessionId: block.sessionId,
            userId: person.id,
            status: "CONFIRMED",
            source: "COHORT",
            seatBlockId: locked.id,
            // Partner students train under their university's agreement (as in the demo data).
            paymentStatus: "WAIVED",
            confirmedAt: context.now,
            createdAt: new Date(),
          },
          select: { id: true },
        });
        await context.recordEvent({
          enrollmentId: enrollment.id,
          from: null,
          to: "CONFIRMED",
          reason: `seat-block.${how}`,
          data: { source: "COHORT", seatBlockId: locked.id },
        });
        const recipient: Recipient = {
          id: person.id,
          email: person.email,
          name: person.name,
          locale: localeOf(person.locale),
        };
        await context.notify(recipient, block.sessionId, "enrollment.confirmed", {});
        await recordAudit(context.tx, {
          actorId: actor.id,
          action: byCoordinator ? "seat-block.assign" : "seat-block.claim",
          entityType: "SeatBlock",
          entityId: locked.id,
          data: { enrollmentId: enrollment.id, userId: person.id },
          ip: meta.ip,
        });
        if (!byCoordinator) {
          await notifyCoordinators(context.tx, locked, "seat-block.seat-claimed", {
            memberName: person.name,
            approvedSeats: locked.approvedSeats,
            claimedSeats: taken.claimed_seats,
          });
        }
        return { enrollmentId: enrollment.id };
      },
    );
  } catch (error) {
    // The one-active-enrollment index: the member enrolled meanwhile (or a double submit).
    if (isUniqueViolation(error)) {
      throw byCoordinator
        ? new ConflictError("SEAT_BLOCK_MEMBER_ENROLLED", { name: person.name })
        : new ConflictError("ALREADY_ENROLLED");
    }
    throw error;
  }
}

/**
 * The coordinator gives one of the block's seats to a member of its cohort who has an account
 * (a pre-registered member must accept their invitation first).
 */
export async function assignSeat(
  actor: CurrentUser,
  input: AssignSeatInput,
  meta: RequestMeta = {},
): Promise<{ enrollmentId: string }> {
  const block = await findManagedBlock(actor, input.blockId);
  const member = await db.cohortMember.findFirst({
    where: { id: input.memberId, cohortId: block.cohortId },
    select: {
      name: true,
      user: { select: { id: true, email: true, name: true, locale: true, active: true } },
    },
  });
  if (!member) throw new NotFoundError("MEMBER_NOT_FOUND");
  if (!member.user || !member.user.active) {
    throw new ConflictError("SEAT_BLOCK_MEMBER_NOT_JOINED", { name: member.name });
  }
  return giveBlockSeat(actor, block, member.user, "assigned", meta);
}

/** A member of the block's cohort takes one of its seats for themself. */
export async function claimSeat(
  actor: CurrentUser,
  input: SeatBlockRefInput,
  meta: RequestMeta = {},
): Promise<{ enrollmentId: string }> {
  requirePermission(actor, "seat-block:claim:own");
  const block = await db.seatBlock.findFirst({
    where: { id: input.blockId, cohort: { members: { some: { userId: actor.id } } } },
    select: { id: true, sessionId: true },
  });
  if (!block) throw new NotFoundError("SEAT_BLOCK_NOT_FOUND");
  return giveBlockSeat(actor, block, actor, "claimed", meta);
}

/**
 * Mails the claim page of the block to every member of its cohort who has an account and no
 * place in the session yet, in their language. First come, first served: the page says how
 * many seats are left.
 */
export async function sendClaimLinks(
  actor: CurrentUser,
  input: SeatBlockRefInput,
  meta: RequestMeta = {},
): Promise<{ sent: number }> {
  const found = await findManagedBlock(actor, input.blockId);
  return db.$transaction(async (tx) => {
    // One sending at a time per block (a double click sends once: the second finds the first).
    await tx.$queryRaw`SELECT id FROM seat_blocks WHERE id = ${found.id} FOR UPDATE`;
    const block = await lockedBlock(tx, found.id);
    const now = new Date();
    const refusal = claimRefusal(block, now);
    if (refusal) throw new ConflictError(refusal);
    const recent = await tx.auditLog.count({
      where: {
        action: "seat-block.claim-links",
        entityId: block.id,
        createdAt: { gt: new Date(now.getTime() - CLAIM_LINKS_INTERVAL_MS) },
      },
    });
    if (recent > 0) throw new ConflictError("SEAT_BLOCK_CLAIM_LINKS_RECENT");
    const span = sessionSpan(block);
    const members = await tx.cohortMember.findMany({
      where: {
        cohortId: block.cohortId,
        user: {
          active: true,
          enrollments: {
            none: { sessionId: block.sessionId, status: { in: [...ACTIVE_STATUSES] } },
          },
        },
      },
      select: { user: { select: { id: true, email: true, name: true, locale: true } } },
    });
    if (members.length === 0 || !span || !block.releaseAt) {
      throw new ConflictError("SEAT_BLOCK_NO_MEMBERS_TO_INVITE");
    }
    for (const { user } of members) {
      if (!user) continue;
      const locale = localeOf(user.locale);
      await enqueueMail(tx, {
        to: user.email,
        userId: user.id,
        locale,
        template: "seat-block.claim-invitation",
        payload: {
          name: user.name,
          organizationName: organizationName(block, locale),
          cohortName: block.cohort.name,
          courseTitle: courseTitle(block, locale),
          courseCode: block.session.course.code,
          startsAt: span.startsAt,
          endsAt: span.endsAt,
          releaseAt: block.releaseAt,
          url: pageUrl(locale, `/seat-blocks/${block.id}/claim`),
        },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "seat-block.claim-links",
      entityType: "SeatBlock",
      entityId: block.id,
      data: { sent: members.length },
      ip: meta.ip,
    });
    return { sent: members.length };
  }, CLAIM_LINKS_TRANSACTION);
}

// ---------------------------------------------------------------------------------------------
// Early release

/**
 * The coordinator gives back unclaimed seats before the release date: all of them (the block
 * ends) or `seats` of them.
 */
export async function releaseSeatsEarly(
  actor: CurrentUser,
  input: ReleaseSeatsInput,
  meta: RequestMeta = {},
): Promise<{ released: number; remaining: number }> {
  const found = await findManagedBlock(actor, input.blockId);
  return withSeatLock({ actorId: actor.id, sessionIds: [found.sessionId] }, async (context) => {
    const block = await lockedBlock(context.tx, found.id);
    if (block.status === "RELEASED" || block.releasedAt) {
      throw new ConflictError("SEAT_BLOCK_RELEASED");
    }
    if (block.status !== "APPROVED") throw new ConflictError("SEAT_BLOCK_NOT_APPROVED");
    const unclaimed = unclaimedSeats(block);
    if (unclaimed === 0) throw new ConflictError("SEAT_BLOCK_NOTHING_TO_RELEASE");
    const seats = input.seats ?? unclaimed;
    if (seats > unclaimed) {
      throw new ValidationError("SEAT_BLOCK_RELEASE_INVALID", "seats", { max: unclaimed });
    }
    await releaseBlockSeats(context, block, seats, "early", meta);
    return { released: seats, remaining: unclaimed - seats };
  });
}

