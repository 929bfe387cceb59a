import { db } from "@/lib/db/client";
import type { AttendanceStatus, EnrollmentStatus, SessionStatus } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { AppLocale } from "@/lib/i18n/routing";
import { attendanceSessionWhere } from "@/lib/attendance/attendance.access";
import {
  canRecordMeeting,
  countsAsAttended,
  decideCompletion,
  lastMeetingStart,
  RECORDING_OPENS_BEFORE_MS,
} from "@/lib/attendance/completion.rules";

/**
 * Reads of the attendance page and the sign-in sheet, scoped like the writes: admins see every
 * session, instructors the sessions they teach; anything else is null (the page answers 404).
 */

export type AttendanceMeeting = { id: string; index: number; startsAt: Date; endsAt: Date };

export type AttendanceRow = {
  enrollmentId: string;
  name: string;
  organization: string | null;
  status: AttendanceStatus | null;
  recordedByName: string | null;
  recordedAt: Date | null;
};

export type CompletionResult = {
  enrollmentId: string;
  name: string;
  status: Extract<EnrollmentStatus, "COMPLETED" | "NO_SHOW">;
  attended: number;
  certificate: { code: string; hours: number; revoked: boolean } | null;
};

export type CompletionState =
  | { kind: "closed" } // cancelled or draft: nothing to complete
  | { kind: "completed"; results: CompletionResult[] }
  | { kind: "not-yet"; lastMeetingStartsAt: Date }
  | { kind: "incomplete"; missing: number }
  | { kind: "ready"; completed: number; noShow: number; closed: number };

export type AttendanceSheet = {
  session: {
    id: string;
    status: SessionStatus;
    courseCode: string;
    courseTitle: string;
    startsAt: Date | null;
    endsAt: Date | null;
    room: string | null;
    instructors: string[];
    minAttendancePct: number;
  };
  meetings: AttendanceMeeting[];
  /** The meeting shown (null when the session has none). */
  meeting: AttendanceMeeting | null;
  /** Whether marks can be written for `meeting` now (session open, meeting about to start or started). */
  recordable: boolean;
  /** When recording opens for `meeting`, if it has not yet. */
  recordingOpensAt: Date | null;
  /** Confirmed trainees (after completion: those who completed or did not), by name. */
  rows: AttendanceRow[];
  counts: Record<AttendanceStatus | "unrecorded", number>;
  completion: CompletionState;
  /** The viewer may revoke certificates (admins). */
  canRevoke: boolean;
};

const ROSTER_STATUSES = ["CONFIRMED", "COMPLETED", "NO_SHOW"] as const satisfies readonly EnrollmentStatus[];

/**
 * Everything the attendance page shows for one meeting of a session (`meetingId`, or by
 * default the latest meeting that has started, else the first).
 */
export async function getAttendanceSheet(
  viewer: CurrentUser,
  input: { sessionId: string; meetingId?: string | null },
  locale: AppLocale,
  now: Date = new Date(),
): Promise<AttendanceSheet | null> {
  const session = await db.session.findFirst({
    where: attendanceSessionWhere(viewer, input.sessionId),
    select: {
      id: true,
      status: true,
      startsAt: true,
      endsAt: true,
      course: {
        select: {
          code: true,
          titleKo: true,
          titleEn: true,
          durationHours: true,
          completionMinAttendancePct: true,
        },
      },
      room: { select: { nameKo: true, nameEn: true } },
      instructors: {
        orderBy: [{ lead: "desc" }, { user: { name: "asc" } }],
        select: { user: { select: { name: true } } },
      },
      meetings: {
        where: { active: true },
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true },
      },
    },
  });
  if (!session) return null;

  const meetings = session.meetings.map((m, i) => ({ ...m, index: i + 1 }));
  const started = meetings.filter((m) => m.startsAt <= now);
  const meeting =
    meetings.find((m) => m.id === input.meetingId) ?? started.at(-1) ?? meetings[0] ?? null;

  const completed = session.status === "COMPLETED";
  const enrollments = await db.enrollment.findMany({
    where: {
      sessionId: session.id,
      status: { in: completed ? ["COMPLETED", "NO_SHOW"] : ["CONFIRMED"] },
    },
    orderBy: [{ user: { name: "asc" } }, { createdAt: "asc" }],
    select: {
      id: true,
      status: true,
      user: {
        select: { name: true, organization: { select: { name: true, nameEn: true } } },
      },
      attendance: {
        select: {
          meetingId: true,
          status: true,
          recordedAt: true,
          recordedBy: { select: { name: true } },
        },
      },
      certificate: { select: { code: true, hours: true, revokedAt: true } },
    },
  });

  const counts: AttendanceSheet["counts"] = { PRESENT: 0, LATE: 0, ABSENT: 0, unrecorded: 0 };
  const rows: AttendanceRow[] = enrollments.map((e) => {
    const mark = meeting ? e.attendance.find((a) => a.meetingId === meeting.id) : undefined;
    counts[mark?.status ?? "unrecorded"]++;
    const organization = e.user.organization;
    return {
      enrollmentId: e.id,
      name: e.user.name,
      organization: organization
        ? locale === "en"
          ? (organization.nameEn ?? organization.name)
          : organization.name
        : null,
      status: mark?.status ?? null,
      recordedByName: mark?.recordedBy?.name ?? null,
      recordedAt: mark?.recordedAt ?? null,
    };
  });

  const meetingIds = new Set(meetings.map((m) => m.id));
  const attendedBy = (e: (typeof enrollments)[number]) =>
    e.attendance.filter((a) => meetingIds.has(a.meetingId) && countsAsAttended(a.status)).length;

  let completion: CompletionState;
  if (completed) {
    completion = {
      kind: "completed",
      results: enrollments.map((e) => ({
        enrollmentId: e.id,
        name: e.user.name,
        status: e.status as CompletionResult["status"],
        attended: attendedBy(e),
        certificate: e.certificate
          ? { code: e.certificate.code, hours: e.certificate.hours, revoked: Boolean(e.certificate.revokedAt) }
          : null,
      })),
    };
  } else if (session.status !== "PUBLISHED") {
    completion = { kind: "closed" };
  } else {
    const lastStart = lastMeetingStart(meetings);
    const missing = enrollments.reduce(
      (n, e) => n + meetings.length - e.attendance.filter((a) => meetingIds.has(a.meetingId)).length,
      0,
    );
    if (!lastStart || lastStart > now) {
      completion = { kind: "not-yet", lastMeetingStartsAt: lastStart ?? now };
    } else if (missing > 0) {
      completion = { kind: "incomplete", missing };
    } else {
      const outcomes = enrollments.map((e) =>
        decideCompletion({
          meetings: meetings.length,
          attended: attendedBy(e),
          minAttendancePct: session.course.completionMinAttendancePct,
          courseHours: session.course.durationHours,
        }),
      );
      const closed = await db.enrollment.count({
        where: { sessionId: session.id, status: { in: ["WAITLISTED", "OFFERED", "PENDING_APPROVAL"] } },
      });
      completion = {
        kind: "ready",
        completed: outcomes.filter((o) => o.status === "COMPLETED").length,
        noShow: outcomes.filter((o) => o.status === "NO_SHOW").length,
        closed,
      };
    }
  }

  const recordable = session.status === "PUBLISHED" && meeting !== null && canRecordMeeting(meeting, now);
  return {
    session: {
      id: session.id,
      status: session.status,
      courseCode: session.course.code,
      courseTitle: locale === "en" ? session.course.titleEn : session.course.titleKo,
      startsAt: meetings[0]?.startsAt ?? session.startsAt,
      endsAt: meetings.at(-1)?.endsAt ?? session.endsAt,
      room: session.room ? (locale === "en" ? session.room.nameEn : session.room.nameKo) : null,
      instructors: session.instructors.map((i) => i.user.name),
      minAttendancePct: session.course.completionMinAttendancePct,
    },
    meetings,
    meeting,
    recordable,
    recordingOpensAt:
      session.status === "PUBLISHED" && meeting && !recordable
        ? new Date(meeting.startsAt.getTime() - RECORDING_OPENS_BEFORE_MS)
        : null,
    rows,
    counts,
    completion,
    canRevoke: can(viewer, "certificate:revoke"),
  };
}

export type SignInSheetData = {
  courseCode: string;
  courseTitleKo: string;
  courseTitleEn: string;
  meeting: { index: number; count: number; startsAt: Date; endsAt: Date };
  roomKo: string | null;
  roomEn: string | null;
  instructors: string[];
  trainees: { name: string; organization: string | null }[];
};

/** The printed sign-in sheet of one meeting: the confirmed trainees (or, once completed, the roster that was). */
export async function getSignInSheet(
  viewer: CurrentUser,
  input: { sessionId: string; meetingId: string },
): Promise<SignInSheetData | null> {
  const session = await db.session.findFirst({
    where: attendanceSessionWhere(viewer, input.sessionId),
    select: {
      status: true,
      course: { select: { code: true, titleKo: true, titleEn: true } },
      room: { select: { nameKo: true, nameEn: true } },
      instructors: {
        orderBy: [{ lead: "desc" }, { user: { name: "asc" } }],
        select: { user: { select: { name: true } } },
      },
      meetings: {
        where: { active: true },
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true },
      },
      enrollments: {
        where: { status: { in: [...ROSTER_STATUSES] } },
        orderBy: [{ user: { name: "asc" } }, { createdAt: "asc" }],
        select: {
          status: true,
          user: { select: { name: true, organization: { select: { name: true } } } },
        },
      },
    },
  });
  if (!session) return null;
  const index = session.meetings.findIndex((m) => m.id === input.meetingId);
  const meeting = session.meetings[index];
  if (!meeting) return null;
  const completed = session.status === "COMPLETED";
  return {
    courseCode: session.course.code,
    courseTitleKo: session.course.titleKo,
    courseTitleEn: session.course.titleEn,
    meeting: { index: index + 1, count: session.meetings.length, startsAt: meeting.startsAt, endsAt: meeting.endsAt },
    roomKo: session.room?.nameKo ?? null,
    roomEn: session.room?.nameEn ?? null,
    instructors: session.instructors.map((i) => i.user.name),
    trainees: session.enrollments
      .filter((e) => (completed ? e.status !== "CONFIRMED" : e.status === "CONFIRMED"))
      .map((e) => ({ name: e.user.name, organization: e.user.organization?.name ?? null })),
  };
}
