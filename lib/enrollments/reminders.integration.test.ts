import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { cancelEnrollment, enroll } from "@/lib/enrollments/enrollments.service";
import {
  createTestCourse,
  createTestSession,
  type TestSessionOptions,
} from "@/lib/enrollments/enrollments.test-helpers";
import { REMINDER_LEAD_MS, sendDueReminders } from "@/lib/enrollments/reminders";
import { createTestUser } from "@/lib/users/users.test-helpers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function trainee(name: string, locale: "ko" | "en" = "ko"): Promise<CurrentUser> {
  const user = await createTestUser({ name });
  await db.user.update({ where: { id: user.id }, data: { locale } });
  return { ...user, locale };
}

/** A published session open for enrollment now (and for self-cancellation for a few hours). */
function sessionStartingIn(days: number, options: TestSessionOptions = {}) {
  return createTestSession({
    startsInDays: days,
    registrationClosesAt: new Date(Date.now() + 12 * HOUR),
    cancellationCutoffAt: new Date(Date.now() + 6 * HOUR),
    ...options,
  });
}

async function remindersTo(user: CurrentUser) {
  return db.outboxMessage.findMany({
    where: { userId: user.id, template: "enrollment.reminder" },
    select: { toEmail: true, locale: true, subject: true, payload: true },
  });
}

describe("sendDueReminders", () => {
  it("reminds confirmed trainees of sessions starting within three days, once, each in their language", async () => {
    const course = await createTestCourse({ titleEn: "Single-use bioreactor operation" });
    const soon = await sessionStartingIn(2, { courseId: course.id, capacity: 2 });
    const [jiwoo, sam, waiting, leaver] = [
      await trainee("김지우", "ko"),
      await trainee("Sam Lee", "en"),
      await trainee("대기 교육생", "ko"),
      await trainee("취소 교육생", "en"),
    ];
    const left = await enroll(leaver, { sessionId: soon.id });
    await cancelEnrollment(leaver, { enrollmentId: left.enrollmentId });
    expect((await enroll(jiwoo, { sessionId: soon.id })).status).toBe("CONFIRMED");
    expect((await enroll(sam, { sessionId: soon.id })).status).toBe("CONFIRMED");
    expect((await enroll(waiting, { sessionId: soon.id })).status).toBe("WAITLISTED");

    // Sessions that must not be reminded about: too far ahead, already started, not published.
    const later = await sessionStartingIn(5);
    const laterTrainee = await trainee("나중 교육생");
    await enroll(laterTrainee, { sessionId: later.id });
    const started = await sessionStartingIn(2);
    const startedTrainee = await trainee("지난 교육생");
    await enroll(startedTrainee, { sessionId: started.id });
    await db.$executeRaw`UPDATE session_meetings SET starts_at = now() - interval '1 hour', ends_at = now() + interval '6 hours' WHERE session_id = ${started.id}`;
    const draft = await sessionStartingIn(2);
    const draftTrainee = await trainee("초안 교육생");
    await enroll(draftTrainee, { sessionId: draft.id });
    await db.session.update({ where: { id: draft.id }, data: { status: "DRAFT" } });

    // Two workers at once, then a later run: every reminder goes out exactly once. Only the real
    // server truly races the two claims (PGlite runs one transaction at a time).
    const [first, second] = await Promise.all([sendDueReminders(), sendDueReminders()]);
    expect(first + second).toBe(2);
    expect(await sendDueReminders()).toBe(0);

    const [toJiwoo] = await remindersTo(jiwoo);
    expect(await remindersTo(jiwoo)).toHaveLength(1);
    expect(toJiwoo).toMatchObject({ toEmail: jiwoo.email, locale: "ko" });
    expect(toJiwoo!.subject).toBe(`[Fast Trak] 교육 시작 안내: ${course.titleKo}`);
    expect(toJiwoo!.payload).toMatchObject({
      name: "김지우",
      courseTitle: course.titleKo,
      sessionId: soon.id,
    });

    expect(await remindersTo(sam)).toEqual([
      expect.objectContaining({
        locale: "en",
        subject: "[Fast Trak] Starting soon: Single-use bioreactor operation",
        payload: expect.objectContaining({
          courseTitle: "Single-use bioreactor operation",
          url: expect.stringMatching(/\/en\/me\/enrollments$/),
        }),
      }),
    ]);
    for (const user of [waiting, leaver, laterTrainee, startedTrainee, draftTrainee]) {
      expect(await remindersTo(user), user.name).toEqual([]);
    }

    const claimed = await db.session.findMany({
      where: { reminderSentAt: { not: null } },
      select: { id: true },
    });
    expect(claimed.map((s) => s.id)).toEqual([soon.id]);
  });

  it("starts reminding exactly three days before the first meeting", async () => {
    const session = await sessionStartingIn(40);
    const user = await trainee("Jordan Park", "en");
    await enroll(user, { sessionId: session.id });
    const { startsAt } = await db.session.findUniqueOrThrow({
      where: { id: session.id },
      select: { startsAt: true },
    });
    const windowOpens = startsAt!.getTime() - REMINDER_LEAD_MS;

    expect(await sendDueReminders(new Date(windowOpens - 60_000))).toBe(0);
    expect(await remindersTo(user)).toEqual([]);

    expect(await sendDueReminders(new Date(windowOpens + 60_000))).toBe(1);
    expect(await remindersTo(user)).toHaveLength(1);
    const { reminderSentAt } = await db.session.findUniqueOrThrow({
      where: { id: session.id },
      select: { reminderSentAt: true },
    });
    expect(reminderSentAt).toEqual(new Date(windowOpens + 60_000));
    // The 40-day session is the only one this run could see.
    expect(windowOpens - Date.now()).toBeGreaterThan(30 * DAY);
  });
});
