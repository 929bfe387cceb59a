import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  EnrollmentSource,
  EnrollmentStatus,
  Locale,
  PaymentStatus,
  SessionStatus,
  WaitlistMode,
} from "@/lib/generated/prisma/enums";
import { can, grantedScope, requirePermission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { AppLocale } from "@/lib/i18n/routing";
import type { MySessionsQuery } from "@/lib/rosters/rosters.schemas";

/**
 * Reads of the session roster. Admins reach every session's roster; instructors only the rosters
 * of sessions they teach — the scope is part of the `where`, so a session someone else teaches
 * is simply not found (the page answers 404, the export too), never "forbidden but it exists".
 */

/** Sessions per page in each section of the instructor's session list. */
export const MY_SESSIONS_PAGE_SIZE = 10;

export type RosterRow = {
  /** The enrollment's id. */
  id: string;
  userId: string;
  name: string;
  email: string;
  organization: string | null;
  status: EnrollmentStatus;
  source: EnrollmentSource;
  /** 1-based place in the waitlist (WAITLISTED only). */
  waitlistPosition: number | null;
  paymentStatus: PaymentStatus;
  invoiceRef: string | null;
  /** When the enrollment was made (its place in the arrival order). */
  enrolledAt: Date;
  /** The trainee's note with a request for approval. */
  requestNote: string | null;
  offerExpiresAt: Date | null;
};

export type RosterSession = {
  id: string;
  status: SessionStatus;
  capacity: number;
  seatsHeld: number;
  minEnrollment: number;
  language: Locale;
  waitlistMode: WaitlistMode;
  startsAt: Date | null;
  endsAt: Date | null;
  course: { id: string; code: string; title: string };
  /** Room name in the viewer's language. */
  room: string | null;
  /** The room's capacity (capacity changes above it are refused). */
  roomCapacity: number | null;
  instructors: string[];
};

export type RosterCounts = { confirmed: number; offered: number; waitlisted: number; pending: number };

/** What the viewer may do on this roster (the actions check again; this only picks the controls). */
export type RosterCapabilities = {
  editPayment: boolean;
  reorderWaitlist: boolean;
  changeCapacity: boolean;
};

export type Roster = {
  session: RosterSession;
  rows: RosterRow[];
  counts: RosterCounts;
  can: RosterCapabilities;
};

/** The session scope of `actor`'s rosters: all for admins, the sessions they teach for instructors. */
function rosterScope(actor: CurrentUser): Prisma.SessionWhereInput {
  const scope = grantedScope(actor, "roster:manage:any", "roster:manage:assigned");
  return scope === "any" ? {} : { instructors: { some: { userId: actor.id } } };
}

const name = (locale: AppLocale, ko: string, en: string | null) => (locale === "en" && en ? en : ko);

const rosterSessionSelect = {
  id: true,
  status: true,
  capacity: true,
  seatsHeld: true,
  minEnrollment: true,
  language: true,
  waitlistMode: true,
  startsAt: true,
  endsAt: true,
  course: { select: { id: true, code: true, titleKo: true, titleEn: true } },
  room: { select: { nameKo: true, nameEn: true, capacity: true } },
  instructors: {
    orderBy: [{ lead: "desc" }, { userId: "asc" }],
    select: { user: { select: { name: true } } },
  },
  enrollments: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      source: true,
      waitlistRank: true,
      paymentStatus: true,
      invoiceRef: true,
      requestNote: true,
      offerExpiresAt: true,
      createdAt: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          organization: { select: { name: true, nameEn: true } },
        },
      },
    },
  },
} satisfies Prisma.SessionSelect;

type RosterSessionRow = Prisma.SessionGetPayload<{ select: typeof rosterSessionSelect }>;

/** Waitlist places in engine order (rank, then id), 1-based. */
function waitlistPositions(enrollments: RosterSessionRow["enrollments"]): Map<string, number> {
  const waiting = enrollments
    .filter((e) => e.status === "WAITLISTED")
    .sort((a, b) =>
      a.waitlistRank === b.waitlistRank
        ? a.id.localeCompare(b.id)
        : (a.waitlistRank ?? 0n) < (b.waitlistRank ?? 0n)
          ? -1
          : 1,
    );
  return new Map(waiting.map((e, index) => [e.id, index + 1]));
}

/**
 * A session's roster as `actor` may see it: every enrollment of the session, past and present
 * (cancelled ones stay as history), with waitlist places. Null when the session does not exist
 * or is outside the actor's scope. A roster is bounded by the session's capacity, its waitlist
 * and their history, so it is loaded whole and sorted and filtered in the browser.
 */
export async function getRoster(
  actor: CurrentUser,
  sessionId: string,
  locale: AppLocale,
): Promise<Roster | null> {
  const session = await db.session.findFirst({
    where: { id: sessionId, ...rosterScope(actor) },
    select: rosterSessionSelect,
  });
  if (!session) return null;
  const positions = waitlistPositions(session.enrollments);
  const rows: RosterRow[] = session.enrollments.map((e) => ({
    id: e.id,
    userId: e.user.id,
    name: e.user.name,
    email: e.user.email,
    organization: e.user.organization
      ? name(locale, e.user.organization.name, e.user.organization.nameEn)
      : null,
    status: e.status,
    source: e.source,
    waitlistPosition: positions.get(e.id) ?? null,
    paymentStatus: e.paymentStatus,
    invoiceRef: e.invoiceRef,
    enrolledAt: e.createdAt,
    requestNote: e.requestNote,
    offerExpiresAt: e.offerExpiresAt,
  }));
  const count = (status: EnrollmentStatus) => rows.filter((r) => r.status === status).length;
  return {
    session: {
      id: session.id,
      status: session.status,
      capacity: session.capacity,
      seatsHeld: session.seatsHeld,
      minEnrollment: session.minEnrollment,
      language: session.language,
      waitlistMode: session.waitlistMode,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      course: {
        id: session.course.id,
        code: session.course.code,
        title: name(locale, session.course.titleKo, session.course.titleEn),
      },
      room: session.room ? name(locale, session.room.nameKo, session.room.nameEn) : null,
      roomCapacity: session.room?.capacity ?? null,
      instructors: session.instructors.map((i) => i.user.name),
    },
    rows,
    counts: {
      confirmed: count("CONFIRMED"),
      offered: count("OFFERED"),
      waitlisted: count("WAITLISTED"),
      pending: count("PENDING_APPROVAL"),
    },
    can: {
      editPayment: can(actor, "enrollment:manage:any"),
      reorderWaitlist: can(actor, "waitlist:reorder"),
      changeCapacity: can(actor, "session:schedule"),
    },
  };
}

export type MoveTarget = {
  id: string;
  startsAt: Date | null;
  endsAt: Date | null;
  language: Locale;
  seatsLeft: number;
};

/**
 * Where a trainee of `sessionId` can be moved: the other published sessions of the same course
 * that have not ended and have a free seat (a move never waitlists), within the actor's roster
 * scope (an instructor moves people only between sessions they teach). The engine re-checks
 * all of it under the lock.
 */
export async function listMoveTargets(
  actor: CurrentUser,
  sessionId: string,
  now: Date = new Date(),
): Promise<MoveTarget[]> {
  const scope = rosterScope(actor);
  const source = await db.session.findFirst({
    where: { id: sessionId, ...scope },
    select: { courseId: true },
  });
  if (!source) return [];
  const rows = await db.session.findMany({
    where: {
      ...scope,
      courseId: source.courseId,
      id: { not: sessionId },
      status: "PUBLISHED",
      seatsHeld: { lt: db.session.fields.capacity },
      OR: [{ endsAt: null }, { endsAt: { gt: now } }],
    },
    orderBy: [{ startsAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: 50,
    select: { id: true, startsAt: true, endsAt: true, language: true, capacity: true, seatsHeld: true },
  });
  return rows.map(({ capacity, seatsHeld, ...row }) => ({ ...row, seatsLeft: capacity - seatsHeld }));
}

export type MySessionItem = {
  id: string;
  status: SessionStatus;
  startsAt: Date | null;
  endsAt: Date | null;
  language: Locale;
  course: { code: string; title: string };
  room: string | null;
  capacity: number;
  seatsHeld: number;
  waitlisted: number;
  pending: number;
  /** The viewer is the session's lead instructor. */
  lead: boolean;
};

export type MySessionsSection = {
  items: MySessionItem[];
  total: number;
  page: number;
  pageCount: number;
};

export type MySessions = { upcoming: MySessionsSection; past: MySessionsSection };

/**
 * The sessions `actor` teaches, for their session list: those that have not ended (soonest first)
 * and those that have (newest first), a page of each. Everyone's own teaching — an admin sees
 * here the sessions they teach themselves; the center's whole schedule is on /admin/sessions.
 */
export async function listMySessions(
  actor: CurrentUser,
  query: MySessionsQuery & { locale: AppLocale; now?: Date },
): Promise<MySessions> {
  requirePermission(actor, "session:read:assigned");
  const now = query.now ?? new Date();
  const mine: Prisma.SessionWhereInput = { instructors: { some: { userId: actor.id } } };
  // A session without meetings yet (no end) has not ended.
  const upcomingWhere: Prisma.SessionWhereInput = {
    ...mine,
    OR: [{ endsAt: null }, { endsAt: { gt: now } }],
  };
  const pastWhere: Prisma.SessionWhereInput = { ...mine, endsAt: { lte: now } };

  const [upcomingTotal, pastTotal] = await Promise.all([
    db.session.count({ where: upcomingWhere }),
    db.session.count({ where: pastWhere }),
  ]);
  const paging = (total: number, requested: number) => {
    const pageCount = Math.max(1, Math.ceil(total / MY_SESSIONS_PAGE_SIZE));
    return { pageCount, page: Math.min(Math.max(1, requested), pageCount) };
  };
  const upcomingPaging = paging(upcomingTotal, query.upcomingPage);
  const pastPaging = paging(pastTotal, query.pastPage);

  const select = {
    id: true,
    status: true,
    startsAt: true,
    endsAt: true,
    language: true,
    capacity: true,
    seatsHeld: true,
    course: { select: { code: true, titleKo: true, titleEn: true } },
    room: { select: { nameKo: true, nameEn: true } },
    instructors: { where: { userId: actor.id }, select: { lead: true } },
  } satisfies Prisma.SessionSelect;

  const [upcomingRows, pastRows] = await Promise.all([
    upcomingTotal === 0
      ? []
      : db.session.findMany({
          where: upcomingWhere,
          orderBy: [{ startsAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
          skip: (upcomingPaging.page - 1) * MY_SESSIONS_PAGE_SIZE,
          take: MY_SESSIONS_PAGE_SIZE,
          select,
        }),
    pastTotal === 0
      ? []
      : db.session.findMany({
          where: pastWhere,
          orderBy: [{ startsAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
          skip: (pastPaging.page - 1) * MY_SESSIONS_PAGE_SIZE,
          take: MY_SESSIONS_PAGE_SIZE,
          select,
        }),
  ]);

  // Waitlist and pending counts of both pages in one grouped query (no query per row).
  const ids = [...upcomingRows, ...pastRows].map((s) => s.id);
  const groups =
    ids.length === 0
      ? []
      : await db.enrollment.groupBy({
          by: ["sessionId", "status"],
          where: { sessionId: { in: ids }, status: { in: ["WAITLISTED", "PENDING_APPROVAL"] } },
          _count: { _all: true },
        });
  const countOf = (sessionId: string, status: EnrollmentStatus) =>
    groups.find((g) => g.sessionId === sessionId && g.status === status)?._count._all ?? 0;

  const toItem = (row: (typeof upcomingRows)[number]): MySessionItem => ({
    id: row.id,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    language: row.language,
    course: { code: row.course.code, title: name(query.locale, row.course.titleKo, row.course.titleEn) },
    room: row.room ? name(query.locale, row.room.nameKo, row.room.nameEn) : null,
    capacity: row.capacity,
    seatsHeld: row.seatsHeld,
    waitlisted: countOf(row.id, "WAITLISTED"),
    pending: countOf(row.id, "PENDING_APPROVAL"),
    lead: row.instructors.some((i) => i.lead),
  });

  return {
    upcoming: { items: upcomingRows.map(toItem), total: upcomingTotal, ...upcomingPaging },
    past: { items: pastRows.map(toItem), total: pastTotal, ...pastPaging },
  };
}
