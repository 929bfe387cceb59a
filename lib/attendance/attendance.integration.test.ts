import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runAction, type ServerAction } from "@/lib/actions/action";
import {
  completeSessionAction,
  markAllPresentAction,
  recordAttendanceAction,
} from "@/lib/attendance/attendance.actions";
import { getAttendanceSheet, getSignInSheet } from "@/lib/attendance/attendance.queries";
import { markAllPresent, recordAttendance } from "@/lib/attendance/attendance.service";
import { completeSession, SESSION_COMPLETED_REASON } from "@/lib/attendance/completion.service";
import { renderSignInSheetPdf } from "@/lib/attendance/sign-in-sheet-pdf";
import { isCertificateCode } from "@/lib/certificates/certificate-code";
import { extractPdfText } from "@/lib/certificates/pdf-text.test-helpers";
import { mark, startedSession, type StartedSession as Setup } from "@/lib/attendance/attendance.test-helpers";
import { addEnrollmentByStaff, cancelEnrollment } from "@/lib/enrollments/enrollments.service";
import { checkSessionInvariants, createTestSession, mailsTo } from "@/lib/enrollments/enrollments.test-helpers";
import { withSeatLock } from "@/lib/enrollments/seat-lock";
import { createPartnerOrganization, createTestUser } from "@/lib/users/users.test-helpers";
import { describeRealPostgres } from "@/lib/test/database";

const DAY = 86_400_000;

async function expectHealthy(sessionId: string) {
  expect((await checkSessionInvariants(sessionId)).problems).toEqual([]);
}

async function statusOf(enrollmentId: string) {
  return (await db.enrollment.findUniqueOrThrow({ where: { id: enrollmentId }, select: { status: true } })).status;
}

describe("recording attendance", () => {
  it("records and corrects a mark with who and when, audits each change and skips a repeat", async () => {
    const setup = await startedSession({ trainees: 1 });
    const input = {
      sessionId: setup.session.id,
      meetingId: setup.meetings[0]!.id,
      enrollmentId: setup.trainees[0]!.enrollmentId,
    };
    const first = await recordAttendance(setup.instructor, { ...input, status: "ABSENT" });
    expect(first).toMatchObject({ status: "ABSENT", recordedByName: "박준호", changed: true });
    const corrected = await recordAttendance(setup.admin, { ...input, status: "LATE" });
    expect(corrected).toMatchObject({ status: "LATE", recordedByName: "관리자", changed: true });
    expect(await recordAttendance(setup.admin, { ...input, status: "LATE" })).toMatchObject({ changed: false });

    const rows = await db.attendance.findMany({ where: { enrollmentId: input.enrollmentId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "LATE", recordedById: setup.admin.id });
    const audits = await db.auditLog.findMany({
      where: { action: "attendance.record", entityId: rows[0]!.id },
      orderBy: { createdAt: "asc" },
      select: { actorId: true, data: true },
    });
    expect(audits.map((a) => [a.actorId, (a.data as { from: string | null; to: string }).to])).toEqual([
      [setup.instructor.id, "ABSENT"],
      [setup.admin.id, "LATE"],
    ]);
  });

  it("refuses an instructor of another session, trainees and partners, changing nothing", async () => {
    const setup = await startedSession({ trainees: 1 });
    const otherInstructor = await createTestUser({ role: "INSTRUCTOR" });
    const other = await createTestSession({ startsInDays: -1 });
    await db.sessionInstructor.create({ data: { sessionId: other.id, userId: otherInstructor.id } });
    const partnerOrg = await createPartnerOrganization();
    const partner = await createTestUser({ role: "PARTNER", organizationId: partnerOrg.id });
    const input = {
      sessionId: setup.session.id,
      meetingId: setup.meetings[0]!.id,
      enrollmentId: setup.trainees[0]!.enrollmentId,
      status: "PRESENT" as const,
    };
    await expect(recordAttendance(otherInstructor, input)).rejects.toMatchObject({ code: "SESSION_NOT_FOUND" });
    await expect(recordAttendance(setup.trainees[0]!.user, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordAttendance(partner, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(markAllPresent(otherInstructor, input)).rejects.toMatchObject({ code: "SESSION_NOT_FOUND" });
    expect(await db.attendance.count({ where: { enrollmentId: input.enrollmentId } })).toBe(0);
    // The page shows nothing to them either.
    expect(await getAttendanceSheet(otherInstructor, { sessionId: setup.session.id }, "ko")).toBeNull();
    await expect(getAttendanceSheet(partner, { sessionId: setup.session.id }, "ko")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("refuses a meeting that opens later, a trainee without a confirmed seat and a meeting of another session", async () => {
    const setup = await startedSession({
      trainees: 1,
      session: { capacity: 1, startsInDays: 0, meetings: [[0, 8], [48, 8]] },
    });
    const waiting = await createTestUser();
    const waitlisted = await addEnrollmentByStaff(setup.admin, {
      sessionId: setup.session.id,
      userId: waiting.id,
      waitlistIfFull: true,
    });
    expect(waitlisted.status).toBe("WAITLISTED");
    const base = { sessionId: setup.session.id, status: "PRESENT" as const };
    await expect(
      recordAttendance(setup.instructor, {
        ...base,
        meetingId: setup.meetings[1]!.id,
        enrollmentId: setup.trainees[0]!.enrollmentId,
      }),
    ).rejects.toMatchObject({ code: "MEETING_NOT_STARTED" });
    await expect(
      recordAttendance(setup.instructor, {
        ...base,
        meetingId: setup.meetings[0]!.id,
        enrollmentId: waitlisted.enrollmentId,
      }),
    ).rejects.toMatchObject({ code: "ENROLLMENT_NOT_CONFIRMED" });
    const elsewhere = await createTestSession({ startsInDays: -1 });
    const foreignMeeting = await db.sessionMeeting.findFirstOrThrow({ where: { sessionId: elsewhere.id } });
    await expect(
      recordAttendance(setup.admin, {
        ...base,
        meetingId: foreignMeeting.id,
        enrollmentId: setup.trainees[0]!.enrollmentId,
      }),
    ).rejects.toMatchObject({ code: "MEETING_NOT_FOUND" });
  });

  it("marks everyone not yet recorded present and keeps the marks already taken", async () => {
    const setup = await startedSession({ trainees: 3 });
    const meetingId = setup.meetings[0]!.id;
    await recordAttendance(setup.instructor, {
      sessionId: setup.session.id,
      meetingId,
      enrollmentId: setup.trainees[0]!.enrollmentId,
      status: "LATE",
    });
    expect(await markAllPresent(setup.instructor, { sessionId: setup.session.id, meetingId })).toEqual({ marked: 2 });
    expect(await markAllPresent(setup.instructor, { sessionId: setup.session.id, meetingId })).toEqual({ marked: 0 });
    const marks = await db.attendance.findMany({
      where: { meetingId },
      select: { enrollmentId: true, status: true, recordedById: true },
    });
    expect(new Map(marks.map((m) => [m.enrollmentId, m.status]))).toEqual(
      new Map([
        [setup.trainees[0]!.enrollmentId, "LATE"],
        [setup.trainees[1]!.enrollmentId, "PRESENT"],
        [setup.trainees[2]!.enrollmentId, "PRESENT"],
      ]),
    );
    expect(marks.every((m) => m.recordedById === setup.instructor.id)).toBe(true);
    const sheet = await getAttendanceSheet(setup.instructor, { sessionId: setup.session.id, meetingId }, "en");
    expect(sheet?.counts).toEqual({ PRESENT: 2, LATE: 1, ABSENT: 0, unrecorded: 0 });
    expect(sheet?.rows.map((r) => r.organization)).toEqual(["Songdo Biologics", "Songdo Biologics", "Songdo Biologics"]);
    expect(sheet?.rows[0]).toMatchObject({ recordedByName: "박준호" });
  });

  describe("actions refuse every role that may not take attendance", () => {
    const cases: [string, ServerAction, (s: Setup) => Record<string, string>][] = [
      [
        "record",
        recordAttendanceAction,
        (s) => ({
          sessionId: s.session.id,
          meetingId: s.meetings[0]!.id,
          enrollmentId: s.trainees[0]!.enrollmentId,
          status: "PRESENT",
        }),
      ],
      ["mark all present", markAllPresentAction, (s) => ({ sessionId: s.session.id, meetingId: s.meetings[0]!.id })],
      ["complete", completeSessionAction, (s) => ({ sessionId: s.session.id })],
    ];
    it.each(cases)("%s", async (_name, action, input) => {
      const setup = await startedSession({ trainees: 1 });
      await mark(setup, [["PRESENT", "PRESENT"]]);
      const stranger = await createTestUser({ role: "INSTRUCTOR" });
      const partnerOrg = await createPartnerOrganization();
      const partner = await createTestUser({ role: "PARTNER", organizationId: partnerOrg.id });
      const trainee = setup.trainees[0]!.user;
      expect(await runAction(trainee, action.definition, input(setup))).toMatchObject({ ok: false, errorCode: "FORBIDDEN" });
      expect(await runAction(partner, action.definition, input(setup))).toMatchObject({ ok: false, errorCode: "FORBIDDEN" });
      expect(await runAction(stranger, action.definition, input(setup))).toMatchObject({
        ok: false,
        errorCode: "SESSION_NOT_FOUND",
      });
      expect(await runAction(null, action.definition, input(setup))).toMatchObject({ ok: false, errorCode: "UNAUTHENTICATED" });
      // Nothing changed: the marks are the instructor's, the session is still open.
      const marks = await db.attendance.findMany({
        where: { meeting: { sessionId: setup.session.id } },
        select: { recordedById: true },
      });
      expect(marks.map((m) => m.recordedById)).toEqual([setup.instructor.id, setup.instructor.id]);
      expect((await db.session.findUniqueOrThrow({ where: { id: setup.session.id } })).status).toBe("PUBLISHED");
      // The teaching instructor's own request goes through.
      expect(await runAction(setup.instructor, action.definition, input(setup))).toMatchObject({ ok: true });
    });
  });
});

describe("completing a session", () => {
  it("applies the default rule (every meeting, late counts), issues one certificate per completion, mails everyone and frees every seat", async () => {
    const setup = await startedSession({ trainees: 3, session: { capacity: 3 } });
    const waiting = await createTestUser({ name: "대기자" });
    const waitlisted = await addEnrollmentByStaff(setup.admin, {
      sessionId: setup.session.id,
      userId: waiting.id,
      waitlistIfFull: true,
    });
    await mark(setup, [
      ["PRESENT", "PRESENT"],
      ["LATE", "PRESENT"],
      ["PRESENT", "ABSENT"],
    ]);
    const [a, b, c] = setup.trainees;

    const summary = await completeSession(setup.instructor, { sessionId: setup.session.id }, { ip: "10.0.0.9" });
    expect(summary).toMatchObject({ completed: 2, noShow: 1, closed: 1 });
    expect(summary.certificates.map((x) => x.enrollmentId).sort()).toEqual([a!.enrollmentId, b!.enrollmentId].sort());

    expect(await statusOf(a!.enrollmentId)).toBe("COMPLETED");
    expect(await statusOf(b!.enrollmentId)).toBe("COMPLETED");
    expect(await statusOf(c!.enrollmentId)).toBe("NO_SHOW");
    // The waitlisted trainee is not promoted into the freed seats; their place is closed.
    expect(await statusOf(waitlisted.enrollmentId)).toBe("CANCELLED");
    const closing = await db.enrollmentEvent.findFirstOrThrow({
      where: { enrollmentId: waitlisted.enrollmentId, toStatus: "CANCELLED" },
    });
    expect(closing).toMatchObject({ fromStatus: "WAITLISTED", reason: SESSION_COMPLETED_REASON, actorId: setup.instructor.id });

    const session = await db.session.findUniqueOrThrow({ where: { id: setup.session.id } });
    expect(session).toMatchObject({ status: "COMPLETED", seatsHeld: 0 });
    await expectHealthy(setup.session.id);

    const certificates = await db.certificate.findMany({
      where: { enrollment: { sessionId: setup.session.id } },
      select: { code: true, hours: true, enrollmentId: true },
    });
    expect(certificates).toHaveLength(2);
    for (const certificate of certificates) {
      expect(isCertificateCode(certificate.code)).toBe(true);
      expect(certificate.hours).toBe(16);
    }
    const completedAt = await db.enrollment.findUniqueOrThrow({ where: { id: a!.enrollmentId } });
    expect(completedAt.completedAt).toBeInstanceOf(Date);

    const aMail = (await mailsTo(a!.user.email, "enrollment.completed"))[0]!;
    const aCode = certificates.find((x) => x.enrollmentId === a!.enrollmentId)!.code;
    expect(aMail.payload).toMatchObject({
      certificateCode: aCode,
      hours: 16,
      url: expect.stringContaining(`/ko/certificates/${aCode}/certificate.pdf`),
      verifyUrl: expect.stringMatching(new RegExp(`/verify/${aCode}$`)),
    });
    expect(await mailsTo(c!.user.email, "enrollment.no-show")).toHaveLength(1);
    expect(await mailsTo(c!.user.email, "enrollment.completed")).toHaveLength(0);
    expect((await mailsTo(c!.user.email, "enrollment.no-show"))[0]!.payload).toMatchObject({
      attended: 1,
      meetingCount: 2,
      minAttendancePct: 100,
    });
    expect(await mailsTo(waiting.email, "enrollment.promoted")).toHaveLength(0);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "session.complete", entityId: setup.session.id } });
    expect(audit).toMatchObject({ actorId: setup.instructor.id, ip: "10.0.0.9" });
    expect(audit.data).toMatchObject({ completed: 2, noShow: 1, closed: 1, certificates: 2 });

    // The page now shows the results with the certificates.
    const sheet = await getAttendanceSheet(setup.admin, { sessionId: setup.session.id }, "ko");
    expect(sheet?.completion).toMatchObject({ kind: "completed" });
    if (sheet?.completion.kind === "completed") {
      expect(sheet.completion.results.map((r) => [r.name, r.status, r.attended, Boolean(r.certificate)])).toEqual([
        ["수강생 1", "COMPLETED", 2, true],
        ["수강생 2", "COMPLETED", 2, true],
        ["수강생 3", "NO_SHOW", 1, false],
      ]);
    }
  });

  it("follows a course's 50 % rule and certifies the hours attended", async () => {
    const setup = await startedSession({ trainees: 3, minAttendancePct: 50, courseHours: 16 });
    await mark(setup, [
      ["PRESENT", "ABSENT"],
      ["ABSENT", "LATE"],
      ["ABSENT", "ABSENT"],
    ]);
    const before = await getAttendanceSheet(setup.instructor, { sessionId: setup.session.id }, "ko");
    expect(before?.completion).toEqual({ kind: "ready", completed: 2, noShow: 1, closed: 0 });
    const summary = await completeSession(setup.admin, { sessionId: setup.session.id });
    expect(summary).toMatchObject({ completed: 2, noShow: 1 });
    const hours = await db.certificate.findMany({
      where: { enrollment: { sessionId: setup.session.id } },
      select: { hours: true },
    });
    expect(hours.map((h) => h.hours)).toEqual([8, 8]);
    expect(await statusOf(setup.trainees[2]!.enrollmentId)).toBe("NO_SHOW");
    await expectHealthy(setup.session.id);
  });

  it("is refused a second time, issuing no second certificate and changing no mark afterwards", async () => {
    const setup = await startedSession({ trainees: 1 });
    await mark(setup, [["PRESENT", "PRESENT"]]);
    await completeSession(setup.instructor, { sessionId: setup.session.id });
    await expect(completeSession(setup.admin, { sessionId: setup.session.id })).rejects.toMatchObject({
      code: "SESSION_COMPLETED",
    });
    expect(await db.certificate.count({ where: { enrollment: { sessionId: setup.session.id } } })).toBe(1);
    expect(await mailsTo(setup.trainees[0]!.user.email, "enrollment.completed")).toHaveLength(1);
    await expect(
      recordAttendance(setup.admin, {
        sessionId: setup.session.id,
        meetingId: setup.meetings[0]!.id,
        enrollmentId: setup.trainees[0]!.enrollmentId,
        status: "ABSENT",
      }),
    ).rejects.toMatchObject({ code: "SESSION_COMPLETED" });
    await expectHealthy(setup.session.id);
  });

  it("waits for the last meeting to start and for every mark", async () => {
    const early = await startedSession({ trainees: 1, session: { startsInDays: 0, meetings: [[0, 8], [48, 8]] } });
    await expect(completeSession(early.admin, { sessionId: early.session.id })).rejects.toMatchObject({
      code: "SESSION_NOT_FINISHED",
    });
    const sheet = await getAttendanceSheet(early.admin, { sessionId: early.session.id }, "ko");
    expect(sheet?.completion).toMatchObject({ kind: "not-yet", lastMeetingStartsAt: early.meetings[1]!.startsAt });

    const setup = await startedSession({ trainees: 2 });
    await mark(setup, [["PRESENT", "PRESENT"], ["PRESENT"]]);
    await expect(completeSession(setup.admin, { sessionId: setup.session.id })).rejects.toMatchObject({
      code: "ATTENDANCE_INCOMPLETE",
      params: { missing: 1 },
    });
    expect((await db.session.findUniqueOrThrow({ where: { id: setup.session.id } })).status).toBe("PUBLISHED");
    expect(await db.certificate.count({ where: { enrollment: { sessionId: setup.session.id } } })).toBe(0);
  });

  it("closes an open waitlist offer and a partner's unclaimed block seats, leaving no seat held", async () => {
    const now = new Date();
    const setup = await startedSession({
      trainees: 3,
      session: {
        capacity: 5,
        waitlistMode: "OFFER",
        // Still open for registration, so a freed seat is offered rather than given.
        registrationClosesAt: new Date(now.getTime() + DAY),
      },
    });
    const partnerOrg = await createPartnerOrganization();
    const cohort = await db.cohort.create({
      data: { organizationId: partnerOrg.id, name: "2026 실무반" },
      select: { id: true },
    });
    // The partner's approved block of 2 seats, none claimed: held through the engine.
    await withSeatLock({ actorId: setup.admin.id, sessionIds: [setup.session.id] }, async (context) => {
      await context.takeSeats(setup.session.id, 2);
      await context.tx.seatBlock.create({
        data: { sessionId: setup.session.id, cohortId: cohort.id, requestedSeats: 2, approvedSeats: 2, status: "APPROVED" },
      });
    });
    const waiting = await createTestUser();
    const queued = await addEnrollmentByStaff(setup.admin, {
      sessionId: setup.session.id,
      userId: waiting.id,
      waitlistIfFull: true,
    });
    expect(queued.status).toBe("WAITLISTED");
    // A confirmed trainee cancels: the seat is offered to the waitlisted one.
    await cancelEnrollment(setup.admin, { enrollmentId: setup.trainees[2]!.enrollmentId, reason: "회사 일정" });
    expect(await statusOf(queued.enrollmentId)).toBe("OFFERED");
    await expectHealthy(setup.session.id);

    await mark(setup, [
      ["PRESENT", "PRESENT"],
      ["PRESENT", "PRESENT"],
    ]);
    const summary = await completeSession(setup.instructor, { sessionId: setup.session.id });
    expect(summary).toMatchObject({ completed: 2, noShow: 0, closed: 1 });
    expect(await statusOf(queued.enrollmentId)).toBe("CANCELLED");
    const block = await db.seatBlock.findFirstOrThrow({ where: { sessionId: setup.session.id } });
    expect(block.status).toBe("RELEASED");
    expect((await db.session.findUniqueOrThrow({ where: { id: setup.session.id } })).seatsHeld).toBe(0);
    await expectHealthy(setup.session.id);
  });
});

describe("sign-in sheet", () => {
  it("prints the meeting's confirmed trainees for the session's instructor, and nothing for others", async () => {
    const setup = await startedSession({ trainees: 2 });
    const data = await getSignInSheet(setup.instructor, {
      sessionId: setup.session.id,
      meetingId: setup.meetings[1]!.id,
    });
    expect(data).toMatchObject({
      courseTitleKo: "유가식 배양 실습",
      meeting: { index: 2, count: 2 },
      instructors: ["박준호"],
      trainees: [
        { name: "수강생 1", organization: "송도바이오로직스" },
        { name: "수강생 2", organization: "송도바이오로직스" },
      ],
    });
    const { text } = extractPdfText(await renderSignInSheetPdf(data!));
    const page = text.replace(/\s+/g, " ");
    expect(page).toContain("유가식 배양 실습");
    expect(page).toContain("Fed-Batch Culture Lab");
    expect(page).toContain("1 수강생 1 송도바이오로직스");
    expect(page).toContain("2 수강생 2 송도바이오로직스");
    expect(page).toContain("서명 / Signature");

    const stranger = await createTestUser({ role: "INSTRUCTOR" });
    expect(await getSignInSheet(stranger, { sessionId: setup.session.id, meetingId: setup.meetings[0]!.id })).toBeNull();
    const foreign = await createTestSession();
    const foreignMeeting = await db.sessionMeeting.findFirstOrThrow({ where: { sessionId: foreign.id } });
    expect(await getSignInSheet(setup.admin, { sessionId: setup.session.id, meetingId: foreignMeeting.id })).toBeNull();
  });
});

describeRealPostgres("completion under concurrency", () => {
  it("completes once when two staff complete at the same moment", async () => {
    const setup = await startedSession({ trainees: 3 });
    await mark(setup, [
      ["PRESENT", "PRESENT"],
      ["PRESENT", "PRESENT"],
      ["ABSENT", "PRESENT"],
    ]);
    const results = await Promise.allSettled([
      completeSession(setup.admin, { sessionId: setup.session.id }),
      completeSession(setup.instructor, { sessionId: setup.session.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "SESSION_COMPLETED" });
    expect(await db.certificate.count({ where: { enrollment: { sessionId: setup.session.id } } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "session.complete", entityId: setup.session.id } })).toBe(1);
    await expectHealthy(setup.session.id);
  });

  it("never lets a mark change after completion has read the marks", async () => {
    for (let round = 0; round < 5; round++) {
      const setup = await startedSession({ trainees: 1 });
      await mark(setup, [["PRESENT", "PRESENT"]]);
      const [completion, correction] = await Promise.allSettled([
        completeSession(setup.admin, { sessionId: setup.session.id }),
        recordAttendance(setup.instructor, {
          sessionId: setup.session.id,
          meetingId: setup.meetings[1]!.id,
          enrollmentId: setup.trainees[0]!.enrollmentId,
          status: "ABSENT",
        }),
      ]);
      expect(completion.status).toBe("fulfilled");
      const outcome = await statusOf(setup.trainees[0]!.enrollmentId);
      if (correction.status === "fulfilled") {
        // The correction committed first: completion saw it.
        expect(outcome).toBe("NO_SHOW");
      } else {
        // Completion held the lock first: the correction was refused, not lost silently.
        expect(correction.reason).toMatchObject({ code: "SESSION_COMPLETED" });
        expect(outcome).toBe("COMPLETED");
      }
    }
  });
});
