import "server-only";
import { db } from "@/lib/db/client";
import type { OrganizationType } from "@/lib/generated/prisma/enums";
import { requirePermission, type PermissionSubject } from "@/lib/auth/permissions";
import { TIME_ZONE } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * The admin dashboard's figures. Each section is ONE aggregate SQL statement (no query per
 * row), written so that it stays fast when the data grows: every statement starts from an
 * index range — sessions by (status, starts_at), counted enrollments by their confirmation
 * time (enrollments_counted_confirmed_at_idx, migration 20261125010000_dashboard_indexes) — and
 * reaches the enrollments of a session through the (session_id, status, …) index. The
 * integration test asserts the figures; the comments of that migration say which
 * EXPLAIN plans were checked.
 *
 * Definitions shared by the page and the test:
 * - "upcoming": a PUBLISHED session whose first meeting starts after `now`;
 * - "seats held": sessions.seats_held (confirmed + offered + unclaimed approved block seats);
 * - "counted enrollment": an enrollment that got and kept a seat — CONFIRMED, COMPLETED or
 *   NO_SHOW — dated by when it was confirmed (months in Seoul time). The statements and the
 *   partial index spell the list out literally: a bound parameter would keep the planner from
 *   matching the index's predicate;
 * - "list-price revenue": the course's list price per counted enrollment (what the center
 *   would bill without discounts or waivers; not invoiced amounts).
 */

/**
 * A course whose upcoming runs have more than this many people waiting gets a "schedule another
 * run" suggestion. Why 8: a typical lab run seats 10–12 and needs about 40% of that to run, so
 * more than 8 people waiting would already fill most of an extra run.
 */
export const WAITLIST_RUN_THRESHOLD = 8;
/** Sessions below their minimum enrolment are flagged from this many days before they start. */
export const MIN_ENROLLMENT_WINDOW_DAYS = 7;
/** How many upcoming sessions the dashboard lists (the soonest first). */
export const UPCOMING_SESSIONS_LIMIT = 12;
/** Months of history in the enrolment and revenue charts, the current month included. */
export const DASHBOARD_MONTHS = 12;

const DAY_MS = 86_400_000;

type Options = { locale: AppLocale; now?: Date };

const title = (locale: AppLocale, row: { title_ko: string; title_en: string }) =>
  locale === "en" ? row.title_en : row.title_ko;

/** seats held / capacity, 0 for a session without seats. */
const fillRate = (held: number, capacity: number) => (capacity > 0 ? held / capacity : 0);

// ---------------------------------------------------------------------------------------------

export type UpcomingSession = {
  id: string;
  courseCode: string;
  courseTitle: string;
  startsAt: Date;
  endsAt: Date | null;
  capacity: number;
  seatsHeld: number;
  minEnrollment: number;
  /** seatsHeld / capacity, 0…1. */
  fillRate: number;
  waitlisted: number;
  pendingApproval: number;
};

export type UpcomingSessions = {
  sessions: UpcomingSession[];
  /** Over every upcoming session, not only the listed ones. */
  totals: { sessions: number; capacity: number; seatsHeld: number; waitlisted: number };
};

/**
 * The soonest upcoming sessions with their fill rate and waitlist, and totals over all
 * upcoming sessions (window aggregates, computed before the LIMIT).
 */
export async function getUpcomingSessions(
  viewer: PermissionSubject | null,
  { locale, now = new Date() }: Options,
): Promise<UpcomingSessions> {
  requirePermission(viewer, "dashboard:read");
  const rows = await db.$queryRaw<
    {
      id: string;
      code: string;
      title_ko: string;
      title_en: string;
      starts_at: Date;
      ends_at: Date | null;
      capacity: number;
      seats_held: number;
      min_enrollment: number;
      waitlisted: number;
      pending: number;
      total_sessions: number;
      total_capacity: number;
      total_held: number;
      total_waitlisted: number;
    }[]
  >`
    SELECT s.id, c.code, c.title_ko, c.title_en, s.starts_at, s.ends_at, s.capacity, s.seats_held,
           s.min_enrollment, q.waitlisted, q.pending,
           count(*) OVER ()::int AS total_sessions,
           sum(s.capacity) OVER ()::int AS total_capacity,
           sum(s.seats_held) OVER ()::int AS total_held,
           sum(q.waitlisted) OVER ()::int AS total_waitlisted
      FROM sessions s
      JOIN courses c ON c.id = s.course_id
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE e.status = 'WAITLISTED')::int AS waitlisted,
               count(*) FILTER (WHERE e.status = 'PENDING_APPROVAL')::int AS pending
          FROM enrollments e
         WHERE e.session_id = s.id AND e.status IN ('WAITLISTED', 'PENDING_APPROVAL')
      ) q
     WHERE s.status = 'PUBLISHED' AND s.starts_at > ${now}::timestamptz
     ORDER BY s.starts_at, s.id
     LIMIT ${UPCOMING_SESSIONS_LIMIT}`;
  const first = rows[0];
  return {
    sessions: rows.map((r) => ({
      id: r.id,
      courseCode: r.code,
      courseTitle: title(locale, r),
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      capacity: r.capacity,
      seatsHeld: r.seats_held,
      minEnrollment: r.min_enrollment,
      fillRate: fillRate(r.seats_held, r.capacity),
      waitlisted: r.waitlisted,
      pendingApproval: r.pending,
    })),
    totals: {
      sessions: first?.total_sessions ?? 0,
      capacity: first?.total_capacity ?? 0,
      seatsHeld: first?.total_held ?? 0,
      waitlisted: first?.total_waitlisted ?? 0,
    },
  };
}

// ---------------------------------------------------------------------------------------------

export type CourseWaitlistDemand = {
  courseId: string;
  courseCode: string;
  courseTitle: string;
  /** People waiting over all upcoming runs of the course. */
  waitlisted: number;
  upcomingRuns: number;
  /** Free seats over all upcoming runs (waiting people may fit there). */
  openSeats: number;
  nextRunStartsAt: Date;
  /** waitlisted > WAITLIST_RUN_THRESHOLD. */
  suggestAnotherRun: boolean;
};

/** Courses with people waiting for an upcoming run, the longest total waitlist first. */
export async function getWaitlistDemand(
  viewer: PermissionSubject | null,
  { locale, now = new Date() }: Options,
): Promise<CourseWaitlistDemand[]> {
  requirePermission(viewer, "dashboard:read");
  const rows = await db.$queryRaw<
    {
      id: string;
      code: string;
      title_ko: string;
      title_en: string;
      waitlisted: number;
      runs: number;
      open_seats: number;
      next_run: Date;
    }[]
  >`
    SELECT c.id, c.code, c.title_ko, c.title_en,
           sum(w.n)::int AS waitlisted,
           count(*)::int AS runs,
           sum(greatest(s.capacity - s.seats_held, 0))::int AS open_seats,
           min(s.starts_at) AS next_run
      FROM sessions s
      JOIN courses c ON c.id = s.course_id
      CROSS JOIN LATERAL (
        SELECT count(*) AS n FROM enrollments e WHERE e.session_id = s.id AND e.status = 'WAITLISTED'
      ) w
     WHERE s.status = 'PUBLISHED' AND s.starts_at > ${now}::timestamptz
     GROUP BY c.id
    HAVING sum(w.n) > 0
     ORDER BY waitlisted DESC, c.code`;
  return rows.map((r) => ({
    courseId: r.id,
    courseCode: r.code,
    courseTitle: title(locale, r),
    waitlisted: r.waitlisted,
    upcomingRuns: r.runs,
    openSeats: r.open_seats,
    nextRunStartsAt: r.next_run,
    suggestAnotherRun: r.waitlisted > WAITLIST_RUN_THRESHOLD,
  }));
}

// ---------------------------------------------------------------------------------------------

export type SessionBelowMinimum = {
  id: string;
  courseCode: string;
  courseTitle: string;
  startsAt: Date;
  capacity: number;
  seatsHeld: number;
  minEnrollment: number;
  /** Seats still needed to reach the minimum. */
  shortBy: number;
};

/**
 * Upcoming sessions that start within MIN_ENROLLMENT_WINDOW_DAYS (so the decision point, seven
 * days before the start, has come) and hold fewer seats than their minimum viable enrolment.
 */
export async function getSessionsBelowMinimum(
  viewer: PermissionSubject | null,
  { locale, now = new Date() }: Options,
): Promise<SessionBelowMinimum[]> {
  requirePermission(viewer, "dashboard:read");
  const until = new Date(now.getTime() + MIN_ENROLLMENT_WINDOW_DAYS * DAY_MS);
  const rows = await db.$queryRaw<
    {
      id: string;
      code: string;
      title_ko: string;
      title_en: string;
      starts_at: Date;
      capacity: number;
      seats_held: number;
      min_enrollment: number;
    }[]
  >`
    SELECT s.id, c.code, c.title_ko, c.title_en, s.starts_at, s.capacity, s.seats_held, s.min_enrollment
      FROM sessions s
      JOIN courses c ON c.id = s.course_id
     WHERE s.status = 'PUBLISHED'
       AND s.starts_at > ${now}::timestamptz AND s.starts_at <= ${until}::timestamptz
       AND s.seats_held < s.min_enrollment
     ORDER BY s.starts_at, s.id`;
  return rows.map((r) => ({
    id: r.id,
    courseCode: r.code,
    courseTitle: title(locale, r),
    startsAt: r.starts_at,
    capacity: r.capacity,
    seatsHeld: r.seats_held,
    minEnrollment: r.min_enrollment,
    shortBy: r.min_enrollment - r.seats_held,
  }));
}

// ---------------------------------------------------------------------------------------------

/** "NONE": trainees without an organization (individuals). */
export type OrganizationTypeKey = OrganizationType | "NONE";
export const ORGANIZATION_TYPE_KEYS = [
  "COMPANY",
  "UNIVERSITY",
  "STARTUP",
  "PUBLIC_BODY",
  "NONE",
] as const satisfies readonly OrganizationTypeKey[];

export type EnrollmentsByOrganizationType = { type: OrganizationTypeKey; enrollments: number }[];

/**
 * Counted enrollments of the last DASHBOARD_MONTHS months by the type of the trainee's
 * organization (their organization today), every type listed even at zero.
 */
export async function getEnrollmentsByOrganizationType(
  viewer: PermissionSubject | null,
  { now = new Date() }: { now?: Date } = {},
): Promise<EnrollmentsByOrganizationType> {
  requirePermission(viewer, "dashboard:read");
  const rows = await db.$queryRaw<{ type: OrganizationType | null; n: number }[]>`
    WITH window_start AS (
      SELECT (date_trunc('month', ${now}::timestamptz AT TIME ZONE ${TIME_ZONE}::text)
              - make_interval(months => ${DASHBOARD_MONTHS - 1}::int)) AT TIME ZONE ${TIME_ZONE}::text AS since
    )
    SELECT o.type, count(*)::int AS n
      FROM window_start w
      JOIN enrollments e
        ON e.status IN ('CONFIRMED', 'COMPLETED', 'NO_SHOW')
       AND e.confirmed_at >= w.since AND e.confirmed_at <= ${now}::timestamptz
      JOIN users u ON u.id = e.user_id
      LEFT JOIN organizations o ON o.id = u.organization_id
     GROUP BY o.type`;
  const counts = new Map(rows.map((r) => [r.type ?? "NONE", r.n]));
  return ORGANIZATION_TYPE_KEYS.map((type) => ({ type, enrollments: counts.get(type) ?? 0 }));
}

// ---------------------------------------------------------------------------------------------

export type MonthlyFigures = {
  /** "2026-11": the month in Seoul time. */
  month: string;
  enrollments: number;
  /** KRW at list price. */
  revenueKrw: number;
}[];

/** Counted enrollments and their list-price revenue per month, oldest first, every month listed. */
export async function getMonthlyEnrollments(
  viewer: PermissionSubject | null,
  { now = new Date() }: { now?: Date } = {},
): Promise<MonthlyFigures> {
  requirePermission(viewer, "dashboard:read");
  const rows = await db.$queryRaw<{ month: string; n: number; revenue: bigint }[]>`
    WITH months AS (
      SELECT generate_series(
               date_trunc('month', ${now}::timestamptz AT TIME ZONE ${TIME_ZONE}::text)
                 - make_interval(months => ${DASHBOARD_MONTHS - 1}::int),
               date_trunc('month', ${now}::timestamptz AT TIME ZONE ${TIME_ZONE}::text),
               interval '1 month') AS month
    ),
    -- Enrollments are first counted per (month, session) straight from the partial index, so
    -- only one row per session and month is joined to sessions and courses for the price.
    per_session AS (
      SELECT date_trunc('month', e.confirmed_at AT TIME ZONE ${TIME_ZONE}::text) AS month,
             e.session_id, count(*) AS n
        FROM enrollments e
       WHERE e.status IN ('CONFIRMED', 'COMPLETED', 'NO_SHOW')
         AND e.confirmed_at >= (SELECT min(month) FROM months) AT TIME ZONE ${TIME_ZONE}::text
         AND e.confirmed_at <= ${now}::timestamptz
       GROUP BY 1, 2
    ),
    counted AS (
      SELECT p.month, sum(p.n) AS n, sum(p.n * c.list_price_krw) AS revenue
        FROM per_session p
        JOIN sessions s ON s.id = p.session_id
        JOIN courses c ON c.id = s.course_id
       GROUP BY p.month
    )
    SELECT to_char(m.month, 'YYYY-MM') AS month,
           coalesce(x.n, 0)::int AS n,
           coalesce(x.revenue, 0)::bigint AS revenue
      FROM months m
      LEFT JOIN counted x ON x.month = m.month
     ORDER BY m.month`;
  return rows.map((r) => ({ month: r.month, enrollments: r.n, revenueKrw: Number(r.revenue) }));
}

// ---------------------------------------------------------------------------------------------

export type Dashboard = {
  upcoming: UpcomingSessions;
  waitlistDemand: CourseWaitlistDemand[];
  belowMinimum: SessionBelowMinimum[];
  byOrganizationType: EnrollmentsByOrganizationType;
  monthly: MonthlyFigures;
  /** Training requests nobody has answered yet. */
  newTrainingRequests: number;
};

/** Everything on the dashboard, with one clock for all sections. */
export async function getDashboard(
  viewer: PermissionSubject | null,
  { locale, now = new Date() }: Options,
): Promise<Dashboard> {
  requirePermission(viewer, "dashboard:read");
  const [upcoming, waitlistDemand, belowMinimum, byOrganizationType, monthly, newTrainingRequests] =
    await Promise.all([
      getUpcomingSessions(viewer, { locale, now }),
      getWaitlistDemand(viewer, { locale, now }),
      getSessionsBelowMinimum(viewer, { locale, now }),
      getEnrollmentsByOrganizationType(viewer, { now }),
      getMonthlyEnrollments(viewer, { now }),
      db.trainingRequest.count({ where: { status: "NEW" } }),
    ]);
  return {
    upcoming,
    waitlistDemand,
    belowMinimum,
    byOrganizationType,
    monthly,
    newTrainingRequests,
  };
}
