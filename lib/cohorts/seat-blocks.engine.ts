import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isAppLocale, routing, type AppLocale } from "@/lib/i18n/routing";
import { logger } from "@/lib/logger";
import { recordAudit } from "@/lib/audit/audit";
import { unclaimedSeats } from "@/lib/cohorts/seat-blocks.rules";
import { withSeatLock, type SeatContext } from "@/lib/enrollments/seat-lock";
import { enqueueMail, type EnqueueMailInput } from "@/lib/notifications/outbox";
import type { MailPayloadInput } from "@/lib/notifications/templates";

/**
 * The parts of the seat-block service that the background worker runs too: the block as the
 * rules and mails read it under the session lock, the coordinators' mail, and the release of
 * unclaimed seats (by a coordinator early, or by the worker at the release date). Kept apart
 * from seat-blocks.service.ts because the worker process (`npm run worker`, run by tsx) cannot
 * import server-only modules such as the cohort queries the service's scoping uses.
 */

export type RequestMeta = { ip?: string | null };

export function localeOf(value: string): AppLocale {
  return isAppLocale(value) ? value : routing.defaultLocale;
}

export function pageUrl(locale: AppLocale, path: string): string {
  return new URL(`/${locale}${path}`, env.APP_URL).toString();
}

// ---------------------------------------------------------------------------------------------
// The block as the rules and the mails need it

export const BLOCK_SELECT = {
  id: true,
  sessionId: true,
  cohortId: true,
  requestedSeats: true,
  approvedSeats: true,
  claimedSeats: true,
  status: true,
  releaseAt: true,
  releasedAt: true,
  cohort: {
    select: {
      name: true,
      organizationId: true,
      organization: { select: { name: true, nameEn: true } },
    },
  },
  session: {
    select: {
      course: { select: { code: true, titleKo: true, titleEn: true } },
      meetings: {
        where: { active: true },
        orderBy: { startsAt: "asc" },
        select: { startsAt: true, endsAt: true },
      },
    },
  },
} as const satisfies Prisma.SeatBlockSelect;

export type Block = Prisma.SeatBlockGetPayload<{ select: typeof BLOCK_SELECT }>;

/** The block re-read inside the seat lock of its session: its numbers are authoritative here. */
export async function lockedBlock(tx: Tx, blockId: string): Promise<Block> {
  const block = await tx.seatBlock.findUnique({ where: { id: blockId }, select: BLOCK_SELECT });
  if (!block) throw new NotFoundError("SEAT_BLOCK_NOT_FOUND");
  return block;
}

export function sessionSpan(block: Block): { startsAt: Date; endsAt: Date } | null {
  const meetings = block.session.meetings;
  if (meetings.length === 0) return null;
  return {
    startsAt: meetings[0]!.startsAt,
    endsAt: new Date(Math.max(...meetings.map((m) => m.endsAt.getTime()))),
  };
}

export function courseTitle(block: Block, locale: AppLocale): string {
  return locale === "en" ? block.session.course.titleEn : block.session.course.titleKo;
}

export function organizationName(block: Block, locale: AppLocale): string {
  const organization = block.cohort.organization;
  return locale === "en" && organization.nameEn ? organization.nameEn : organization.name;
}

// ---------------------------------------------------------------------------------------------
// Coordinator mail

type CoordinatorTemplate =
  | "seat-block.requested"
  | "seat-block.approved"
  | "seat-block.rejected"
  | "seat-block.released"
  | "seat-block.seat-claimed";

type BlockMailBase = MailPayloadInput<"seat-block.requested">;

/**
 * Tells the coordinators of the block's organization (active partner accounts of it), each in
 * their language. Whoever requested the block is one of them; an admin who requested it on a
 * partner's behalf is not written to.
 */
export async function notifyCoordinators<T extends CoordinatorTemplate>(
  tx: Tx,
  block: Block,
  template: T,
  extra: Omit<MailPayloadInput<T>, keyof BlockMailBase>,
): Promise<number> {
  const span = sessionSpan(block);
  if (!span) return 0;
  const coordinators = await tx.user.findMany({
    where: {
      role: "PARTNER",
      active: true,
      organizationId: block.cohort.organizationId,
      emailVerifiedAt: { not: null },
    },
    select: { id: true, email: true, name: true, locale: true },
  });
  for (const coordinator of coordinators) {
    const locale = localeOf(coordinator.locale);
    const base: BlockMailBase = {
      name: coordinator.name,
      cohortName: block.cohort.name,
      courseTitle: courseTitle(block, locale),
      courseCode: block.session.course.code,
      startsAt: span.startsAt,
      endsAt: span.endsAt,
      requestedSeats: block.requestedSeats,
      url: pageUrl(locale, `/partner/seat-blocks/${block.id}`),
    };
    await enqueueMail(tx, {
      to: coordinator.email,
      userId: coordinator.id,
      locale,
      template,
      payload: { ...base, ...extra },
    } as EnqueueMailInput);
  }
  return coordinators.length;
}

// ---------------------------------------------------------------------------------------------
// Releases

/**
 * Frees `seats` of the block's unclaimed seats (the engine gives them to the waitlist before
 * commit). Releasing every unclaimed seat ends the block: status RELEASED, `released_at` set,
 * its approved and claimed numbers kept as the record; members keep the seats they claimed,
 * and a seat one of them gives up later goes to the waitlist like any other (not back to the
 * block). Releasing only some of them lowers the approved number and keeps the block open.
 */
export async function releaseBlockSeats(
  context: SeatContext,
  block: Block,
  seats: number,
  trigger: "automatic" | "early",
  meta: RequestMeta,
): Promise<void> {
  const unclaimed = unclaimedSeats(block);
  const ending = seats >= unclaimed;
  await context.tx.seatBlock.update({
    where: { id: block.id },
    data: ending
      ? { status: "RELEASED", releasedAt: context.now }
      : { approvedSeats: { decrement: seats } },
    select: { id: true },
  });
  if (seats > 0) await context.freeSeats(block.sessionId, seats);
  await recordAudit(context.tx, {
    actorId: context.actorId,
    action: "seat-block.release",
    entityType: "SeatBlock",
    entityId: block.id,
    data: {
      trigger,
      releasedSeats: seats,
      claimedSeats: block.claimedSeats,
      remainingSeats: unclaimed - seats,
    },
    ip: meta.ip,
  });
  if (seats > 0) {
    await notifyCoordinators(context.tx, block, "seat-block.released", {
      trigger,
      releasedSeats: seats,
      claimedSeats: block.claimedSeats,
      remainingSeats: unclaimed - seats,
    });
  }
}

const DUE_BLOCK = (now: Date) =>
  ({
    status: "APPROVED",
    releasedAt: null,
    releaseAt: { lte: now },
  }) satisfies Prisma.SeatBlockWhereInput;

/** Whether any approved block has reached its release date (the worker's cheap poll). */
export async function hasDueSeatBlocks(now: Date = new Date()): Promise<boolean> {
  const due = await db.seatBlock.findFirst({ where: DUE_BLOCK(now), select: { id: true } });
  return due !== null;
}

/**
 * Releases every approved block whose release date has come (the worker calls this): unclaimed
 * seats are freed and go to the head of each session's waitlist in the same transaction, and
 * the coordinators are told. One transaction per session, so one failing session does not hold
 * up the others. Returns the number of blocks released.
 */
export async function releaseDueSeatBlocks(now: Date = new Date()): Promise<number> {
  const due = await db.seatBlock.findMany({
    where: DUE_BLOCK(now),
    select: { sessionId: true },
    distinct: ["sessionId"],
  });
  let released = 0;
  for (const { sessionId } of due) {
    try {
      released += await withSeatLock({ actorId: null, sessionIds: [sessionId] }, async (context) => {
        const blocks = await context.tx.seatBlock.findMany({
          where: { sessionId, ...DUE_BLOCK(now) },
          select: BLOCK_SELECT,
        });
        for (const block of blocks) {
          await releaseBlockSeats(context, block, unclaimedSeats(block), "automatic", {});
        }
        return blocks.length;
      });
    } catch (err) {
      logger.error({ err, sessionId }, "releasing due seat blocks failed");
    }
  }
  return released;
}
