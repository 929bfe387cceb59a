import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { recordAttendance } from "@/lib/attendance/attendance.service";
import { addEnrollmentByStaff } from "@/lib/enrollments/enrollments.service";
import {
  createTestCourse,
  createTestSession,
  type TestSessionOptions,
} from "@/lib/enrollments/enrollments.test-helpers";
import type { AttendanceStatus } from "@/lib/generated/prisma/enums";
import { createTestUser } from "@/lib/users/users.test-helpers";

/** Test data for attendance and certificates: sessions under way, marks taken by their instructor. */

/**
 * A session whose meetings have all started (yesterday and today, 09:00–17:00 Seoul), taught by
 * its own instructor, with `trainees` confirmed by an admin through the enrollment engine.
 */
export async function startedSession(
  options: {
    trainees?: number;
    minAttendancePct?: number;
    courseHours?: number;
    session?: TestSessionOptions;
  } = {},
) {
  const admin = await createTestUser({ role: "ADMIN", name: "관리자" });
  const instructor = await createTestUser({ role: "INSTRUCTOR", name: "박준호" });
  const course = await createTestCourse({ titleEn: "Fed-Batch Culture Lab" });
  await db.course.update({
    where: { id: course.id },
    data: {
      titleKo: "유가식 배양 실습",
      durationHours: options.courseHours ?? 16,
      completionMinAttendancePct: options.minAttendancePct ?? 100,
    },
  });
  const session = await createTestSession({
    courseId: course.id,
    startsInDays: -1,
    meetings: [
      [0, 8],
      [24, 8],
    ],
    ...options.session,
  });
  await db.sessionInstructor.create({ data: { sessionId: session.id, userId: instructor.id, lead: true } });
  const meetings = await db.sessionMeeting.findMany({
    where: { sessionId: session.id },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true },
  });
  const org = await db.organization.upsert({
    where: { name: "송도바이오로직스" },
    create: { name: "송도바이오로직스", nameEn: "Songdo Biologics", type: "COMPANY" },
    update: {},
    select: { id: true },
  });
  const trainees: { user: CurrentUser; enrollmentId: string }[] = [];
  for (let i = 0; i < (options.trainees ?? 3); i++) {
    const user = await createTestUser({ name: `수강생 ${i + 1}`, organizationId: org.id });
    const outcome = await addEnrollmentByStaff(admin, { sessionId: session.id, userId: user.id });
    trainees.push({ user, enrollmentId: outcome.enrollmentId });
  }
  return { admin, instructor, course, session, meetings, trainees };
}

export type StartedSession = Awaited<ReturnType<typeof startedSession>>;

export async function mark(setup: StartedSession, marks: AttendanceStatus[][]) {
  for (const [t, perMeeting] of marks.entries()) {
    for (const [m, status] of perMeeting.entries()) {
      await recordAttendance(setup.instructor, {
        sessionId: setup.session.id,
        meetingId: setup.meetings[m]!.id,
        enrollmentId: setup.trainees[t]!.enrollmentId,
        status,
      });
    }
  }
}
