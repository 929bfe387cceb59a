import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/actions/action";
import {
  addEnrollmentByStaff,
  approveEnrollment,
  cancelEnrollment,
  cancelSession,
  changeCapacity,
  claimOffer,
  declineOffer,
  enroll,
  expireOffers,
  moveEnrollment,
  rejectEnrollment,
  reorderWaitlist,
} from "@/lib/enrollments/enrollments.service";
import {
  cancelEnrollmentAction,
  claimOfferAction,
  declineOfferAction,
  enrollAction,
} from "@/lib/enrollments/enrollments.actions";
import { getEnrollOptions } from "@/lib/enrollments/enrollments.options";
import {
  checkSessionInvariants,
  createTestCourse,
  createTestSession,
  mailsTo,
} from "@/lib/enrollments/enrollments.test-helpers";
import { createTestUser } from "@/lib/users/users.test-helpers";

const DAY = 86_400_000;

async function trainees(n: number, locale: "ko" | "en" = "ko"): Promise<CurrentUser[]> {
  const users: CurrentUser[] = [];
  for (let i = 0; i < n; i++) {
    const user = await createTestUser({ name: `Trainee ${i}` });
    if (locale === "en") await db.user.update({ where: { id: user.id }, data: { locale: "en" } });
    users.push({ ...user, locale });
  }
  return users;
}

async function expectRefused(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toMatchObject({ code });
}

async function statusOf(enrollmentId: string) {
  return (await db.enrollment.findUniqueOrThrow({ where: { id: enrollmentId }, select: { status: true } })).status;
}

async function expectHealthy(sessionId: string) {
  expect((await checkSessionInvariants(sessionId)).problems).toEqual([]);
}

describe("enroll", () => {
  it("confirms while seats are free, then waitlists in order with positions, and mails each in their language", async () => {
    const session = await createTestSession({ capacity: 2 });
    const [a, b, c, d] = await trainees(4);
    await db.user.update({ where: { id: d!.id }, data: { locale: "en" } });
    const en = { ...d!, locale: "en" as const };

    expect(await enroll(a!, { sessionId: session.id })).toMatchObject({ status: "CONFIRMED", position: null });
    expect(await enroll(b!, { sessionId: session.id })).toMatchObject({ status: "CONFIRMED" });
    expect(await enroll(c!, { sessionId: session.id })).toMatchObject({ status: "WAITLISTED", position: 1 });
    expect(await enroll(en, { sessionId: session.id })).toMatchObject({ status: "WAITLISTED", position: 2 });

    const report = await checkSessionInvariants(session.id);
    expect(report).toMatchObject({ seatsHeld: 2, confirmed: 2, waitlisted: 2, problems: [] });
    expect((await mailsTo(a!.email)).map((m) => m.template)).toEqual(["enrollment.confirmed"]);
    const waitlistMail = (await mailsTo(en.email))[0]!;
    expect(waitlistMail).toMatchObject({ template: "enrollment.waitlisted", locale: "en" });
    expect(waitlistMail.payload).toMatchObject({ position: 2, courseTitle: expect.stringMatching(/^Test course/) });

    const events = await db.enrollmentEvent.findMany({
      where: { enrollment: { sessionId: session.id } },
      select: { fromStatus: true, toStatus: true, actorId: true },
    });
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.fromStatus === null)).toBe(true);
  });

  it("refuses an unpublished, cancelled, not-yet-open or closed session and changes nothing", async () => {
    const [user] = await trainees(1);
    const now = new Date();
    const cases = [
      [await createTestSession({ status: "DRAFT" }), "SESSION_NOT_OPEN"],
      [await createTestSession({ status: "CANCELLED" }), "SESSION_CANCELLED"],
      [await createTestSession({ registrationOpensAt: new Date(now.getTime() + DAY) }), "REGISTRATION_NOT_OPEN"],
      [await createTestSession({ registrationClosesAt: new Date(now.getTime() - 1000) }), "REGISTRATION_CLOSED"],
    ] as const;
    for (const [session, code] of cases) {
      await expectRefused(enroll(user!, { sessionId: session.id }), code);
      expect(await db.enrollment.count({ where: { sessionId: session.id } })).toBe(0);
    }
    expect(await mailsTo(user!.email)).toEqual([]);
  });

  it("refuses a second enrollment in the same session, also while waitlisted", async () => {
    const session = await createTestSession({ capacity: 1 });
    const [a, b] = await trainees(2);
    await enroll(a!, { sessionId: session.id });
    await enroll(b!, { sessionId: session.id });
    await expectRefused(enroll(a!, { sessionId: session.id }), "ALREADY_ENROLLED");
    await expectRefused(enroll(b!, { sessionId: session.id }), "ALREADY_ENROLLED");
    await expectHealthy(session.id);
  });

  it("lets a trainee enroll again after cancelling", async () => {
    const session = await createTestSession({ capacity: 1 });
    const [a] = await trainees(1);
    const first = await enroll(a!, { sessionId: session.id });
    await cancelEnrollment(a!, { enrollmentId: first.enrollmentId });
    expect(await enroll(a!, { sessionId: session.id })).toMatchObject({ status: "CONFIRMED" });
    await expectHealthy(session.id);
  });

  it("refuses a missing prerequisite unless the trainee asks for approval, which holds no seat", async () => {
    const basics = await createTestCourse();
    const advanced = await createTestCourse({ prerequisiteIds: [basics.id] });
    const session = await createTestSession({ courseId: advanced.id, capacity: 1 });
    const [user] = await trainees(1);

    await expectRefused(enroll(user!, { sessionId: session.id }), "PREREQUISITE_MISSING");
    const pending = await enroll(user!, {
      sessionId: session.id,
      requestApproval: true,
      requestNote: "I ran bioreactors for two years at my previous job.",
    });
    expect(pending.status).toBe("PENDING_APPROVAL");
    expect((await checkSessionInvariants(session.id)).seatsHeld).toBe(0);
    const stored = await db.enrollment.findUniqueOrThrow({ where: { id: pending.enrollmentId }, select: { requestNote: true } });
    expect(stored.requestNote).toMatch(/bioreactors/);
    expect((await mailsTo(user!.email)).map((m) => m.template)).toEqual(["enrollment.pending-approval"]);
  });

  it("accepts a trainee who completed the prerequisite", async () => {
    const basics = await createTestCourse();
    const done = await createTestSession({
      courseId: basics.id,
      startsInDays: -30,
      registrationOpensAt: new Date(Date.now() - 60 * DAY),
      registrationClosesAt: new Date(Date.now() - 40 * DAY),
      status: "COMPLETED",
    });
    const advanced = await createTestCourse({ prerequisiteIds: [basics.id] });
    const session = await createTestSession({ courseId: advanced.id });
    const [user] = await trainees(1);
    await db.enrollment.create({ data: { sessionId: done.id, userId: user!.id, status: "COMPLETED" } });
    expect(await enroll(user!, { sessionId: session.id })).toMatchObject({ status: "CONFIRMED" });
  });

  it("sends courses that require approval to PENDING_APPROVAL", async () => {
    const course = await createTestCourse({ requiresApproval: true });
    const session = await createTestSession({ courseId: course.id });
    const [user] = await trainees(1);
    expect(await enroll(user!, { sessionId: session.id })).toMatchObject({ status: "PENDING_APPROVAL" });
    expect((await checkSessionInvariants(session.id)).seatsHeld).toBe(0);
  });

  it("refuses a session that overlaps one where the trainee holds a seat, naming it", async () => {
    const course = await createTestCourse({ titleEn: "Chromatography basics" });
    const held = await createTestSession({ courseId: course.id, startsInDays: 20, meetings: [[0, 8]] });
    const clash = await createTestSession({ startsInDays: 20, meetings: [[4, 8]] });
    const later = await createTestSession({ startsInDays: 20, meetings: [[8, 2]] }); // starts when the first ends
    const [user] = await trainees(1, "en");
    await enroll(user!, { sessionId: held.id });
    await expect(enroll(user!, { sessionId: clash.id })).rejects.toMatchObject({
      code: "SCHEDULE_OVERLAP",
      params: { course: "Chromatography basics" },
    });
    expect(await enroll(user!, { sessionId: later.id })).toMatchObject({ status: "CONFIRMED" });
  });
});

describe("cancellation and promotion", () => {
  it("AUTO mode: a freed seat goes to the head of the waitlist in the same transaction, who is told", async () => {
    const session = await createTestSession({ capacity: 1 });
    const [a, b, c] = await trainees(3);
    const first = await enroll(a!, { sessionId: session.id });
    const second = await enroll(b!, { sessionId: session.id });
    const third = await enroll(c!, { sessionId: session.id });

    await cancelEnrollment(a!, { enrollmentId: first.enrollmentId });
    expect(await statusOf(first.enrollmentId)).toBe("CANCELLED");
    expect(await statusOf(second.enrollmentId)).toBe("CONFIRMED");
    expect(await statusOf(third.enrollmentId)).toBe("WAITLISTED");
    expect((await mailsTo(b!.email)).map((m) => m.template)).toEqual(["enrollment.waitlisted", "enrollment.promoted"]);
    expect((await mailsTo(a!.email)).map((m) => m.template)).toEqual(["enrollment.confirmed", "enrollment.cancelled"]);
    expect((await mailsTo(a!.email, "enrollment.cancelled"))[0]!.payload).toMatchObject({ by: "self" });
    const events = await db.enrollmentEvent.findMany({
      where: { enrollmentId: second.enrollmentId },
      orderBy: { createdAt: "asc" },
      select: { fromStatus: true, toStatus: true, actorId: true },
    });
    expect(events).toEqual([
      { fromStatus: null, toStatus: "WAITLISTED", actorId: b!.id },
      { fromStatus: "WAITLISTED", toStatus: "CONFIRMED", actorId: a!.id },
    ]);
    await expectHealthy(session.id);
  });

  it("leaving the waitlist or withdrawing a request frees nothing and is allowed after the cut-off", async () => {
    const now = new Date();
    const session = await createTestSession({ capacity: 1, cancellationCutoffAt: new Date(now.getTime() - 1000) });
    const [a, b] = await trainees(2);
    const seat = await enroll(a!, { sessionId: session.id });
    const waiting = await enroll(b!, { sessionId: session.id });
    await expectRefused(cancelEnrollment(a!, { enrollmentId: seat.enrollmentId }), "CANCELLATION_CUTOFF_PASSED");
    expect(await statusOf(seat.enrollmentId)).toBe("CONFIRMED");
    await cancelEnrollment(b!, { enrollmentId: waiting.enrollmentId });
    expect(await statusOf(waiting.enrollmentId)).toBe("CANCELLED");
    await expectHealthy(session.id);
  });

  it("staff can cancel after the cut-off; the trainee is told it was the center, and it is audited", async () => {
    const session = await createTestSession({ capacity: 1, cancellationCutoffAt: new Date(Date.now() - 1000) });
    const admin = await createTestUser({ role: "ADMIN" });
    const [a] = await trainees(1);
    const seat = await enroll(a!, { sessionId: session.id });
    await cancelEnrollment(admin, { enrollmentId: seat.enrollmentId, reason: "Company withdrew the booking" });
    expect(await statusOf(seat.enrollmentId)).toBe("CANCELLED");
    expect((await mailsTo(a!.email, "enrollment.cancelled"))[0]!.payload).toMatchObject({
      by: "center",
      reason: "Company withdrew the booking",
    });
    expect(await db.auditLog.count({ where: { action: "enrollment.cancel", entityId: seat.enrollmentId } })).toBe(1);
    await expectHealthy(session.id);
  });

  it("another trainee's enrollment is not found, and nothing changes", async () => {
    const session = await createTestSession();
    const [a, b] = await trainees(2);
    const seat = await enroll(a!, { sessionId: session.id });
    await expect(cancelEnrollment(b!, { enrollmentId: seat.enrollmentId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(claimOffer(b!, { enrollmentId: seat.enrollmentId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await statusOf(seat.enrollmentId)).toBe("CONFIRMED");
  });

  it("cancelling twice says the enrollment is no longer active", async () => {
    const session = await createTestSession();
    const [a] = await trainees(1);
    const seat = await enroll(a!, { sessionId: session.id });
    await cancelEnrollment(a!, { enrollmentId: seat.enrollmentId });
    await expectRefused(cancelEnrollment(a!, { enrollmentId: seat.enrollmentId }), "ENROLLMENT_NOT_ACTIVE");
  });

  it("passes over a waitlisted trainee who meanwhile holds a seat in an overlapping session", async () => {
    const session = await createTestSession({ capacity: 1, startsInDays: 15 });
    const other = await createTestSession({ capacity: 5, startsInDays: 15 });
    const [a, b, c] = await trainees(3);
    const seat = await enroll(a!, { sessionId: session.id });
    const busy = await enroll(b!, { sessionId: session.id });
    const next = await enroll(c!, { sessionId: session.id });
    await enroll(b!, { sessionId: other.id }); // waitlisted in `session`, seat in `other` at the same time
    await cancelEnrollment(a!, { enrollmentId: seat.enrollmentId });
    expect(await statusOf(busy.enrollmentId)).toBe("WAITLISTED");
    expect(await statusOf(next.enrollmentId)).toBe("CONFIRMED");
  });
});

describe("OFFER mode", () => {
  async function offeredSetup(offerHours = 48) {
    const session = await createTestSession({ capacity: 1, waitlistMode: "OFFER", offerHours });
    const [a, b, c] = await trainees(3);
    const seat = await enroll(a!, { sessionId: session.id });
    const offered = await enroll(b!, { sessionId: session.id });
    const third = await enroll(c!, { sessionId: session.id });
    await cancelEnrollment(a!, { enrollmentId: seat.enrollmentId });
    return { session, a: a!, b: b!, c: c!, offered, third };
  }

  it("offers a freed seat to the head for offerHours, never past the registration close", async () => {
    const before = Date.now();
    const { session, b, offered } = await offeredSetup(48);
    const row = await db.enrollment.findUniqueOrThrow({ where: { id: offered.enrollmentId }, select: { status: true, offerExpiresAt: true } });
    expect(row.status).toBe("OFFERED");
    const expected = before + 48 * 3_600_000;
    expect(Math.abs(row.offerExpiresAt!.getTime() - expected)).toBeLessThan(60_000);
    expect((await mailsTo(b.email, "enrollment.offer"))[0]!.payload).toMatchObject({ offerExpiresAt: row.offerExpiresAt!.toISOString() });
    await expectHealthy(session.id);

    const closing = await createTestSession({
      capacity: 1,
      waitlistMode: "OFFER",
      offerHours: 48,
      registrationClosesAt: new Date(Date.now() + 5 * 3_600_000),
    });
    const [x, y] = await trainees(2);
    const seat = await enroll(x!, { sessionId: closing.id });
    const waiting = await enroll(y!, { sessionId: closing.id });
    await cancelEnrollment(x!, { enrollmentId: seat.enrollmentId });
    const capped = await db.enrollment.findUniqueOrThrow({ where: { id: waiting.enrollmentId }, select: { offerExpiresAt: true } });
    const close = (await db.session.findUniqueOrThrow({ where: { id: closing.id }, select: { registrationClosesAt: true } })).registrationClosesAt;
    expect(capped.offerExpiresAt!.getTime()).toBe(close.getTime());
  });

  it("claiming confirms the seat; declining passes it to the next person", async () => {
    const { session, b, c, offered, third } = await offeredSetup();
    await expectRefused(claimOffer(c, { enrollmentId: third.enrollmentId }), "OFFER_NOT_OPEN");
    await claimOffer(b, { enrollmentId: offered.enrollmentId });
    expect(await statusOf(offered.enrollmentId)).toBe("CONFIRMED");
    await expectRefused(declineOffer(b, { enrollmentId: offered.enrollmentId }), "OFFER_NOT_OPEN");
    await expectHealthy(session.id);

    const second = await offeredSetup();
    await declineOffer(second.b, { enrollmentId: second.offered.enrollmentId });
    expect(await statusOf(second.offered.enrollmentId)).toBe("DECLINED");
    expect(await statusOf(second.third.enrollmentId)).toBe("OFFERED");
    await expectHealthy(second.session.id);
  });

  it("an unclaimed offer expires through the sweep and passes to the next person; a late claim is refused", async () => {
    const { session, b, c, offered, third } = await offeredSetup(1);
    expect(await expireOffers(new Date())).toBe(0);
    const later = new Date(Date.now() + 2 * 3_600_000);
    expect(await expireOffers(later)).toBe(1);
    expect(await statusOf(offered.enrollmentId)).toBe("EXPIRED");
    expect(await statusOf(third.enrollmentId)).toBe("OFFERED");
    expect((await mailsTo(b.email)).map((m) => m.template)).toContain("enrollment.offer-expired");
    expect((await mailsTo(c.email)).map((m) => m.template)).toContain("enrollment.offer");
    await expectRefused(claimOffer(b, { enrollmentId: offered.enrollmentId }), "OFFER_NOT_OPEN");
    await expectHealthy(session.id);
  });

  it("a claim after the deadline but before the sweep is refused", async () => {
    const { b, offered } = await offeredSetup();
    await db.enrollment.update({ where: { id: offered.enrollmentId }, data: { offerExpiresAt: new Date(Date.now() - 1000) } });
    await expectRefused(claimOffer(b, { enrollmentId: offered.enrollmentId }), "OFFER_EXPIRED");
  });

  it("after registration closes, a freed seat is given outright (nobody could claim an offer in time)", async () => {
    const session = await createTestSession({ capacity: 1, waitlistMode: "OFFER" });
    const [a, b] = await trainees(2);
    const seat = await enroll(a!, { sessionId: session.id });
    const waiting = await enroll(b!, { sessionId: session.id });
    await db.session.update({ where: { id: session.id }, data: { registrationClosesAt: new Date(Date.now() - 1000) } });
    const admin = await createTestUser({ role: "ADMIN" });
    await cancelEnrollment(admin, { enrollmentId: seat.enrollmentId });
    expect(await statusOf(waiting.enrollmentId)).toBe("CONFIRMED");
  });
});

describe("staff operations", () => {
  it("approval confirms when a seat is free and waitlists when full; rejection records the reason", async () => {
    const course = await createTestCourse({ requiresApproval: true });
    const session = await createTestSession({ courseId: course.id, capacity: 1 });
    const admin = await createTestUser({ role: "ADMIN" });
    const [a, b, c] = await trainees(3);
    const ra = await enroll(a!, { sessionId: session.id });
    const rb = await enroll(b!, { sessionId: session.id });
    const rc = await enroll(c!, { sessionId: session.id });
    expect(await approveEnrollment(admin, { enrollmentId: ra.enrollmentId })).toMatchObject({ status: "CONFIRMED" });
    expect(await approveEnrollment(admin, { enrollmentId: rb.enrollmentId })).toMatchObject({ status: "WAITLISTED", position: 1 });
    await expectRefused(approveEnrollment(admin, { enrollmentId: ra.enrollmentId }), "ENROLLMENT_NOT_PENDING");
    expect(await rejectEnrollment(admin, { enrollmentId: rc.enrollmentId, reason: "Needs the basics course first" })).toMatchObject({ status: "REJECTED" });
    expect((await mailsTo(c!.email, "enrollment.rejected"))[0]!.payload).toMatchObject({ reason: "Needs the basics course first" });
    expect((await mailsTo(b!.email, "enrollment.approved"))[0]!.payload).toMatchObject({ outcome: "WAITLISTED", position: 1 });
    await expectHealthy(session.id);
  });

  it("trainees, partners and instructors who do not teach the session are refused staff operations", async () => {
    const course = await createTestCourse({ requiresApproval: true });
    const session = await createTestSession({ courseId: course.id, capacity: 1 });
    const [a, other] = await trainees(2);
    const request = await enroll(a!, { sessionId: session.id });
    const partner = await createTestUser({ role: "PARTNER" });
    const instructor = await createTestUser({ role: "INSTRUCTOR" });
    for (const actor of [other!, partner, instructor]) {
      await expect(approveEnrollment(actor, { enrollmentId: request.enrollmentId })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(rejectEnrollment(actor, { enrollmentId: request.enrollmentId, reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(addEnrollmentByStaff(actor, { sessionId: session.id, userId: other!.id })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(changeCapacity(actor, { sessionId: session.id, capacity: 5 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(cancelSession(actor, { sessionId: session.id, reason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(cancelEnrollment(actor, { enrollmentId: request.enrollmentId })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await statusOf(request.enrollmentId)).toBe("PENDING_APPROVAL");

    await db.sessionInstructor.create({ data: { sessionId: session.id, userId: instructor.id } });
    expect(await approveEnrollment(instructor, { enrollmentId: request.enrollmentId })).toMatchObject({ status: "CONFIRMED" });
  });

  it("staff add: confirms, refuses when full with the numbers, or waitlists when asked", async () => {
    const session = await createTestSession({ capacity: 1, registrationClosesAt: new Date(Date.now() - 1000) });
    const admin = await createTestUser({ role: "ADMIN" });
    const [a, b] = await trainees(2);
    expect(await addEnrollmentByStaff(admin, { sessionId: session.id, userId: a!.id })).toMatchObject({ status: "CONFIRMED" });
    await expect(addEnrollmentByStaff(admin, { sessionId: session.id, userId: b!.id })).rejects.toMatchObject({
      code: "SESSION_FULL",
      params: { capacity: 1, held: 1 },
    });
    await expectRefused(addEnrollmentByStaff(admin, { sessionId: session.id, userId: a!.id }), "ALREADY_ENROLLED");
    expect(await addEnrollmentByStaff(admin, { sessionId: session.id, userId: b!.id, waitlistIfFull: true })).toMatchObject({ status: "WAITLISTED" });
    const added = await db.enrollment.findFirstOrThrow({ where: { sessionId: session.id, userId: a!.id }, select: { source: true } });
    expect(added.source).toBe("ADMIN");
    await expectHealthy(session.id);
  });

  it("move: to another session of the same course with a free seat; the old seat goes to the waitlist", async () => {
    const course = await createTestCourse();
    const from = await createTestSession({ courseId: course.id, capacity: 1, startsInDays: 20 });
    const to = await createTestSession({ courseId: course.id, capacity: 1, startsInDays: 40 });
    const elsewhere = await createTestSession({ capacity: 5, startsInDays: 50 });
    const admin = await createTestUser({ role: "ADMIN" });
    const [a, b, c] = await trainees(3);
    const seat = await enroll(a!, { sessionId: from.id });
    const waiting = await enroll(b!, { sessionId: from.id });
    await expectRefused(moveEnrollment(admin, { enrollmentId: seat.enrollmentId, toSessionId: elsewhere.id, reason: "r" }), "MOVE_OTHER_COURSE");
    await expect(moveEnrollment(admin, { enrollmentId: seat.enrollmentId, toSessionId: from.id, reason: "r" })).rejects.toBeInstanceOf(ValidationError);
    const moved = await moveEnrollment(admin, { enrollmentId: seat.enrollmentId, toSessionId: to.id, reason: "Asked for a later date" });
    expect(moved.status).toBe("CONFIRMED");
    expect(await statusOf(seat.enrollmentId)).toBe("CANCELLED");
    expect(await statusOf(waiting.enrollmentId)).toBe("CONFIRMED");
    expect((await mailsTo(a!.email)).map((m) => m.template)).toEqual(["enrollment.confirmed", "enrollment.moved"]);
    const full = await enroll(c!, { sessionId: from.id });
    expect(full.status).toBe("WAITLISTED");
    await expectRefused(moveEnrollment(admin, { enrollmentId: waiting.enrollmentId, toSessionId: to.id, reason: "r" }), "SESSION_FULL");
    await expectHealthy(from.id);
    await expectHealthy(to.id);
  });

  it("capacity: lowering below the seats held is refused with the numbers; raising promotes at once", async () => {
    const session = await createTestSession({ capacity: 2 });
    const admin = await createTestUser({ role: "ADMIN" });
    const [a, b, c, d] = await trainees(4);
    for (const user of [a, b, c, d]) await enroll(user!, { sessionId: session.id });
    await expect(changeCapacity(admin, { sessionId: session.id, capacity: 1 })).rejects.toMatchObject({
      code: "CAPACITY_BELOW_HELD",
      params: { capacity: 1, held: 2 },
    });
    expect(await changeCapacity(admin, { sessionId: session.id, capacity: 3 })).toEqual({ capacity: 3, seatsHeld: 3 });
    const report = await checkSessionInvariants(session.id);
    expect(report).toMatchObject({ confirmed: 3, waitlisted: 1, problems: [] });
    expect((await mailsTo(c!.email)).map((m) => m.template)).toEqual(["enrollment.waitlisted", "enrollment.promoted"]);
  });

  it("cancelling a session cancels and tells everyone active, frees every seat, keeps the history", async () => {
    const session = await createTestSession({ capacity: 1 });
    const admin = await createTestUser({ role: "ADMIN" });
    const [a, b] = await trainees(2);
    const seat = await enroll(a!, { sessionId: session.id });
    const waiting = await enroll(b!, { sessionId: session.id });
    expect(await cancelSession(admin, { sessionId: session.id, reason: "Instructor illness" })).toEqual({ notified: 2 });
    const stored = await db.session.findUniqueOrThrow({ where: { id: session.id }, select: { status: true, seatsHeld: true, cancelReason: true } });
    expect(stored).toEqual({ status: "CANCELLED", seatsHeld: 0, cancelReason: "Instructor illness" });
    expect(await statusOf(seat.enrollmentId)).toBe("CANCELLED");
    expect(await statusOf(waiting.enrollmentId)).toBe("CANCELLED");
    expect((await mailsTo(b!.email, "session.cancelled"))[0]!.payload).toMatchObject({ reason: "Instructor illness" });
    expect(await db.enrollmentEvent.count({ where: { enrollment: { sessionId: session.id } } })).toBe(4);
    await expectRefused(cancelSession(admin, { sessionId: session.id, reason: "again" }), "SESSION_CANCELLED");
    await expectRefused(enroll(a!, { sessionId: session.id }), "SESSION_CANCELLED");
  });
});

describe("waitlist reorder", () => {
  it("an admin moves someone up with a reason; promotion then follows the new order; others are refused", async () => {
    const session = await createTestSession({ capacity: 1 });
    const admin = await createTestUser({ role: "ADMIN" });
    const instructor = await createTestUser({ role: "INSTRUCTOR" });
    await db.sessionInstructor.create({ data: { sessionId: session.id, userId: instructor.id } });
    const [a, b, c, d] = await trainees(4);
    const seat = await enroll(a!, { sessionId: session.id });
    const first = await enroll(b!, { sessionId: session.id });
    await enroll(c!, { sessionId: session.id });
    const last = await enroll(d!, { sessionId: session.id });
    await expect(reorderWaitlist(instructor, { enrollmentId: last.enrollmentId, position: 1, reason: "r" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reorderWaitlist(d!, { enrollmentId: last.enrollmentId, position: 1, reason: "r" })).rejects.toBeInstanceOf(ForbiddenError);
    await expectRefused(reorderWaitlist(admin, { enrollmentId: last.enrollmentId, position: 4, reason: "r" }), "WAITLIST_POSITION_INVALID");
    await expectRefused(reorderWaitlist(admin, { enrollmentId: seat.enrollmentId, position: 1, reason: "r" }), "ENROLLMENT_NOT_WAITLISTED");
    await reorderWaitlist(admin, { enrollmentId: last.enrollmentId, position: 1, reason: "Sponsor priority agreed with the center" });
    const event = await db.enrollmentEvent.findFirstOrThrow({
      where: { enrollmentId: last.enrollmentId, reason: "Sponsor priority agreed with the center" },
      select: { data: true },
    });
    expect(event.data).toEqual({ fromPosition: 3, toPosition: 1 });
    await cancelEnrollment(a!, { enrollmentId: seat.enrollmentId });
    expect(await statusOf(last.enrollmentId)).toBe("CONFIRMED");
    expect(await statusOf(first.enrollmentId)).toBe("WAITLISTED");
    await expectHealthy(session.id);
  });
});

describe("server actions", () => {
  it("refuse anonymous visitors and change nothing", async () => {
    const session = await createTestSession();
    const [a] = await trainees(1);
    const seat = await enroll(a!, { sessionId: session.id });
    const context = { locale: "en" as const };
    for (const [action, input] of [
      [enrollAction, { sessionId: session.id }],
      [cancelEnrollmentAction, { enrollmentId: seat.enrollmentId }],
      [claimOfferAction, { enrollmentId: seat.enrollmentId }],
      [declineOfferAction, { enrollmentId: seat.enrollmentId }],
    ] as const) {
      const result = await runAction(null, action.definition, input, context);
      expect(result).toMatchObject({ ok: false, errorCode: "UNAUTHENTICATED" });
    }
    expect(await statusOf(seat.enrollmentId)).toBe("CONFIRMED");
    expect(await db.enrollment.count({ where: { sessionId: session.id } })).toBe(1);
  });

  it("enroll answers in the user's language with the waitlist position, and a refusal with its reason", async () => {
    const session = await createTestSession({ capacity: 1 });
    const [a, b] = await trainees(2);
    expect(await runAction(a!, enrollAction.definition, { sessionId: session.id }, { locale: "en" })).toMatchObject({ ok: true, message: expect.stringMatching(/enrolled/) });
    expect(await runAction(b!, enrollAction.definition, { sessionId: session.id }, { locale: "ko" })).toMatchObject({ ok: true, message: expect.stringContaining("1번") });
    expect(await runAction(b!, enrollAction.definition, { sessionId: session.id }, { locale: "en" })).toMatchObject({ ok: false, errorCode: "ALREADY_ENROLLED", formError: expect.stringMatching(/already enrolled/) });
    expect(await runAction(b!, enrollAction.definition, { sessionId: "" }, { locale: "en" })).toMatchObject({ ok: false, errorCode: "VALIDATION" });
  });
});

describe("getEnrollOptions", () => {
  it("shows each person the button the engine would honour", async () => {
    const basics = await createTestCourse();
    const advanced = await createTestCourse({ prerequisiteIds: [basics.id] });
    const open = await createTestSession({ capacity: 1 });
    const prereq = await createTestSession({ courseId: advanced.id });
    const notYet = await createTestSession({ registrationOpensAt: new Date(Date.now() + DAY) });
    const [a, b] = await trainees(2);
    expect((await getEnrollOptions(null, [open.id]))[open.id]).toEqual({ kind: "sign-in" });
    expect((await getEnrollOptions(a!, [open.id]))[open.id]).toEqual({ kind: "enroll" });
    const seat = await enroll(a!, { sessionId: open.id });
    const options = await getEnrollOptions(b!, [open.id, prereq.id, notYet.id]);
    expect(options[open.id]).toEqual({ kind: "waitlist", waitlistLength: 0 });
    expect(options[prereq.id]).toEqual({ kind: "request-approval", reason: "prerequisite-missing", full: false });
    expect(options[notYet.id]).toMatchObject({ kind: "closed", reason: "not-open-yet" });
    expect((await getEnrollOptions(a!, [open.id]))[open.id]).toEqual({ kind: "enrolled", enrollmentId: seat.enrollmentId });
    const waiting = await enroll(b!, { sessionId: open.id });
    expect((await getEnrollOptions(b!, [open.id]))[open.id]).toEqual({ kind: "waitlisted", enrollmentId: waiting.enrollmentId, position: 1 });
  });
});

describe("failures change nothing", () => {
  it("a refused enrollment leaves no row, no event, no mail and no seat", async () => {
    const session = await createTestSession({ status: "DRAFT" });
    const [a] = await trainees(1);
    const before = await db.outboxMessage.count();
    await expect(enroll(a!, { sessionId: session.id })).rejects.toBeInstanceOf(ConflictError);
    expect(await db.enrollment.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await db.outboxMessage.count()).toBe(before);
    expect((await checkSessionInvariants(session.id)).seatsHeld).toBe(0);
  });
});
