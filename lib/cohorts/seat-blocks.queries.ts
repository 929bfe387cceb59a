import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  EnrollmentStatus,
  Locale,
  SeatBlockStatus,
  SessionStatus,
} from "@/lib/generated/prisma/enums";
import { can, requirePermission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { AppLocale } from "@/lib/i18n/routing";
import { cohortScope } from "@/lib/cohorts/cohorts.queries";
import {
  claimRefusal,
  defaultReleaseAt,
  releaseAtProblem,
  seatBlockDisplayStatus,
  unclaimedSeats,
  type ClaimRefusal,
  type SeatBlockDisplayStatus,
} from "@/lib/cohorts/seat-blocks.rules";
import {
  SEAT_BLOCKS_PAGE_SIZE,
  type ListSeatBlocksQuery,
} from "@/lib/cohorts/seat-blocks.schemas";
import { ACTIVE_STATUSES } from "@/lib/enrollments/enrollments.rules";

/**
 * Reads of the seat-block pages. Coordinators reach their own organization's blocks through
 * `cohortScope` in every `where` (another organization's block is not found), admins every
 * block, and a member only the blocks of cohorts they belong to.
 */

function label(o: { name: string; nameEn: string | null }, locale: AppLocale): string {
  return locale === "en" && o.nameEn ? o.nameEn : o.name;
}

const MEETINGS = {
  where: { active: true },
  orderBy: { startsAt: "asc" },
  select: { startsAt: true, endsAt: true },
} as const satisfies Prisma.Session$meetingsArgs;

function span(meetings: { startsAt: Date; endsAt: Date }[]) {
  if (meetings.length === 0) return { startsAt: null, endsAt: null };
  return {
    startsAt: meetings[0]!.startsAt,
    endsAt: new Date(Math.max(...meetings.map((m) => m.endsAt.getTime()))),
  };
}

export type SeatBlockSessionSummary = {
  id: string;
  courseCode: string;
  courseTitle: string;
  language: Locale;
  status: SessionStatus;
  startsAt: Date | null;
  endsAt: Date | null;
};

export type SeatBlockListItem = {
  id: string;
  status: SeatBlockStatus;
  displayStatus: SeatBlockDisplayStatus;
  requestedSeats: number;
  approvedSeats: number;
  claimedSeats: number;
  /** Seats the block holds for the cohort right now. */
  unclaimedSeats: number;
  releaseAt: Date | null;
  releasedAt: Date | null;
  createdAt: Date;
  decidedAt: Date | null;
  note: string | null;
  decisionReason: string | null;
  cohort: { id: string; name: string };
  organizationId: string;
  organizationName: string;
  session: SeatBlockSessionSummary;
};

const LIST_SELECT = {
  id: true,
  status: true,
  requestedSeats: true,
  approvedSeats: true,
  claimedSeats: true,
  releaseAt: true,
  releasedAt: true,
  createdAt: true,
  decidedAt: true,
  note: true,
  decisionReason: true,
  cohort: {
    select: {
      id: true,
      name: true,
      organizationId: true,
      organization: { select: { name: true, nameEn: true } },
    },
  },
  session: {
    select: {
      id: true,
      status: true,
      language: true,
      course: { select: { code: true, titleKo: true, titleEn: true } },
      meetings: MEETINGS,
    },
  },
} as const satisfies Prisma.SeatBlockSelect;

type ListRow = Prisma.SeatBlockGetPayload<{ select: typeof LIST_SELECT }>;

function toListItem(row: ListRow, locale: AppLocale): SeatBlockListItem {
  const { cohort, session, ...block } = row;
  return {
    ...block,
    displayStatus: seatBlockDisplayStatus(block),
    unclaimedSeats: unclaimedSeats(block),
    cohort: { id: cohort.id, name: cohort.name },
    organizationId: cohort.organizationId,
    organizationName: label(cohort.organization, locale),
    session: {
      id: session.id,
      courseCode: session.course.code,
      courseTitle: locale === "en" ? session.course.titleEn : session.course.titleKo,
      language: session.language,
      status: session.status,
      ...span(session.meetings),
    },
  };
}

export type SeatBlockListPage = {
  items: SeatBlockListItem[];
  total: number;
  page: number;
  pageCount: number;
};

/**
 * The blocks `actor` manages, newest request first; admins may narrow them to one partner
 * organization (a coordinator's own organization is their whole scope anyway).
 */
export async function listSeatBlocks(
  actor: CurrentUser,
  query: ListSeatBlocksQuery & { organizationId?: string | null },
  locale: AppLocale,
): Promise<SeatBlockListPage> {
  requirePermission(actor, "seat-block:request:own-org");
  const where: Prisma.SeatBlockWhereInput = {
    // AND, not a merge: a filter must narrow the scope, never replace it.
    cohort: {
      AND: [
        cohortScope(actor),
        query.organizationId ? { organizationId: query.organizationId } : {},
      ],
    },
    ...(query.status ? { status: query.status } : {}),
  };
  const total = await db.seatBlock.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / SEAT_BLOCKS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.seatBlock.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * SEAT_BLOCKS_PAGE_SIZE,
    take: SEAT_BLOCKS_PAGE_SIZE,
    select: LIST_SELECT,
  });
  return { items: rows.map((row) => toListItem(row, locale)), total, page, pageCount };
}

export type SeatBlockSeat = {
  enrollmentId: string;
  name: string;
  email: string;
  status: EnrollmentStatus;
  confirmedAt: Date | null;
  /** How the seat was given: by the coordinator, or claimed by the member. */
  how: "assigned" | "claimed" | null;
};

export type AssignableMember = { id: string; name: string; email: string; studentNumber: string | null };

export type SeatBlockDetail = SeatBlockListItem & {
  requestedByName: string | null;
  capacity: number;
  seatsHeld: number;
  /** Why a seat cannot be given now (or null). */
  claimRefusal: ClaimRefusal | null;
  seats: SeatBlockSeat[];
  /** Members with an account and no place in the session yet. */
  assignable: AssignableMember[];
  /** Members who have not joined (no account yet): they cannot get a seat. */
  notJoined: number;
  lastClaimLinksAt: Date | null;
};

/** One block `actor` manages, with its seats and the members who could get one; or null. */
export async function getSeatBlock(
  actor: CurrentUser,
  blockId: string,
  locale: AppLocale,
): Promise<SeatBlockDetail | null> {
  requirePermission(actor, "seat-block:request:own-org");
  const row = await db.seatBlock.findFirst({
    where: { id: blockId, cohort: cohortScope(actor) },
    select: {
      ...LIST_SELECT,
      cohortId: true,
      sessionId: true,
      requestedBy: { select: { name: true } },
      session: {
        select: { ...LIST_SELECT.session.select, capacity: true, seatsHeld: true },
      },
    },
  });
  if (!row) return null;
  const [enrollments, assignable, notJoined, lastLinks] = await Promise.all([
    db.enrollment.findMany({
      where: { seatBlockId: row.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        status: true,
        confirmedAt: true,
        user: { select: { name: true, email: true } },
        events: {
          where: { fromStatus: null },
          take: 1,
          select: { reason: true },
        },
      },
    }),
    db.cohortMember.findMany({
      where: {
        cohortId: row.cohortId,
        user: {
          active: true,
          enrollments: {
            none: { sessionId: row.sessionId, status: { in: [...ACTIVE_STATUSES] } },
          },
        },
      },
      orderBy: [{ name: "asc" }, { email: "asc" }],
      select: { id: true, name: true, email: true, studentNumber: true },
    }),
    db.cohortMember.count({ where: { cohortId: row.cohortId, userId: null } }),
    db.auditLog.findFirst({
      where: { action: "seat-block.claim-links", entityId: row.id },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
  ]);
  const { requestedBy, cohortId: _cohortId, sessionId: _sessionId, ...listRow } = row;
  return {
    ...toListItem(listRow, locale),
    requestedByName: requestedBy?.name ?? null,
    capacity: row.session.capacity,
    seatsHeld: row.session.seatsHeld,
    claimRefusal: claimRefusal(row, new Date()),
    seats: enrollments.map((e) => {
      const reason = e.events[0]?.reason;
      return {
        enrollmentId: e.id,
        name: e.user.name,
        email: e.user.email,
        status: e.status,
        confirmedAt: e.confirmedAt,
        how:
          reason === "seat-block.assigned"
            ? "assigned"
            : reason === "seat-block.claimed"
              ? "claimed"
              : null,
      };
    }),
    assignable,
    notJoined,
    lastClaimLinksAt: lastLinks?.createdAt ?? null,
  };
}

export type PendingSeatBlock = SeatBlockListItem & {
  requestedByName: string | null;
  capacity: number;
  seatsHeld: number;
  free: number;
  waitlisted: number;
  /** The release date the decision uses when the admin leaves it empty (null: none possible). */
  defaultReleaseAt: Date | null;
};

/** The admins' queue: requests awaiting a decision, oldest first, with the session's free seats. */
export async function listPendingSeatBlocks(
  actor: CurrentUser,
  locale: AppLocale,
  now: Date = new Date(),
): Promise<PendingSeatBlock[]> {
  requirePermission(actor, "seat-block:decide");
  const rows = await db.seatBlock.findMany({
    where: { status: "REQUESTED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 100,
    select: {
      ...LIST_SELECT,
      requestedBy: { select: { name: true } },
      session: { select: { ...LIST_SELECT.session.select, capacity: true, seatsHeld: true } },
    },
  });
  const waiting = await db.enrollment.groupBy({
    by: ["sessionId"],
    where: { sessionId: { in: rows.map((r) => r.session.id) }, status: "WAITLISTED" },
    _count: { _all: true },
  });
  const waitlisted = new Map(waiting.map((w) => [w.sessionId, w._count._all]));
  return rows.map(({ requestedBy, ...row }) => {
    const item = toListItem(row, locale);
    const release = item.session.startsAt ? defaultReleaseAt(item.session.startsAt) : null;
    return {
      ...item,
      requestedByName: requestedBy?.name ?? null,
      capacity: row.session.capacity,
      seatsHeld: row.session.seatsHeld,
      free: Math.max(0, row.session.capacity - row.session.seatsHeld),
      waitlisted: waitlisted.get(row.session.id) ?? 0,
      defaultReleaseAt:
        release && item.session.startsAt && !releaseAtProblem(release, item.session.startsAt, now)
          ? release
          : null,
    };
  });
}

/** How many requests wait for a decision (for the dashboards); 0 for those who cannot decide. */
export async function countPendingSeatBlocks(actor: CurrentUser): Promise<number> {
  if (!can(actor, "seat-block:decide")) return 0;
  return db.seatBlock.count({ where: { status: "REQUESTED" } });
}

/** Blocks decided most recently, for the admins' page (approved, rejected, released). */
export async function listRecentlyDecidedSeatBlocks(
  actor: CurrentUser,
  locale: AppLocale,
  take = 20,
): Promise<SeatBlockListItem[]> {
  requirePermission(actor, "seat-block:decide");
  const rows = await db.seatBlock.findMany({
    where: { decidedAt: { not: null } },
    orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
    take,
    select: LIST_SELECT,
  });
  return rows.map((row) => toListItem(row, locale));
}

// ---------------------------------------------------------------------------------------------
// The request form

export type RequestableSession = SeatBlockSessionSummary & {
  capacity: number;
  free: number;
};

/** Published sessions open for registration whose first meeting lies ahead, soonest first. */
export async function listRequestableSessions(
  actor: CurrentUser,
  locale: AppLocale,
  now: Date = new Date(),
): Promise<RequestableSession[]> {
  requirePermission(actor, "seat-block:request:own-org");
  const rows = await db.session.findMany({
    where: {
      status: "PUBLISHED",
      registrationOpensAt: { lte: now },
      registrationClosesAt: { gt: now },
      meetings: { some: { active: true } },
      NOT: { meetings: { some: { active: true, startsAt: { lte: now } } } },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 300,
    select: {
      id: true,
      status: true,
      language: true,
      capacity: true,
      seatsHeld: true,
      course: { select: { code: true, titleKo: true, titleEn: true } },
      meetings: MEETINGS,
    },
  });
  return rows
    .map((row) => ({
      id: row.id,
      courseCode: row.course.code,
      courseTitle: locale === "en" ? row.course.titleEn : row.course.titleKo,
      language: row.language,
      status: row.status,
      capacity: row.capacity,
      free: Math.max(0, row.capacity - row.seatsHeld),
      ...span(row.meetings),
    }))
    .sort((a, b) => (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0));
}

export type CohortOption = { id: string; name: string; organizationName: string };

/** Active cohorts `actor` manages, for the request form. */
export async function listRequestableCohorts(
  actor: CurrentUser,
  locale: AppLocale,
): Promise<CohortOption[]> {
  requirePermission(actor, "seat-block:request:own-org");
  const rows = await db.cohort.findMany({
    where: { ...cohortScope(actor), archivedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, organization: { select: { name: true, nameEn: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, organizationName: label(r.organization, locale) }));
}

// ---------------------------------------------------------------------------------------------
// The member's claim page

export type ClaimableSeatBlock = {
  id: string;
  cohortName: string;
  organizationName: string;
  session: SeatBlockSessionSummary;
  location: string | null;
  releaseAt: Date | null;
  seatsLeft: number;
  refusal: ClaimRefusal | null;
  /** The member's place in the session already (any active status), or null. */
  ownStatus: EnrollmentStatus | null;
  /** Whether the member's place is one of this block's seats. */
  ownSeatFromBlock: boolean;
};

/** A block of a cohort the member belongs to, as they see it; null for anyone else. */
export async function getClaimableSeatBlock(
  actor: CurrentUser,
  blockId: string,
  locale: AppLocale,
): Promise<ClaimableSeatBlock | null> {
  requirePermission(actor, "seat-block:claim:own");
  const row = await db.seatBlock.findFirst({
    where: { id: blockId, cohort: { members: { some: { userId: actor.id } } } },
    select: {
      ...LIST_SELECT,
      session: {
        select: { ...LIST_SELECT.session.select, room: { select: { nameKo: true, nameEn: true } } },
      },
    },
  });
  if (!row) return null;
  const own = await db.enrollment.findFirst({
    where: { userId: actor.id, sessionId: row.session.id, status: { in: [...ACTIVE_STATUSES] } },
    select: { status: true, seatBlockId: true },
  });
  const item = toListItem(row, locale);
  const room = row.session.room;
  return {
    id: item.id,
    cohortName: item.cohort.name,
    organizationName: item.organizationName,
    session: item.session,
    location: room ? (locale === "en" ? room.nameEn : room.nameKo) : null,
    releaseAt: item.releaseAt,
    seatsLeft: item.unclaimedSeats,
    refusal: claimRefusal(row, new Date()),
    ownStatus: own?.status ?? null,
    ownSeatFromBlock: own?.seatBlockId === row.id,
  };
}
