/**
 * Self-enrollment's fast path (fast-enroll.ts) writes in one SQL statement what the slow path
 * writes through SeatContext: these tests hold the rows, the mail and the waitlist counters to
 * what the slow path (staff add, approval, reorder) produces for the same outcome. Concurrency
 * is in enrollments.race.integration.test.ts.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { parseMailPayload, renderMailSubject } from "@/lib/notifications/render";
import {
  addEnrollmentByStaff,
  cancelEnrollment,
  enroll,
  reorderWaitlist,
} from "@/lib/enrollments/enrollments.service";
import {
  checkSessionInvariants,
  createTestCourse,
  createTestSession,
} from "@/lib/enrollments/enrollments.test-helpers";
import { createTestUser } from "@/lib/users/users.test-helpers";

async function trainee(locale: "ko" | "en" = "ko"): Promise<CurrentUser> {
  const user = await createTestUser({ name: `Trainee ${locale}` });
  if (locale === "en") await db.user.update({ where: { id: user.id }, data: { locale: "en" } });
  return { ...user, locale };
}

async function expectHealthy(sessionId: string) {
  expect((await checkSessionInvariants(sessionId)).problems).toEqual([]);
}

async function rowsOf(enrollmentId: string) {
  const enrollment = await db.enrollment.findUniqueOrThrow({
    where: { id: enrollmentId },
    select: {
      status: true,
      source: true,
      waitlistRank: true,
      confirmedAt: true,
      createdAt: true,
      user: { select: { email: true } },
      events: {
        select: { fromStatus: true, toStatus: true, actorId: true, reason: true, data: true },
      },
    },
  });
  const mails = await db.outboxMessage.findMany({
    where: { toEmail: enrollment.user.email },
    select: {
      template: true,
      locale: true,
      payload: true,
      subject: true,
      status: true,
      userId: true,
    },
  });
  return { enrollment, mails };
}

describe("self-enrollment's fast path", () => {
  it("writes the seat, the event and the confirmation mail as the slow path does", async () => {
    const course = await createTestCourse({ titleEn: "Downstream processing" });
    const session = await createTestSession({ courseId: course.id, capacity: 2 });
    const me = await trainee();
    const before = new Date();

    const outcome = await enroll(me, { sessionId: session.id });
    expect(outcome).toEqual({
      enrollmentId: expect.any(String),
      status: "CONFIRMED",
      position: null,
      offerExpiresAt: null,
    });
    const { enrollment, mails } = await rowsOf(outcome.enrollmentId);
    expect(enrollment).toMatchObject({ status: "CONFIRMED", source: "SELF", waitlistRank: null });
    expect(enrollment.confirmedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
    expect(enrollment.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
    expect(enrollment.events).toEqual([
      {
        fromStatus: null,
        toStatus: "CONFIRMED",
        actorId: me.id,
        reason: null,
        data: { source: "SELF" },
      },
    ]);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toMatchObject({
      template: "enrollment.confirmed",
      locale: "ko",
      status: "PENDING",
      userId: me.id,
      subject: `[Fast Trak] 수강 확정: ${course.titleKo}`,
    });
    expect(mail.payload).toMatchObject({
      name: me.name,
      courseTitle: course.titleKo,
      courseCode: course.code,
      sessionId: session.id,
      location: null,
    });
    // The stored payload is valid for its template and renders to the stored subject.
    const payload = parseMailPayload("enrollment.confirmed", mail.payload);
    expect(renderMailSubject("enrollment.confirmed", payload, "ko")).toBe(mail.subject);
    await expectHealthy(session.id);
  });

  it("ranks from the session's counters after staff adds, leavers and a reorder: last place, position told and mailed", async () => {
    const course = await createTestCourse({ titleEn: "Chromatography on ÄKTA systems" });
    const session = await createTestSession({ courseId: course.id, capacity: 1 });
    const admin = await createTestUser({ role: "ADMIN" });
    const seat = await trainee();
    await enroll(seat, { sessionId: session.id });
    const [a, b, c] = [await trainee(), await trainee(), await trainee()];
    // Slow path: staff put a and b on the waitlist (ranks 1, 2); c joins by the fast path (3).
    const first = await addEnrollmentByStaff(admin, {
      sessionId: session.id,
      userId: a.id,
      waitlistIfFull: true,
    });
    await addEnrollmentByStaff(admin, {
      sessionId: session.id,
      userId: b.id,
      waitlistIfFull: true,
    });
    const third = await enroll(c, { sessionId: session.id });
    expect(third).toMatchObject({ status: "WAITLISTED", position: 3 });
    // The first leaves, the last is moved to the front: ranks are renumbered from the counter.
    await cancelEnrollment(a, { enrollmentId: first.enrollmentId });
    await reorderWaitlist(admin, { enrollmentId: third.enrollmentId, position: 1, reason: "VIP" });
    await expectHealthy(session.id);

    const en = await trainee("en");
    const outcome = await enroll(en, { sessionId: session.id });
    expect(outcome).toMatchObject({ status: "WAITLISTED", position: 3 });
    const waiting = await db.enrollment.findMany({
      where: { sessionId: session.id, status: "WAITLISTED" },
      orderBy: { waitlistRank: "asc" },
      select: { id: true },
    });
    expect(waiting.map((w) => w.id).at(-1)).toBe(outcome.enrollmentId);

    const { enrollment, mails } = await rowsOf(outcome.enrollmentId);
    expect(enrollment).toMatchObject({ status: "WAITLISTED", source: "SELF", confirmedAt: null });
    expect(enrollment.events).toEqual([
      {
        fromStatus: null,
        toStatus: "WAITLISTED",
        actorId: en.id,
        reason: null,
        data: { source: "SELF" },
      },
    ]);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toMatchObject({
      template: "enrollment.waitlisted",
      locale: "en",
      subject: "[Fast Trak] On the waitlist: Chromatography on ÄKTA systems",
      payload: expect.objectContaining({ position: 3, courseTitle: course.titleEn }),
    });
    const payload = parseMailPayload("enrollment.waitlisted", mail.payload);
    expect(renderMailSubject("enrollment.waitlisted", payload, "en")).toBe(mail.subject);
    const counters = await db.session.findUniqueOrThrow({
      where: { id: session.id },
      select: { waitlistLength: true, waitlistSeq: true },
    });
    expect(counters.waitlistLength).toBe(3);
    expect(counters.waitlistSeq).toBe(enrollment.waitlistRank);
    await expectHealthy(session.id);
  });

  it("leaves what it cannot decide to the slow path: approval requests, refusals, a closed session", async () => {
    const gated = await createTestCourse({ requiresApproval: true });
    const approval = await createTestSession({ courseId: gated.id });
    const me = await trainee();
    expect(await enroll(me, { sessionId: approval.id })).toMatchObject({
      status: "PENDING_APPROVAL",
    });
    await expect(enroll(me, { sessionId: approval.id })).rejects.toMatchObject({
      code: "ALREADY_ENROLLED",
    });
    const closed = await createTestSession({ registrationClosesAt: new Date(Date.now() - 1000) });
    await expect(enroll(me, { sessionId: closed.id })).rejects.toMatchObject({
      code: "REGISTRATION_CLOSED",
    });
    await expect(enroll(me, { sessionId: "no-such-session" })).rejects.toMatchObject({
      code: "SESSION_NOT_FOUND",
    });
    // Nothing but the pending request was written.
    expect(await db.enrollment.count({ where: { userId: me.id } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { userId: me.id } })).toBe(1);
    await expectHealthy(approval.id);
    await expectHealthy(closed.id);
  });
});
