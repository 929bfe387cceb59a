import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { DomainError } from "@/lib/errors";
import {
  assignSeat,
  claimSeat,
  decideSeatBlock,
  releaseSeatsEarly,
  requestSeatBlock,
  sendClaimLinks,
  withdrawSeatBlock,
} from "@/lib/cohorts/seat-blocks.service";
import { hasDueSeatBlocks } from "@/lib/cohorts/seat-blocks.engine";
import { createPartner, createTestCohort } from "@/lib/cohorts/cohorts.test-helpers";
import {
  addJoinedMember,
  addPendingMember,
  approvedBlock,
  blockRow,
  createPartnerWithCohort,
  runReleaseJob,
  seatsHeld,
  type TestPartner,
} from "@/lib/cohorts/seat-blocks.test-helpers";
import { cancelEnrollment, cancelSession, enroll } from "@/lib/enrollments/enrollments.service";
import {
  checkSessionInvariants,
  createTestSession as createSession,
  mailsTo,
  type TestSessionOptions,
} from "@/lib/enrollments/enrollments.test-helpers";
import { createTestUser } from "@/lib/users/users.test-helpers";

/**
 * The seat-block rules, one by one, through the service (issue 5, "Seat blocks"): requests,
 * decisions (full, partial, rejected), seats given by the coordinator or claimed by members,
 * early and automatic release with the freed seats going to the head of the waitlist — and
 * design.md's invariant 1 (seats held = confirmed + offered + unclaimed block seats ≤
 * capacity) checked from the records after each of them.
 */

const DAY = 86_400_000;

/**
 * Sessions on days of their own (unless a test asks for a day), so that members reused across
 * tests never hold seats in overlapping sessions by accident.
 */
let nextDay = 31;
function createTestSession(options: TestSessionOptions = {}) {
  return createSession({ startsInDays: nextDay++, ...options });
}

let admin: CurrentUser;

beforeAll(async () => {
  admin = await createTestUser({ role: "ADMIN" });
});

async function refusal(promise: Promise<unknown>): Promise<{ code: string; params: object }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error("expected a refusal");
}

async function expectHealthy(sessionId: string) {
  const report = await checkSessionInvariants(sessionId);
  expect(report.problems).toEqual([]);
  return report;
}

/** Everything a refused request could have written. */
async function snapshot() {
  const [blocks, enrollments, sessions, outbox, audit] = await Promise.all([
    db.seatBlock.findMany({ orderBy: { id: "asc" } }),
    db.enrollment.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } }),
    db.session.findMany({ orderBy: { id: "asc" }, select: { id: true, seatsHeld: true } }),
    db.outboxMessage.count(),
    db.auditLog.count(),
  ]);
  return { blocks, enrollments, sessions, outbox, audit };
}

async function fill(sessionId: string, n: number): Promise<CurrentUser[]> {
  const users: CurrentUser[] = [];
  for (let i = 0; i < n; i++) {
    const user = await createTestUser({ name: `Trainee ${i}` });
    await enroll(user, { sessionId });
    users.push(user);
  }
  return users;
}

describe("requesting seats", () => {
  let partner: TestPartner;
  beforeAll(async () => {
    partner = await createPartnerWithCohort({ members: 0 });
  });

  it("records the request, audits it and acknowledges it to the coordinator", async () => {
    const session = await createTestSession({ capacity: 10 });
    const { blockId } = await requestSeatBlock(
      partner.coordinator,
      { sessionId: session.id, cohortId: partner.cohortId, seats: 4, note: "Bioprocess course" },
      { ip: "203.0.113.9" },
    );
    const block = await blockRow(blockId);
    expect(block).toMatchObject({ status: "REQUESTED", requestedSeats: 4, approvedSeats: 0 });
    // Nothing is held before an admin approves.
    expect(await seatsHeld(session.id)).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: blockId } });
    expect(audit).toMatchObject({ action: "seat-block.request", actorId: partner.coordinator.id, ip: "203.0.113.9" });
    const [mail] = await mailsTo(partner.coordinator.email, "seat-block.requested");
    expect(mail!.subject).toContain("단체 좌석 신청 접수");
    expect(mail!.payload).toMatchObject({ requestedSeats: 4 });
  });

  it("refuses what cannot be requested, writing nothing", async () => {
    const open = await createTestSession({ capacity: 10 });
    const draft = await createTestSession({ status: "DRAFT" });
    const cancelled = await createTestSession({ status: "CANCELLED" });
    const closed = await createTestSession({ registrationClosesAt: new Date(Date.now() - DAY) });
    const notYet = await createTestSession({ registrationOpensAt: new Date(Date.now() + DAY) });
    const small = await createTestSession({ capacity: 5 });
    const archived = await createTestCohort(partner.organizationId);
    await db.cohort.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const other = await createPartner();
    const otherCohort = await createTestCohort(other.organizationId);
    await requestSeatBlock(partner.coordinator, {
      sessionId: open.id,
      cohortId: partner.cohortId,
      seats: 2,
      note: null,
    });

    const before = await snapshot();
    const ask = (sessionId: string, cohortId: string, seats = 2) =>
      refusal(requestSeatBlock(partner.coordinator, { sessionId, cohortId, seats, note: null }));
    expect((await ask(draft.id, partner.cohortId)).code).toBe("SESSION_NOT_FOUND");
    expect((await ask("no-such-session", partner.cohortId)).code).toBe("SESSION_NOT_FOUND");
    expect((await ask(cancelled.id, partner.cohortId)).code).toBe("SESSION_CANCELLED");
    expect((await ask(closed.id, partner.cohortId)).code).toBe("REGISTRATION_CLOSED");
    expect((await ask(notYet.id, partner.cohortId)).code).toBe("REGISTRATION_NOT_OPEN");
    expect((await ask(open.id, archived.id)).code).toBe("COHORT_ARCHIVED");
    // Another organization's cohort does not exist for this coordinator.
    expect((await ask(open.id, otherCohort.id)).code).toBe("COHORT_NOT_FOUND");
    expect(await ask(small.id, partner.cohortId, 6)).toEqual({
      code: "SEAT_BLOCK_SEATS_ABOVE_CAPACITY",
      params: { capacity: 5 },
    });
    // One open request per cohort and session.
    expect((await ask(open.id, partner.cohortId)).code).toBe("SEAT_BLOCK_EXISTS");
    expect(await snapshot()).toEqual(before);
  });

  it("lets a coordinator withdraw a request nobody has decided", async () => {
    const session = await createTestSession();
    const { blockId } = await requestSeatBlock(partner.coordinator, {
      sessionId: session.id,
      cohortId: partner.cohortId,
      seats: 2,
      note: null,
    });
    await withdrawSeatBlock(partner.coordinator, { blockId });
    expect((await blockRow(blockId)).status).toBe("CANCELLED");
    expect((await refusal(withdrawSeatBlock(partner.coordinator, { blockId }))).code).toBe(
      "SEAT_BLOCK_NOT_REQUESTED",
    );
    // A new request is possible once the first is withdrawn.
    await requestSeatBlock(partner.coordinator, {
      sessionId: session.id,
      cohortId: partner.cohortId,
      seats: 2,
      note: null,
    });
  });
});

describe("deciding a request", () => {
  let partner: TestPartner;
  beforeAll(async () => {
    partner = await createPartnerWithCohort({ members: 0 });
  });

  async function request(sessionId: string, seats: number) {
    return (
      await requestSeatBlock(partner.coordinator, { sessionId, cohortId: partner.cohortId, seats, note: null })
    ).blockId;
  }

  it("approves fully: the seats are held at once, until 7 days before the first meeting", async () => {
    const session = await createTestSession({ capacity: 10, startsInDays: 30 });
    const blockId = await request(session.id, 6);
    const result = await decideSeatBlock(admin, { blockId, approvedSeats: 6, reason: null, releaseAt: null });
    const first = await db.sessionMeeting.findFirstOrThrow({
      where: { sessionId: session.id },
      orderBy: { startsAt: "asc" },
    });
    expect(result.status).toBe("APPROVED");
    const block = await blockRow(blockId);
    expect(block).toMatchObject({ status: "APPROVED", approvedSeats: 6, claimedSeats: 0 });
    expect(block.releaseAt!.getTime()).toBe(first.startsAt.getTime() - 7 * DAY);
    const report = await expectHealthy(session.id);
    expect(report).toMatchObject({ seatsHeld: 6, unclaimedBlockSeats: 6, confirmed: 0 });
    const [mail] = await mailsTo(partner.coordinator.email, "seat-block.approved");
    expect(mail!.payload).toMatchObject({ approvedSeats: 6, requestedSeats: 6 });
    // The held seats count against capacity for everyone else: 4 free, then the waitlist.
    const outsiders = await fill(session.id, 5);
    const statuses = await db.enrollment.findMany({
      where: { sessionId: session.id, userId: { in: outsiders.map((u) => u.id) } },
      select: { status: true },
    });
    expect(statuses.filter((s) => s.status === "CONFIRMED")).toHaveLength(4);
    expect(statuses.filter((s) => s.status === "WAITLISTED")).toHaveLength(1);
    await expectHealthy(session.id);
  });

  it("refuses more seats than are free, saying how many are, and then approves that many", async () => {
    const session = await createTestSession({ capacity: 6 });
    await fill(session.id, 4);
    const blockId = await request(session.id, 5);
    const before = await snapshot();
    expect(
      await refusal(decideSeatBlock(admin, { blockId, approvedSeats: 5, reason: null, releaseAt: null })),
    ).toEqual({ code: "SEAT_BLOCK_NOT_ENOUGH_SEATS", params: { free: 2, approved: 5 } });
    expect(await snapshot()).toEqual(before);
    await decideSeatBlock(admin, { blockId, approvedSeats: 2, reason: "Partly: the lab seats 6", releaseAt: null });
    expect(await blockRow(blockId)).toMatchObject({
      status: "APPROVED",
      requestedSeats: 5,
      approvedSeats: 2,
      decisionReason: "Partly: the lab seats 6",
    });
    const report = await expectHealthy(session.id);
    expect(report).toMatchObject({ seatsHeld: 6, capacity: 6 });
    const mails = await mailsTo(partner.coordinator.email, "seat-block.approved");
    expect(mails.at(-1)!.subject).toContain("일부 승인");
  });

  it("rejects with a reason (required) and holds nothing; a decided request stays decided", async () => {
    const session = await createTestSession({ capacity: 10 });
    const blockId = await request(session.id, 3);
    expect(
      await refusal(decideSeatBlock(admin, { blockId, approvedSeats: 0, reason: null, releaseAt: null })),
    ).toMatchObject({ code: "SEAT_BLOCK_REASON_REQUIRED" });
    await decideSeatBlock(admin, { blockId, approvedSeats: 0, reason: "Industry trainees first", releaseAt: null });
    expect(await blockRow(blockId)).toMatchObject({ status: "REJECTED", approvedSeats: 0 });
    expect(await seatsHeld(session.id)).toBe(0);
    const [mail] = await mailsTo(partner.coordinator.email, "seat-block.rejected");
    expect(mail!.payload).toMatchObject({ reason: "Industry trainees first" });
    expect(
      (await refusal(decideSeatBlock(admin, { blockId, approvedSeats: 3, reason: null, releaseAt: null }))).code,
    ).toBe("SEAT_BLOCK_ALREADY_DECIDED");
    expect(await seatsHeld(session.id)).toBe(0);
  });

  it("checks the release date and the approved number", async () => {
    const session = await createTestSession({ capacity: 10, startsInDays: 20 });
    const blockId = await request(session.id, 3);
    const decide = (approvedSeats: number, releaseAt: Date | null) =>
      refusal(decideSeatBlock(admin, { blockId, approvedSeats, reason: null, releaseAt }));
    expect((await decide(3, new Date(Date.now() - 60_000))).code).toBe("SEAT_BLOCK_RELEASE_AT_PAST");
    expect((await decide(3, new Date(Date.now() + 25 * DAY))).code).toBe("SEAT_BLOCK_RELEASE_AT_AFTER_START");
    expect(await decide(4, null)).toEqual({
      code: "SEAT_BLOCK_APPROVED_ABOVE_REQUESTED",
      params: { requested: 3 },
    });
    expect(await seatsHeld(session.id)).toBe(0);
    const releaseAt = new Date(Date.now() + 10 * DAY);
    await decideSeatBlock(admin, { blockId, approvedSeats: 3, reason: null, releaseAt });
    expect((await blockRow(blockId)).releaseAt!.getTime()).toBe(releaseAt.getTime());
  });

  it("is for admins only", async () => {
    const session = await createTestSession();
    const blockId = await request(session.id, 1);
    expect(
      (await refusal(decideSeatBlock(partner.coordinator, { blockId, approvedSeats: 1, reason: null, releaseAt: null }))).code,
    ).toBe("FORBIDDEN");
  });
});

describe("giving seats to members", () => {
  let partner: TestPartner;
  beforeAll(async () => {
    partner = await createPartnerWithCohort({ members: 4 });
  });

  it("assigns a seat: a confirmed cohort enrollment, the block's claim count up, seats held unchanged", async () => {
    const session = await createTestSession({ capacity: 10 });
    const blockId = await approvedBlock(partner, admin, session.id, 3);
    const [member] = partner.members;
    const { enrollmentId } = await assignSeat(partner.coordinator, { blockId, memberId: member!.memberId });
    const enrollment = await db.enrollment.findUniqueOrThrow({
      where: { id: enrollmentId },
      select: { status: true, source: true, seatBlockId: true, userId: true, events: { select: { toStatus: true, reason: true } } },
    });
    expect(enrollment).toMatchObject({
      status: "CONFIRMED",
      source: "COHORT",
      seatBlockId: blockId,
      userId: member!.user.id,
      events: [{ toStatus: "CONFIRMED", reason: "seat-block.assigned" }],
    });
    expect((await blockRow(blockId)).claimedSeats).toBe(1);
    expect(await expectHealthy(session.id)).toMatchObject({ seatsHeld: 3, confirmed: 1, unclaimedBlockSeats: 2 });
    const [mail] = await mailsTo(member!.user.email, "enrollment.confirmed");
    expect(mail!.payload).toMatchObject({ sessionId: session.id });
    // Already enrolled: refused by name.
    expect(await refusal(assignSeat(partner.coordinator, { blockId, memberId: member!.memberId }))).toEqual({
      code: "SEAT_BLOCK_MEMBER_ENROLLED",
      params: { name: member!.user.name },
    });
  });

  it("lets a member claim their own seat and tells the coordinator", async () => {
    const session = await createTestSession({ capacity: 10 });
    const blockId = await approvedBlock(partner, admin, session.id, 2);
    const member = partner.members[1]!;
    await claimSeat(member.user, { blockId });
    const claimed = await db.enrollment.findFirstOrThrow({
      where: { sessionId: session.id, userId: member.user.id },
      select: { status: true, source: true, events: { select: { reason: true } } },
    });
    expect(claimed).toMatchObject({ status: "CONFIRMED", source: "COHORT", events: [{ reason: "seat-block.claimed" }] });
    const notices = await mailsTo(partner.coordinator.email, "seat-block.seat-claimed");
    expect(notices.at(-1)!.payload).toMatchObject({ memberName: member.user.name, claimedSeats: 1, approvedSeats: 2 });
    expect((await refusal(claimSeat(member.user, { blockId }))).code).toBe("ALREADY_ENROLLED");
    // Someone outside the cohort cannot see the block at all.
    const stranger = await createTestUser();
    expect((await refusal(claimSeat(stranger, { blockId }))).code).toBe("SEAT_BLOCK_NOT_FOUND");
    await expectHealthy(session.id);
  });

  it("refuses a member without an account, a full block, a released one and an undecided one", async () => {
    const session = await createTestSession({ capacity: 10 });
    const blockId = await approvedBlock(partner, admin, session.id, 1);
    const pending = await addPendingMember(partner.cohortId, "no-account@inha.example", "No Account");
    expect(await refusal(assignSeat(partner.coordinator, { blockId, memberId: pending.id }))).toEqual({
      code: "SEAT_BLOCK_MEMBER_NOT_JOINED",
      params: { name: "No Account" },
    });
    await assignSeat(partner.coordinator, { blockId, memberId: partner.members[0]!.memberId });
    expect((await refusal(claimSeat(partner.members[1]!.user, { blockId }))).code).toBe("SEAT_BLOCK_FULL");

    const other = await createTestSession({ capacity: 10 });
    const undecided = (
      await requestSeatBlock(partner.coordinator, { sessionId: other.id, cohortId: partner.cohortId, seats: 2, note: null })
    ).blockId;
    expect((await refusal(claimSeat(partner.members[1]!.user, { blockId: undecided }))).code).toBe(
      "SEAT_BLOCK_NOT_APPROVED",
    );
    await decideSeatBlock(admin, { blockId: undecided, approvedSeats: 2, reason: null, releaseAt: null });
    // Past its release date (the worker has not run yet): no more seats are given out.
    await db.seatBlock.update({ where: { id: undecided }, data: { releaseAt: new Date(Date.now() - 1000) } });
    expect((await refusal(claimSeat(partner.members[1]!.user, { blockId: undecided }))).code).toBe(
      "SEAT_BLOCK_RELEASED",
    );
    await expectHealthy(session.id);
    await expectHealthy(other.id);
  });

  it("refuses a member who holds a seat in an overlapping session", async () => {
    const session = await createTestSession({ capacity: 10, startsInDays: 25 });
    const clash = await createTestSession({ capacity: 10, startsInDays: 25 });
    const blockId = await approvedBlock(partner, admin, session.id, 2);
    const member = partner.members[2]!;
    await enroll(member.user, { sessionId: clash.id });
    const overlap = await refusal(assignSeat(partner.coordinator, { blockId, memberId: member.memberId }));
    expect(overlap.code).toBe("SEAT_BLOCK_MEMBER_OVERLAP");
    expect((await refusal(claimSeat(member.user, { blockId }))).code).toBe("SCHEDULE_OVERLAP");
    expect((await blockRow(blockId)).claimedSeats).toBe(0);
    await expectHealthy(session.id);
  });

  it("returns a cancelled seat to its block while the block is open", async () => {
    const session = await createTestSession({ capacity: 4 });
    const blockId = await approvedBlock(partner, admin, session.id, 2);
    await fill(session.id, 3); // 2 confirmed, 1 waitlisted
    const member = partner.members[3]!;
    const { enrollmentId } = await assignSeat(partner.coordinator, { blockId, memberId: member.memberId });
    await cancelEnrollment(member.user, { enrollmentId });
    // The seat is the cohort's again, not the waitlist's.
    expect((await blockRow(blockId)).claimedSeats).toBe(0);
    const report = await expectHealthy(session.id);
    expect(report).toMatchObject({ seatsHeld: 4, unclaimedBlockSeats: 2, waitlisted: 1 });
  });
});

describe("releasing seats", () => {
  let partner: TestPartner;
  beforeAll(async () => {
    partner = await createPartnerWithCohort({ members: 3 });
  });

  it("releases some seats early (the block stays open) and then the rest (the block ends)", async () => {
    const session = await createTestSession({ capacity: 6 });
    const blockId = await approvedBlock(partner, admin, session.id, 4);
    await assignSeat(partner.coordinator, { blockId, memberId: partner.members[0]!.memberId });
    const waiting = await fill(session.id, 4); // 2 confirmed, 2 waitlisted (in that order)

    expect(await refusal(releaseSeatsEarly(partner.coordinator, { blockId, seats: 4 }))).toEqual({
      code: "SEAT_BLOCK_RELEASE_INVALID",
      params: { max: 3 },
    });
    expect(await releaseSeatsEarly(partner.coordinator, { blockId, seats: 1 })).toEqual({ released: 1, remaining: 2 });
    expect(await blockRow(blockId)).toMatchObject({ status: "APPROVED", approvedSeats: 3, claimedSeats: 1 });
    // The freed seat went to the head of the waitlist in the same transaction.
    const third = await db.enrollment.findFirstOrThrow({ where: { sessionId: session.id, userId: waiting[2]!.id } });
    expect(third.status).toBe("CONFIRMED");
    await expectHealthy(session.id);

    expect(await releaseSeatsEarly(partner.coordinator, { blockId })).toEqual({ released: 2, remaining: 0 });
    const block = await blockRow(blockId);
    expect(block).toMatchObject({ status: "RELEASED", approvedSeats: 3, claimedSeats: 1 });
    expect(block.releasedAt).not.toBeNull();
    const fourth = await db.enrollment.findFirstOrThrow({ where: { sessionId: session.id, userId: waiting[3]!.id } });
    expect(fourth.status).toBe("CONFIRMED");
    const report = await expectHealthy(session.id);
    // One seat stays free: nobody is waiting any more.
    expect(report).toMatchObject({ seatsHeld: 5, confirmed: 5, waitlisted: 0, unclaimedBlockSeats: 0 });
    const mails = await mailsTo(partner.coordinator.email, "seat-block.released");
    expect(mails.map((m) => m.payload)).toEqual([
      expect.objectContaining({ trigger: "early", releasedSeats: 1, remainingSeats: 2, claimedSeats: 1 }),
      expect.objectContaining({ trigger: "early", releasedSeats: 2, remainingSeats: 0, claimedSeats: 1 }),
    ]);
    expect((await refusal(releaseSeatsEarly(partner.coordinator, { blockId }))).code).toBe("SEAT_BLOCK_RELEASED");
    expect((await refusal(claimSeat(partner.members[1]!.user, { blockId }))).code).toBe("SEAT_BLOCK_RELEASED");
  });

  it("releases due blocks automatically (the worker's job): unclaimed seats go to the waitlist head", async () => {
    const session = await createTestSession({ capacity: 5, waitlistMode: "OFFER" });
    const blockId = await approvedBlock(partner, admin, session.id, 3);
    const { enrollmentId: claimedId } = await assignSeat(partner.coordinator, {
      blockId,
      memberId: partner.members[1]!.memberId,
    });
    const outsiders = await fill(session.id, 4); // 2 confirmed, 2 waitlisted
    const notDue = await createTestSession({ capacity: 5 });
    const laterBlock = await approvedBlock(partner, admin, notDue.id, 2);

    await runReleaseJob();
    expect((await blockRow(blockId)).status).toBe("APPROVED"); // not due yet
    expect(await hasDueSeatBlocks()).toBe(false);

    await db.seatBlock.update({ where: { id: blockId }, data: { releaseAt: new Date(Date.now() - 1000) } });
    expect(await hasDueSeatBlocks()).toBe(true);
    await runReleaseJob();

    expect(await blockRow(blockId)).toMatchObject({ status: "RELEASED", approvedSeats: 3, claimedSeats: 1 });
    expect((await blockRow(laterBlock)).status).toBe("APPROVED");
    expect(await hasDueSeatBlocks()).toBe(false);
    // OFFER mode: both freed seats are offered to the two waiting, in waitlist order.
    const waiting = await db.enrollment.findMany({
      where: { sessionId: session.id, userId: { in: [outsiders[2]!.id, outsiders[3]!.id] } },
      select: { status: true },
    });
    expect(waiting.map((w) => w.status)).toEqual(["OFFERED", "OFFERED"]);
    expect(await mailsTo(outsiders[2]!.email, "enrollment.offer")).toHaveLength(1);
    const released = (await mailsTo(partner.coordinator.email, "seat-block.released")).at(-1);
    expect(released!.payload).toMatchObject({ trigger: "automatic", releasedSeats: 2, claimedSeats: 1 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: blockId, action: "seat-block.release" } });
    expect(audit.actorId).toBeNull();
    await expectHealthy(session.id);

    // After the release a claimed seat given up goes to the waitlist, not back to the block.
    await cancelEnrollment(partner.members[1]!.user, { enrollmentId: claimedId });
    expect((await blockRow(blockId)).claimedSeats).toBe(1);
    await expectHealthy(session.id);
  });

  it("closes a fully claimed block at its release date without freeing anything", async () => {
    const session = await createTestSession({ capacity: 5 });
    const blockId = await approvedBlock(partner, admin, session.id, 1);
    await assignSeat(partner.coordinator, { blockId, memberId: partner.members[2]!.memberId });
    expect((await refusal(releaseSeatsEarly(partner.coordinator, { blockId }))).code).toBe(
      "SEAT_BLOCK_NOTHING_TO_RELEASE",
    );
    await db.seatBlock.update({ where: { id: blockId }, data: { releaseAt: new Date(Date.now() - 1000) } });
    const before = (await mailsTo(partner.coordinator.email, "seat-block.released")).length;
    await runReleaseJob();
    expect(await blockRow(blockId)).toMatchObject({ status: "RELEASED", claimedSeats: 1 });
    expect(await mailsTo(partner.coordinator.email, "seat-block.released")).toHaveLength(before);
    expect(await expectHealthy(session.id)).toMatchObject({ seatsHeld: 1, confirmed: 1 });
  });

  it("frees a block's seats when the center cancels the session", async () => {
    const session = await createTestSession({ capacity: 5 });
    const blockId = await approvedBlock(partner, admin, session.id, 3);
    await assignSeat(partner.coordinator, { blockId, memberId: partner.members[0]!.memberId });
    await cancelSession(admin, { sessionId: session.id, reason: "Bioreactor maintenance" });
    expect((await blockRow(blockId)).status).toBe("CANCELLED");
    expect(await expectHealthy(session.id)).toMatchObject({ seatsHeld: 0, unclaimedBlockSeats: 0 });
  });
});

describe("claim links", () => {
  it("mail the claim page to joined members without a place, once per ten minutes", async () => {
    const partner = await createPartnerWithCohort({ members: 3 });
    await addPendingMember(partner.cohortId, "pending@inha.example");
    const session = await createTestSession({ capacity: 10 });
    const blockId = await approvedBlock(partner, admin, session.id, 3);
    await assignSeat(partner.coordinator, { blockId, memberId: partner.members[0]!.memberId });
    expect(await sendClaimLinks(partner.coordinator, { blockId })).toEqual({ sent: 2 });
    for (const member of partner.members.slice(1)) {
      const [mail] = await mailsTo(member.user.email, "seat-block.claim-invitation");
      expect((mail!.payload as { url: string }).url).toMatch(new RegExp(`/ko/seat-blocks/${blockId}/claim$`));
    }
    expect(await mailsTo(partner.members[0]!.user.email, "seat-block.claim-invitation")).toHaveLength(0);
    expect(await mailsTo("pending@inha.example")).toHaveLength(0);
    expect((await refusal(sendClaimLinks(partner.coordinator, { blockId }))).code).toBe(
      "SEAT_BLOCK_CLAIM_LINKS_RECENT",
    );
  });

  it("are refused when nobody could claim", async () => {
    const partner = await createPartnerWithCohort({ members: 1 });
    const session = await createTestSession({ capacity: 10 });
    const blockId = await approvedBlock(partner, admin, session.id, 2);
    await claimSeat(partner.members[0]!.user, { blockId });
    expect((await refusal(sendClaimLinks(partner.coordinator, { blockId }))).code).toBe(
      "SEAT_BLOCK_NO_MEMBERS_TO_INVITE",
    );
  });
});

describe("scope: a coordinator reaches nothing of another organization", () => {
  let a: TestPartner;
  let b: TestPartner;
  let blockA: string;
  let sessionId: string;

  beforeAll(async () => {
    a = await createPartnerWithCohort({ name: "University A", members: 2 });
    b = await createPartnerWithCohort({ name: "University B", members: 1 });
    sessionId = (await createTestSession({ capacity: 10 })).id;
    blockA = await approvedBlock(a, admin, sessionId, 2);
  });

  it("refuses every operation on A's block as not found, changing nothing", async () => {
    const before = await snapshot();
    const memberA = a.members[0]!.memberId;
    const attempts = [
      () => assignSeat(b.coordinator, { blockId: blockA, memberId: memberA }),
      () => releaseSeatsEarly(b.coordinator, { blockId: blockA }),
      () => withdrawSeatBlock(b.coordinator, { blockId: blockA }),
      () => sendClaimLinks(b.coordinator, { blockId: blockA }),
      () => claimSeat(b.members[0]!.user, { blockId: blockA }),
    ];
    for (const attempt of attempts) expect((await refusal(attempt())).code).toBe("SEAT_BLOCK_NOT_FOUND");
    expect(
      (await refusal(requestSeatBlock(b.coordinator, { sessionId, cohortId: a.cohortId, seats: 1, note: null }))).code,
    ).toBe("COHORT_NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });

  it("does not let a coordinator give their own block's seat to another organization's member", async () => {
    const blockB = await approvedBlock(b, admin, sessionId, 1);
    expect(
      (await refusal(assignSeat(b.coordinator, { blockId: blockB, memberId: a.members[1]!.memberId }))).code,
    ).toBe("MEMBER_NOT_FOUND");
    await expectHealthy(sessionId);
  });

  it("lets an admin act on any organization's block", async () => {
    await assignSeat(admin, { blockId: blockA, memberId: a.members[1]!.memberId });
    expect((await blockRow(blockA)).claimedSeats).toBe(1);
    await expectHealthy(sessionId);
  });
});

describe("members without a link", () => {
  it("cannot claim a block of a cohort they were added to without an account", async () => {
    const partner = await createPartnerWithCohort({ members: 0 });
    const session = await createTestSession();
    const blockId = await approvedBlock(partner, admin, session.id, 1);
    // Same address, but the member row is not linked to the account (not joined).
    const user = await createTestUser();
    await addPendingMember(partner.cohortId, user.email);
    expect((await refusal(claimSeat(user, { blockId }))).code).toBe("SEAT_BLOCK_NOT_FOUND");
    const joined = await addJoinedMember(partner.cohortId);
    await claimSeat(joined.user, { blockId });
  });
});
