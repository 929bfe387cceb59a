import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import type { WaitlistMode } from "@/lib/generated/prisma/enums";

/**
 * Test data for the enrollment engine: courses and sessions straight in the database, and the
 * invariant check every engine test runs after its operations.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

export async function createTestCourse(
  overrides: { requiresApproval?: boolean; prerequisiteIds?: string[]; titleEn?: string } = {},
) {
  const suffix = randomUUID().slice(0, 8);
  return db.course.create({
    data: {
      code: `T-${suffix}`,
      slug: `test-course-${suffix}`,
      titleKo: `테스트 과정 ${suffix}`,
      titleEn: overrides.titleEn ?? `Test course ${suffix}`,
      summaryKo: "요약",
      summaryEn: "Summary",
      descriptionKo: "설명",
      descriptionEn: "Description",
      category: "UPSTREAM",
      level: "INTRODUCTORY",
      durationDays: 1,
      durationHours: 8,
      deliveryLanguages: ["ko"],
      listPriceKrw: 300_000,
      defaultCapacity: 12,
      requiresApproval: overrides.requiresApproval ?? false,
      published: true,
      prerequisites: overrides.prerequisiteIds
        ? { create: overrides.prerequisiteIds.map((prerequisiteId) => ({ prerequisiteId })) }
        : undefined,
    },
    select: { id: true, code: true, titleKo: true, titleEn: true },
  });
}

export type TestSessionOptions = {
  courseId?: string;
  capacity?: number;
  waitlistMode?: WaitlistMode;
  offerHours?: number;
  status?: "DRAFT" | "PUBLISHED" | "CANCELLED" | "COMPLETED";
  /** Days from now of the first meeting (default 30). */
  startsInDays?: number;
  /** Meetings as [start offset from the first meeting's day in hours, length in hours]. */
  meetings?: [number, number][];
  registrationOpensAt?: Date;
  registrationClosesAt?: Date;
  cancellationCutoffAt?: Date;
  now?: Date;
};

export async function createTestSession(options: TestSessionOptions = {}) {
  const now = options.now ?? new Date();
  const courseId = options.courseId ?? (await createTestCourse()).id;
  const first = new Date(now.getTime() + (options.startsInDays ?? 30) * DAY);
  first.setUTCHours(0, 0, 0, 0); // 09:00 in Seoul
  const meetings = (options.meetings ?? [[0, 8]]).map(([offset, length]) => ({
    startsAt: new Date(first.getTime() + offset * HOUR),
    endsAt: new Date(first.getTime() + (offset + length) * HOUR),
  }));
  return db.session.create({
    data: {
      courseId,
      capacity: options.capacity ?? 10,
      registrationOpensAt: options.registrationOpensAt ?? new Date(now.getTime() - 30 * DAY),
      registrationClosesAt: options.registrationClosesAt ?? new Date(first.getTime() - 2 * DAY),
      cancellationCutoffAt: options.cancellationCutoffAt ?? new Date(first.getTime() - 7 * DAY),
      language: "ko",
      priceKrw: 300_000,
      status: options.status ?? "PUBLISHED",
      waitlistMode: options.waitlistMode ?? "AUTO",
      offerHours: options.offerHours ?? 48,
      meetings: { create: meetings },
    },
    select: { id: true, courseId: true, capacity: true },
  });
}

export type InvariantReport = {
  capacity: number;
  seatsHeld: number;
  confirmed: number;
  offered: number;
  waitlisted: number;
  unclaimedBlockSeats: number;
  problems: string[];
};

/**
 * Recounts a session from its enrollment records and checks design.md's invariants:
 * seats_held equals confirmed + offered + unclaimed approved block seats and stays within
 * capacity; at most one active enrollment per user; waitlisted rows ranked, ranks distinct; the
 * session's waitlist counters agree with the records (waitlist_length = the waitlisted rows,
 * waitlist_seq at least every rank given, so the next rank is new and last); offers with a
 * deadline; a cancelled session holds nothing; and a published session (AUTO or OFFER mode)
 * never has a free seat while someone eligible waits.
 */
export async function checkSessionInvariants(sessionId: string): Promise<InvariantReport> {
  const session = await db.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      capacity: true,
      seatsHeld: true,
      status: true,
      waitlistMode: true,
      waitlistSeq: true,
      waitlistLength: true,
    },
  });
  const enrollments = await db.enrollment.findMany({
    where: { sessionId },
    select: { userId: true, status: true, waitlistRank: true, offerExpiresAt: true },
  });
  const blocks = await db.seatBlock.findMany({
    where: { sessionId, status: "APPROVED" },
    select: { approvedSeats: true, claimedSeats: true },
  });
  const count = (status: string) => enrollments.filter((e) => e.status === status).length;
  const confirmed = count("CONFIRMED");
  const offered = count("OFFERED");
  const waitlisted = count("WAITLISTED");
  const unclaimedBlockSeats = blocks.reduce((n, b) => n + (b.approvedSeats - b.claimedSeats), 0);
  const problems: string[] = [];
  const held = confirmed + offered + unclaimedBlockSeats;
  if (session.seatsHeld !== held) problems.push(`seats_held ${session.seatsHeld} but records hold ${held}`);
  if (held > session.capacity) problems.push(`overbooked: ${held} seats held of ${session.capacity}`);
  const active = enrollments.filter((e) =>
    ["PENDING_APPROVAL", "CONFIRMED", "WAITLISTED", "OFFERED"].includes(e.status),
  );
  if (new Set(active.map((e) => e.userId)).size !== active.length) problems.push("duplicate active enrollment");
  const ranks = enrollments.filter((e) => e.status === "WAITLISTED").map((e) => String(e.waitlistRank));
  if (ranks.includes("null")) problems.push("waitlisted without a rank");
  if (new Set(ranks).size !== ranks.length) problems.push("duplicate waitlist rank");
  if (session.waitlistLength !== waitlisted) {
    problems.push(`waitlist_length ${session.waitlistLength} but ${waitlisted} waitlisted`);
  }
  const maxRank = enrollments.reduce(
    (max, e) => (e.waitlistRank !== null && e.waitlistRank > max ? e.waitlistRank : max),
    0n,
  );
  if (session.waitlistSeq < maxRank) {
    problems.push(`waitlist_seq ${session.waitlistSeq} below the highest rank ${maxRank}`);
  }
  if (enrollments.some((e) => e.status === "OFFERED" && !e.offerExpiresAt)) problems.push("offer without a deadline");
  if (session.status === "CANCELLED" && (active.length > 0 || session.seatsHeld > 0)) {
    problems.push(`cancelled session keeps ${active.length} active enrollments and ${session.seatsHeld} seats`);
  }
  // Both modes: a freed seat goes to the head of the waitlist in the same transaction (confirmed
  // in AUTO mode, offered in OFFER mode, and offers count as held). A waiting trainee who is
  // passed over (inactive account, or a seat in an overlapping session) does not count.
  if (session.status === "PUBLISHED" && waitlisted > 0 && held < session.capacity) {
    const eligible = await countEligibleWaiting(sessionId);
    if (eligible > 0) problems.push(`${session.capacity - held} free seats while ${eligible} wait`);
  }
  return { capacity: session.capacity, seatsHeld: session.seatsHeld, confirmed, offered, waitlisted, unclaimedBlockSeats, problems };
}

/** Waitlisted trainees of a session whom a free seat could go to (the engine's pass-over rule, restated). */
async function countEligibleWaiting(sessionId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n
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
      )`;
  return row!.n;
}

/** Mails of one template to one address, oldest first. */
export async function mailsTo(email: string, template?: string) {
  return db.outboxMessage.findMany({
    where: { toEmail: email, ...(template ? { template } : {}) },
    orderBy: { createdAt: "asc" },
    select: { template: true, locale: true, payload: true, subject: true },
  });
}
