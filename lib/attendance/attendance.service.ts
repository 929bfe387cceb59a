import { db, type Tx } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { AttendanceStatus } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { attendanceSessionWhere } from "@/lib/attendance/attendance.access";
import { canRecordMeeting } from "@/lib/attendance/completion.rules";

/**
 * Taking attendance: one row per confirmed trainee and meeting (unique), written by the
 * session's instructors or an admin, with who recorded it and when, and an audit entry.
 *
 * Each write holds a share lock on the session row. Completing a session takes the engine's
 * exclusive lock on the same row (withSeatLock), so attendance cannot change between the moment
 * completion reads it and its commit; writes to the same session do not block each other.
 */

export type RequestMeta = { ip?: string | null };

type RecordingContext = { tx: Tx; now: Date; meeting: { id: string; startsAt: Date } };

/** Locks the session (shared), checks scope, status and meeting; runs `work` in the same transaction. */
async function withRecording<T>(
  actor: CurrentUser,
  input: { sessionId: string; meetingId: string },
  work: (context: RecordingContext) => Promise<T>,
): Promise<T> {
  const where = attendanceSessionWhere(actor, input.sessionId);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const locked = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM sessions WHERE id = ${input.sessionId} FOR SHARE`;
    const visible = await tx.session.findFirst({ where, select: { id: true } });
    if (!locked[0] || !visible) throw new NotFoundError("SESSION_NOT_FOUND");
    const status = locked[0].status;
    if (status === "COMPLETED") throw new ConflictError("SESSION_COMPLETED");
    if (status === "CANCELLED") throw new ConflictError("SESSION_CANCELLED");
    if (status !== "PUBLISHED") throw new ConflictError("SESSION_NOT_OPEN");
    const meeting = await tx.sessionMeeting.findFirst({
      where: { id: input.meetingId, sessionId: input.sessionId, active: true },
      select: { id: true, startsAt: true },
    });
    if (!meeting) throw new NotFoundError("MEETING_NOT_FOUND");
    if (!canRecordMeeting(meeting, now)) throw new ConflictError("MEETING_NOT_STARTED");
    return work({ tx, now, meeting });
  });
}

export type RecordAttendanceInput = {
  sessionId: string;
  meetingId: string;
  enrollmentId: string;
  status: AttendanceStatus;
};

export type RecordedAttendance = {
  status: AttendanceStatus;
  recordedAt: Date;
  recordedByName: string | null;
  /** False when the trainee already had this mark (nothing was written). */
  changed: boolean;
};

/** Records (or corrects) one trainee's attendance at one meeting. */
export async function recordAttendance(
  actor: CurrentUser,
  input: RecordAttendanceInput,
  meta: RequestMeta = {},
): Promise<RecordedAttendance> {
  return withRecording(actor, input, async ({ tx, now, meeting }) => {
    const enrollment = await tx.enrollment.findFirst({
      where: { id: input.enrollmentId, sessionId: input.sessionId },
      select: { id: true, status: true },
    });
    if (!enrollment) throw new NotFoundError("ENROLLMENT_NOT_FOUND");
    if (enrollment.status !== "CONFIRMED") throw new ConflictError("ENROLLMENT_NOT_CONFIRMED");

    const key = { enrollmentId_meetingId: { enrollmentId: enrollment.id, meetingId: meeting.id } };
    const previous = await tx.attendance.findUnique({
      where: key,
      select: { status: true, recordedAt: true, recordedBy: { select: { name: true } } },
    });
    if (previous?.status === input.status) {
      return {
        status: previous.status,
        recordedAt: previous.recordedAt,
        recordedByName: previous.recordedBy?.name ?? null,
        changed: false,
      };
    }
    const row = await tx.attendance.upsert({
      where: key,
      create: {
        enrollmentId: enrollment.id,
        meetingId: meeting.id,
        status: input.status,
        recordedById: actor.id,
        recordedAt: now,
      },
      update: { status: input.status, recordedById: actor.id, recordedAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "attendance.record",
      entityType: "Attendance",
      entityId: row.id,
      data: {
        sessionId: input.sessionId,
        meetingId: meeting.id,
        enrollmentId: enrollment.id,
        from: previous?.status ?? null,
        to: input.status,
      },
      ip: meta.ip,
    });
    return { status: input.status, recordedAt: now, recordedByName: actor.name, changed: true };
  });
}

/**
 * Marks every confirmed trainee who has no mark yet for the meeting as present (the usual
 * start of a lab day); marks already taken, such as a late arrival, are kept.
 */
export async function markAllPresent(
  actor: CurrentUser,
  input: { sessionId: string; meetingId: string },
  meta: RequestMeta = {},
): Promise<{ marked: number }> {
  return withRecording(actor, input, async ({ tx, now, meeting }) => {
    const unmarked = await tx.enrollment.findMany({
      where: {
        sessionId: input.sessionId,
        status: "CONFIRMED",
        attendance: { none: { meetingId: meeting.id } },
      },
      select: { id: true },
    });
    if (unmarked.length === 0) return { marked: 0 };
    const created = await tx.attendance.createMany({
      data: unmarked.map((e) => ({
        enrollmentId: e.id,
        meetingId: meeting.id,
        status: "PRESENT" as const,
        recordedById: actor.id,
        recordedAt: now,
      })),
      skipDuplicates: true,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "attendance.mark-all-present",
      entityType: "SessionMeeting",
      entityId: meeting.id,
      data: { sessionId: input.sessionId, marked: created.count },
      ip: meta.ip,
    });
    return { marked: created.count };
  });
}
