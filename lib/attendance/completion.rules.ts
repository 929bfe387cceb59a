import type { AttendanceStatus } from "@/lib/generated/prisma/enums";

/**
 * The completion rules as pure functions, shared by the service that completes a session
 * (lib/attendance/completion.service.ts) and the attendance page that previews what completing
 * would do, so the preview is the outcome.
 */

/** Marks that count as attending a meeting: arriving late still counts. */
export const ATTENDED_STATUSES = ["PRESENT", "LATE"] as const satisfies readonly AttendanceStatus[];

export function countsAsAttended(status: AttendanceStatus | null | undefined): boolean {
  return status === "PRESENT" || status === "LATE";
}

/** Attendance may be taken from this long before a meeting starts (trainees arrive early). */
export const RECORDING_OPENS_BEFORE_MS = 60 * 60_000;

export function canRecordMeeting(meeting: { startsAt: Date }, now: Date): boolean {
  return meeting.startsAt.getTime() - RECORDING_OPENS_BEFORE_MS <= now.getTime();
}

/** A session can be completed once its last meeting has started. */
export function lastMeetingStart(meetings: readonly { startsAt: Date }[]): Date | null {
  if (meetings.length === 0) return null;
  return new Date(Math.max(...meetings.map((m) => m.startsAt.getTime())));
}

export type CompletionFacts = {
  /** Active meetings of the session. */
  meetings: number;
  /** Meetings the trainee attended (present or late). */
  attended: number;
  /** The course's rule: share of meetings to attend, 0–100 (default 100: every meeting). */
  minAttendancePct: number;
  /** The course's hours. */
  courseHours: number;
};

export type CompletionOutcome =
  | { status: "COMPLETED"; hours: number }
  | { status: "NO_SHOW"; hours: 0 };

/**
 * COMPLETED when the trainee attended at least the course's share of meetings (compared in
 * whole numbers: 4 of 5 meetings meets 80 %), else NO_SHOW. The certificate's hours are the
 * course's hours in proportion to the meetings attended, so a trainee who missed a day of a
 * week-long course that allows it is certified for the hours they were there.
 */
export function decideCompletion(facts: CompletionFacts): CompletionOutcome {
  const { meetings, attended, minAttendancePct, courseHours } = facts;
  if (meetings <= 0 || attended * 100 < minAttendancePct * meetings) {
    return { status: "NO_SHOW", hours: 0 };
  }
  return { status: "COMPLETED", hours: Math.round((courseHours * attended) / meetings) };
}
