import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type {
  CourseCategory,
  EnrollmentStatus,
  Locale,
  Role,
  RoomKind,
  SessionStatus,
  WaitlistMode,
} from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/routing";
import { can, grantedScope, requirePermission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ACTIVE_STATUSES } from "@/lib/enrollments/enrollments.rules";
import {
  SESSIONS_PAGE_SIZE,
  type CalendarQuery,
  type ListSessionsQuery,
} from "@/lib/sessions/sessions.schemas";
import type { SessionFormValues } from "@/lib/sessions/form-values";
import { seoulLocalValue, seoulMonthRange, seoulWallClock } from "@/lib/sessions/seoul-time";

/**
 * Reads of session scheduling, returning plain DTOs with explicit selects. Admins read every
 * session ("session:read:any"); instructors only the sessions they teach
 * ("session:read:assigned"), narrowed in the query itself.
 */

const label = (locale: AppLocale, ko: string, en: string) => (locale === "en" ? en : ko);

/** Instructors see the sessions they teach; an admin sees all (see permissions.ts). */
function sessionScope(actor: CurrentUser): Prisma.SessionWhereInput {
  return grantedScope(actor, "session:read:any", "session:read:assigned") === "any"
    ? {}
    : { instructors: { some: { userId: actor.id } } };
}

// ---------------------------------------------------------------------------------------------
// The admin list

export type SessionListItem = {
  id: string;
  status: SessionStatus;
  courseCode: string;
  courseTitle: string;
  roomName: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  meetings: number;
  capacity: number;
  seatsHeld: number;
  minEnrollment: number;
  waitlisted: number;
  pending: number;
};

export type SessionListPage = { items: SessionListItem[]; total: number; page: number; pageCount: number };

/**
 * Sessions, upcoming first (soonest first), then past ones (most recent first), filtered by
 * course, status and month (a session is in a month when it meets in it).
 */
export async function listSessions(
  actor: CurrentUser,
  query: ListSessionsQuery,
  locale: AppLocale,
  now: Date = new Date(),
): Promise<SessionListPage> {
  requirePermission(actor, "session:read:any");
  const conditions: Prisma.Sql[] = [];
  if (query.course) conditions.push(Prisma.sql`s.course_id = ${query.course}`);
  if (query.status) conditions.push(Prisma.sql`s.status = ${query.status}::"SessionStatus"`);
  if (query.month) {
    const { from, to } = seoulMonthRange(query.month);
    conditions.push(Prisma.sql`s.starts_at < ${to} AND s.ends_at > ${from}`);
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const [counted] = await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM sessions s ${where}`;
  const total = counted?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / SESSIONS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  // Sessions without meetings (drafts being prepared) count as upcoming and come last among them.
  const idRows = await db.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM sessions s ${where}
    ORDER BY (s.ends_at IS NOT NULL AND s.ends_at < ${now}) ASC,
             CASE WHEN s.ends_at IS NULL OR s.ends_at >= ${now} THEN s.starts_at END ASC NULLS LAST,
             s.starts_at DESC NULLS LAST,
             s.id ASC
    LIMIT ${SESSIONS_PAGE_SIZE} OFFSET ${(page - 1) * SESSIONS_PAGE_SIZE}`;
  const ids = idRows.map((r) => r.id);
  if (ids.length === 0) return { items: [], total, page, pageCount };

  const [rows, counts] = await Promise.all([
    db.session.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        status: true,
        startsAt: true,
        endsAt: true,
        capacity: true,
        seatsHeld: true,
        minEnrollment: true,
        course: { select: { code: true, titleKo: true, titleEn: true } },
        room: { select: { nameKo: true, nameEn: true } },
        _count: { select: { meetings: true } },
      },
    }),
    db.enrollment.groupBy({
      by: ["sessionId", "status"],
      where: { sessionId: { in: ids }, status: { in: ["WAITLISTED", "PENDING_APPROVAL"] } },
      _count: { _all: true },
    }),
  ]);
  const count = (sessionId: string, status: EnrollmentStatus) =>
    counts.find((c) => c.sessionId === sessionId && c.status === status)?._count._all ?? 0;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        status: row.status,
        courseCode: row.course.code,
        courseTitle: label(locale, row.course.titleKo, row.course.titleEn),
        roomName: row.room ? label(locale, row.room.nameKo, row.room.nameEn) : null,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        meetings: row._count.meetings,
        capacity: row.capacity,
        seatsHeld: row.seatsHeld,
        minEnrollment: row.minEnrollment,
        waitlisted: count(row.id, "WAITLISTED"),
        pending: count(row.id, "PENDING_APPROVAL"),
      },
    ];
  });
  return { items, total, page, pageCount };
}

export type CourseOption = {
  id: string;
  label: string;
  code: string;
  defaultCapacity: number;
  listPriceKrw: number;
  deliveryLanguages: Locale[];
  category: CourseCategory;
};

/** Courses that can be scheduled (not archived), for the list filter and the form. */
export async function listCourseOptions(actor: CurrentUser, locale: AppLocale): Promise<CourseOption[]> {
  requirePermission(actor, "session:read:any");
  const rows = await db.course.findMany({
    where: { archivedAt: null },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      titleKo: true,
      titleEn: true,
      defaultCapacity: true,
      listPriceKrw: true,
      deliveryLanguages: true,
      category: true,
    },
  });
  return rows.map((c) => ({
    id: c.id,
    code: c.code,
    label: `${c.code} · ${label(locale, c.titleKo, c.titleEn)}`,
    defaultCapacity: c.defaultCapacity,
    listPriceKrw: c.listPriceKrw,
    deliveryLanguages: c.deliveryLanguages,
    category: c.category,
  }));
}

// ---------------------------------------------------------------------------------------------
// Resources for the form and the calendar filters

export type RoomOption = { id: string; label: string; capacity: number; kind: RoomKind };
export type EquipmentOption = { id: string; label: string; code: string; roomId: string | null };
export type InstructorOption = { id: string; name: string; role: Role };

export type ResourceOptions = {
  rooms: RoomOption[];
  equipment: EquipmentOption[];
  instructors: InstructorOption[];
};

/** Active rooms, equipment and the people who can teach (instructors and admins). */
export async function listResourceOptions(actor: CurrentUser, locale: AppLocale): Promise<ResourceOptions> {
  if (!can(actor, "session:read:any")) requirePermission(actor, "session:read:assigned");
  const [rooms, equipment, instructors] = await Promise.all([
    db.room.findMany({
      where: { active: true },
      orderBy: { code: "asc" },
      select: { id: true, nameKo: true, nameEn: true, capacity: true, kind: true },
    }),
    db.equipment.findMany({
      where: { active: true },
      orderBy: { code: "asc" },
      select: { id: true, code: true, nameKo: true, nameEn: true, roomId: true },
    }),
    db.user.findMany({
      where: { active: true, role: { in: ["INSTRUCTOR", "ADMIN"] } },
      orderBy: [{ role: "desc" }, { name: "asc" }],
      select: { id: true, name: true, role: true },
    }),
  ]);
  return {
    rooms: rooms.map((r) => ({ id: r.id, label: label(locale, r.nameKo, r.nameEn), capacity: r.capacity, kind: r.kind })),
    equipment: equipment.map((e) => ({ id: e.id, code: e.code, label: label(locale, e.nameKo, e.nameEn), roomId: e.roomId })),
    instructors,
  };
}

// ---------------------------------------------------------------------------------------------
// One session

export type SessionOverview = {
  id: string;
  status: SessionStatus;
  course: { id: string; code: string; title: string; slug: string; requiresApproval: boolean };
  room: { id: string; name: string; capacity: number } | null;
  equipment: { id: string; name: string; code: string }[];
  instructors: { id: string; name: string; lead: boolean }[];
  meetings: { id: string; startsAt: Date; endsAt: Date }[];
  capacity: number;
  seatsHeld: number;
  minEnrollment: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  cancellationCutoffAt: Date;
  language: Locale;
  priceKrw: number;
  waitlistMode: WaitlistMode;
  offerHours: number;
  notes: string | null;
  cancelReason: string | null;
  cancelledAt: Date | null;
  createdAt: Date;
  createdByName: string | null;
  /** Enrollments by status. */
  counts: Partial<Record<EnrollmentStatus, number>>;
  /** Confirmed, offered, waitlisted and pending: who a cancellation notifies. */
  activeEnrollments: number;
};

export async function getSessionOverview(
  actor: CurrentUser,
  sessionId: string,
  locale: AppLocale,
): Promise<SessionOverview> {
  const row = await db.session.findFirst({
    where: { id: sessionId, ...sessionScope(actor) },
    select: {
      id: true,
      status: true,
      capacity: true,
      seatsHeld: true,
      minEnrollment: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      cancellationCutoffAt: true,
      language: true,
      priceKrw: true,
      waitlistMode: true,
      offerHours: true,
      notes: true,
      cancelReason: true,
      cancelledAt: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      course: { select: { id: true, code: true, titleKo: true, titleEn: true, slug: true, requiresApproval: true } },
      room: { select: { id: true, nameKo: true, nameEn: true, capacity: true } },
      equipment: {
        orderBy: { equipment: { code: "asc" } },
        select: { equipment: { select: { id: true, code: true, nameKo: true, nameEn: true } } },
      },
      instructors: {
        orderBy: [{ lead: "desc" }, { user: { name: "asc" } }],
        select: { lead: true, user: { select: { id: true, name: true } } },
      },
      meetings: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, endsAt: true } },
    },
  });
  if (!row) throw new NotFoundError("SESSION_NOT_FOUND");
  const grouped = await db.enrollment.groupBy({
    by: ["status"],
    where: { sessionId },
    _count: { _all: true },
  });
  const counts: Partial<Record<EnrollmentStatus, number>> = {};
  for (const g of grouped) counts[g.status] = g._count._all;
  const activeEnrollments = ACTIVE_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);
  return {
    id: row.id,
    status: row.status,
    course: {
      id: row.course.id,
      code: row.course.code,
      title: label(locale, row.course.titleKo, row.course.titleEn),
      slug: row.course.slug,
      requiresApproval: row.course.requiresApproval,
    },
    room: row.room
      ? { id: row.room.id, name: label(locale, row.room.nameKo, row.room.nameEn), capacity: row.room.capacity }
      : null,
    equipment: row.equipment.map(({ equipment: e }) => ({
      id: e.id,
      code: e.code,
      name: label(locale, e.nameKo, e.nameEn),
    })),
    instructors: row.instructors.map((i) => ({ id: i.user.id, name: i.user.name, lead: i.lead })),
    meetings: row.meetings,
    capacity: row.capacity,
    seatsHeld: row.seatsHeld,
    minEnrollment: row.minEnrollment,
    registrationOpensAt: row.registrationOpensAt,
    registrationClosesAt: row.registrationClosesAt,
    cancellationCutoffAt: row.cancellationCutoffAt,
    language: row.language,
    priceKrw: row.priceKrw,
    waitlistMode: row.waitlistMode,
    offerHours: row.offerHours,
    notes: row.notes,
    cancelReason: row.cancelReason,
    cancelledAt: row.cancelledAt,
    createdAt: row.createdAt,
    createdByName: row.createdBy?.name ?? null,
    counts,
    activeEnrollments,
  };
}

export type SessionForEdit = {
  values: SessionFormValues;
  status: SessionStatus;
  courseLabel: string;
  seatsHeld: number;
  /** Meetings with recorded attendance cannot be removed. */
  lockedMeetingIds: string[];
};

export async function getSessionForEdit(
  actor: CurrentUser,
  sessionId: string,
  locale: AppLocale,
): Promise<SessionForEdit> {
  requirePermission(actor, "session:schedule");
  const row = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      status: true,
      courseId: true,
      roomId: true,
      capacity: true,
      seatsHeld: true,
      minEnrollment: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      cancellationCutoffAt: true,
      language: true,
      priceKrw: true,
      waitlistMode: true,
      offerHours: true,
      notes: true,
      course: { select: { code: true, titleKo: true, titleEn: true } },
      equipment: { select: { equipmentId: true } },
      instructors: { orderBy: { lead: "desc" }, select: { userId: true, lead: true } },
      meetings: {
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true, _count: { select: { attendance: true } } },
      },
    },
  });
  if (!row) throw new NotFoundError("SESSION_NOT_FOUND");
  return {
    status: row.status,
    courseLabel: `${row.course.code} · ${label(locale, row.course.titleKo, row.course.titleEn)}`,
    seatsHeld: row.seatsHeld,
    lockedMeetingIds: row.meetings.filter((m) => m._count.attendance > 0).map((m) => m.id),
    values: {
      sessionId: row.id,
      courseId: row.courseId,
      roomId: row.roomId ?? "",
      equipmentIds: row.equipment.map((e) => e.equipmentId),
      instructorIds: row.instructors.map((i) => i.userId),
      leadInstructorId: row.instructors.find((i) => i.lead)?.userId ?? row.instructors[0]?.userId ?? "",
      meetings: row.meetings.map((m) => {
        const start = seoulWallClock(m.startsAt);
        return { id: m.id, date: start.date, start: start.time, end: seoulWallClock(m.endsAt).time };
      }),
      capacity: String(row.capacity),
      minEnrollment: String(row.minEnrollment),
      registrationOpensAt: seoulLocalValue(row.registrationOpensAt),
      registrationClosesAt: seoulLocalValue(row.registrationClosesAt),
      cancellationCutoffAt: seoulLocalValue(row.cancellationCutoffAt),
      language: row.language,
      priceKrw: String(row.priceKrw),
      waitlistMode: row.waitlistMode,
      offerHours: String(row.offerHours),
      notes: row.notes ?? "",
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The calendar

export type CalendarScope = "any" | "assigned";

export type CalendarEvent = {
  /** The meeting's id (one event per meeting). */
  id: string;
  sessionId: string;
  title: string;
  start: string;
  end: string;
  status: SessionStatus;
  courseCode: string;
  roomName: string | null;
  /** 1-based, of `meetingCount`. */
  meetingNumber: number;
  meetingCount: number;
};

/**
 * Meetings in [start, end) of non-cancelled sessions, one event each. "any": every session
 * (admins), filterable by room, equipment and instructor; "assigned": the sessions the actor
 * teaches, whatever their role.
 */
export async function listCalendarEvents(
  actor: CurrentUser,
  scope: CalendarScope,
  query: CalendarQuery,
  locale: AppLocale,
): Promise<CalendarEvent[]> {
  const sessionWhere: Prisma.SessionWhereInput = { status: { not: "CANCELLED" } };
  if (scope === "any") {
    requirePermission(actor, "session:read:any");
  } else {
    requirePermission(actor, "session:read:assigned");
  }
  const filters: Prisma.SessionWhereInput[] = [];
  if (scope === "assigned") filters.push({ instructors: { some: { userId: actor.id } } });
  if (query.roomId) filters.push({ roomId: query.roomId });
  if (query.equipmentId) filters.push({ equipment: { some: { equipmentId: query.equipmentId } } });
  if (query.instructorId) filters.push({ instructors: { some: { userId: query.instructorId } } });
  const meetings = await db.sessionMeeting.findMany({
    where: {
      startsAt: { lt: query.end },
      endsAt: { gt: query.start },
      session: { ...sessionWhere, AND: filters },
    },
    orderBy: { startsAt: "asc" },
    take: 2000,
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      session: {
        select: {
          id: true,
          status: true,
          course: { select: { code: true, titleKo: true, titleEn: true } },
          room: { select: { nameKo: true, nameEn: true } },
          meetings: { orderBy: { startsAt: "asc" }, select: { id: true } },
        },
      },
    },
  });
  return meetings.map((m) => {
    const s = m.session;
    return {
      id: m.id,
      sessionId: s.id,
      title: label(locale, s.course.titleKo, s.course.titleEn),
      start: m.startsAt.toISOString(),
      end: m.endsAt.toISOString(),
      status: s.status,
      courseCode: s.course.code,
      roomName: s.room ? label(locale, s.room.nameKo, s.room.nameEn) : null,
      meetingNumber: s.meetings.findIndex((x) => x.id === m.id) + 1,
      meetingCount: s.meetings.length,
    };
  });
}
