import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getOwnEnrollmentCalendar } from "@/lib/enrollments/calendar.queries";
import { cancelEnrollment, enroll } from "@/lib/enrollments/enrollments.service";
import { createTestCourse, createTestSession } from "@/lib/enrollments/enrollments.test-helpers";
import { createTestUser } from "@/lib/users/users.test-helpers";

const HOUR = 3_600_000;

/** A two-day session in its own lab, open for enrollment and self-cancellation. */
async function twoDaySession() {
  const suffix = randomUUID().slice(0, 8);
  const room = await db.room.create({
    data: {
      code: `LAB-${suffix}`,
      nameKo: "업스트림 실습실 1",
      nameEn: "Upstream Lab 1",
      kind: "LAB",
      capacity: 12,
    },
    select: { id: true },
  });
  const course = await createTestCourse({ titleEn: "Cell culture basics" });
  const session = await createTestSession({
    courseId: course.id,
    startsInDays: 20,
    meetings: [
      [0, 8],
      [24, 8],
    ],
    cancellationCutoffAt: new Date(Date.now() + 10 * 24 * HOUR),
  });
  await db.session.update({ where: { id: session.id }, data: { roomId: room.id } });
  const meetings = await db.sessionMeeting.findMany({
    where: { sessionId: session.id },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true, endsAt: true },
  });
  return { session, course, meetings };
}

async function enrolledTrainee(
  sessionId: string,
): Promise<{ user: CurrentUser; enrollmentId: string }> {
  const user = await createTestUser({ name: "김지우" });
  const { enrollmentId } = await enroll(user, { sessionId });
  return { user, enrollmentId };
}

describe("getOwnEnrollmentCalendar", () => {
  it("gives the trainee their session's meetings, course and place in the page's language", async () => {
    const { session, course, meetings } = await twoDaySession();
    const { user, enrollmentId } = await enrolledTrainee(session.id);

    const ko = await getOwnEnrollmentCalendar(user, enrollmentId, "ko");
    expect(ko).toEqual({
      method: "PUBLISH",
      info: {
        name: "김지우",
        courseTitle: course.titleKo,
        courseCode: course.code,
        sessionId: session.id,
        meetings,
        location: expect.stringContaining("업스트림 실습실 1"),
        url: expect.stringMatching(/\/ko\/me\/enrollments$/),
      },
    });
    expect(ko!.info.meetings).toHaveLength(2);

    const en = await getOwnEnrollmentCalendar(user, enrollmentId, "en");
    expect(en!.info.courseTitle).toBe("Cell culture basics");
    expect(en!.info.location).toContain("Upstream Lab 1");
    expect(en!.info.url).toMatch(/\/en\/me\/enrollments$/);
  });

  it("finds nothing for another trainee's enrollment or an unknown id", async () => {
    const { session } = await twoDaySession();
    const { enrollmentId } = await enrolledTrainee(session.id);
    const other = await createTestUser({ name: "Sam Lee" });
    const admin = await createTestUser({ role: "ADMIN" });

    expect(await getOwnEnrollmentCalendar(other, enrollmentId, "ko")).toBeNull();
    // "Own" means own, for staff too: their own download link never opens someone else's file.
    expect(await getOwnEnrollmentCalendar(admin, enrollmentId, "ko")).toBeNull();
    expect(await getOwnEnrollmentCalendar(other, "c_no_such_enrollment", "ko")).toBeNull();
    await expect(
      getOwnEnrollmentCalendar(null as unknown as CurrentUser, enrollmentId, "ko"),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("cancels the meetings once the trainee cancelled or the center cancelled the session", async () => {
    const first = await twoDaySession();
    const { user, enrollmentId } = await enrolledTrainee(first.session.id);
    await cancelEnrollment(user, { enrollmentId });
    const cancelled = await getOwnEnrollmentCalendar(user, enrollmentId, "ko");
    expect(cancelled!.method).toBe("CANCEL");
    expect(cancelled!.info.meetings).toEqual(first.meetings);

    const second = await twoDaySession();
    const other = await enrolledTrainee(second.session.id);
    // The database marks a cancelled session's meetings inactive; the file still names them.
    await db.session.update({ where: { id: second.session.id }, data: { status: "CANCELLED" } });
    const sessionCancelled = await getOwnEnrollmentCalendar(other.user, other.enrollmentId, "en");
    expect(sessionCancelled!.method).toBe("CANCEL");
    expect(sessionCancelled!.info.meetings).toEqual(second.meetings);
  });
});
