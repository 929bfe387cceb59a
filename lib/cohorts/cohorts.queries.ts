import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/generated/prisma/enums";
import { grantedScope } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { AppLocale } from "@/lib/i18n/routing";
import {
  COHORTS_PAGE_SIZE,
  MEMBERS_PAGE_SIZE,
  type ListCohortsQuery,
  type ListMembersQuery,
  type MemberStatus,
} from "@/lib/cohorts/cohorts.schemas";

/**
 * Reads of the cohort pages. Every query is narrowed in its `where` by `cohortScope`: a
 * partner coordinator reaches their own organization's cohorts and nothing else (another
 * organization's cohort is simply not found), an admin every cohort.
 */

/** The cohorts `actor` may manage, as a Prisma filter. Throws when they may manage none. */
export function cohortScope(actor: CurrentUser): Prisma.CohortWhereInput {
  if (grantedScope(actor, "cohort:manage:any", "cohort:manage:own-org") === "any") return {};
  // A coordinator not (or no longer) bound to an organization manages nothing.
  if (!actor.organizationId) return { id: { in: [] } };
  return { organizationId: actor.organizationId };
}

/** A pending invitation: neither accepted nor revoked (it may have expired). */
const OPEN_INVITATION = { acceptedAt: null, revokedAt: null } satisfies Prisma.InvitationWhereInput;

/** The filter behind each member status; `now` decides what has expired. */
function statusFilter(status: MemberStatus, now: Date): Prisma.CohortMemberWhereInput {
  switch (status) {
    case "JOINED":
      return { userId: { not: null } };
    case "INVITED":
      return {
        userId: null,
        invitations: { some: { ...OPEN_INVITATION, expiresAt: { gt: now } } },
      };
    case "EXPIRED":
      return {
        userId: null,
        invitations: { some: { ...OPEN_INVITATION, expiresAt: { lte: now } } },
        NOT: { invitations: { some: { ...OPEN_INVITATION, expiresAt: { gt: now } } } },
      };
    case "NOT_INVITED":
      return { userId: null, invitations: { none: OPEN_INVITATION } };
  }
}

function organizationLabel(o: { name: string; nameEn: string | null }, locale: AppLocale) {
  return locale === "en" && o.nameEn ? o.nameEn : o.name;
}

export type CohortListItem = {
  id: string;
  name: string;
  program: string | null;
  organizationName: string;
  startsOn: Date | null;
  archivedAt: Date | null;
  memberCount: number;
  joinedCount: number;
  createdAt: Date;
};

export type CohortListPage = {
  items: CohortListItem[];
  total: number;
  page: number;
  pageCount: number;
};

/** Active (or archived) cohorts, newest first, with how many members have joined. */
export async function listCohorts(
  actor: CurrentUser,
  query: ListCohortsQuery,
  locale: AppLocale,
): Promise<CohortListPage> {
  const where: Prisma.CohortWhereInput = {
    ...cohortScope(actor),
    archivedAt: query.archived ? { not: null } : null,
  };
  const total = await db.cohort.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / COHORTS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.cohort.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * COHORTS_PAGE_SIZE,
    take: COHORTS_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      program: true,
      startsOn: true,
      archivedAt: true,
      createdAt: true,
      organization: { select: { name: true, nameEn: true } },
      _count: { select: { members: true } },
    },
  });
  const joined = await joinedCounts(rows.map((r) => r.id));
  return {
    items: rows.map(({ organization, _count, ...row }) => ({
      ...row,
      organizationName: organizationLabel(organization, locale),
      memberCount: _count.members,
      joinedCount: joined.get(row.id) ?? 0,
    })),
    total,
    page,
    pageCount,
  };
}

async function joinedCounts(cohortIds: string[]): Promise<Map<string, number>> {
  if (cohortIds.length === 0) return new Map();
  const groups = await db.cohortMember.groupBy({
    by: ["cohortId"],
    where: { cohortId: { in: cohortIds }, userId: { not: null } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.cohortId, g._count._all]));
}

export type CohortDetail = {
  id: string;
  name: string;
  program: string | null;
  description: string | null;
  startsOn: Date | null;
  archivedAt: Date | null;
  organizationName: string;
  createdAt: Date;
  counts: Record<MemberStatus, number> & { total: number };
};

/** One cohort with its member counts per status, or null when it does not exist for `actor`. */
export async function getCohort(
  actor: CurrentUser,
  cohortId: string,
  locale: AppLocale,
): Promise<CohortDetail | null> {
  const cohort = await db.cohort.findFirst({
    where: { id: cohortId, ...cohortScope(actor) },
    select: {
      id: true,
      name: true,
      program: true,
      description: true,
      startsOn: true,
      archivedAt: true,
      createdAt: true,
      organization: { select: { name: true, nameEn: true } },
    },
  });
  if (!cohort) return null;
  const now = new Date();
  const count = (status: MemberStatus) =>
    db.cohortMember.count({ where: { cohortId, ...statusFilter(status, now) } });
  const [total, JOINED, INVITED, EXPIRED, NOT_INVITED] = await Promise.all([
    db.cohortMember.count({ where: { cohortId } }),
    count("JOINED"),
    count("INVITED"),
    count("EXPIRED"),
    count("NOT_INVITED"),
  ]);
  const { organization, ...rest } = cohort;
  return {
    ...rest,
    organizationName: organizationLabel(organization, locale),
    counts: { total, JOINED, INVITED, EXPIRED, NOT_INVITED },
  };
}

export type CohortMemberItem = {
  id: string;
  name: string;
  email: string;
  studentNumber: string | null;
  department: string | null;
  status: MemberStatus;
  joinedAt: Date | null;
  invitedAt: Date | null;
  /** The open invitation's expiry and language, when there is one. */
  invitationExpiresAt: Date | null;
  invitationLocale: Locale | null;
};

export type CohortMemberPage = {
  items: CohortMemberItem[];
  total: number;
  page: number;
  pageCount: number;
};

const memberSelect = {
  id: true,
  name: true,
  email: true,
  studentNumber: true,
  department: true,
  userId: true,
  joinedAt: true,
  invitedAt: true,
  invitations: {
    where: OPEN_INVITATION,
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { expiresAt: true, locale: true },
  },
} satisfies Prisma.CohortMemberSelect;

function toMemberItem(
  row: Prisma.CohortMemberGetPayload<{ select: typeof memberSelect }>,
  now: Date,
): CohortMemberItem {
  const { invitations, userId, ...rest } = row;
  const open = invitations[0] ?? null;
  const status: MemberStatus = userId
    ? "JOINED"
    : !open
      ? "NOT_INVITED"
      : open.expiresAt > now
        ? "INVITED"
        : "EXPIRED";
  return {
    ...rest,
    status,
    invitationExpiresAt: open?.expiresAt ?? null,
    invitationLocale: open?.locale ?? null,
  };
}

/** A cohort's members in name order, searchable by name, email or student number. */
export async function listCohortMembers(
  actor: CurrentUser,
  cohortId: string,
  query: ListMembersQuery,
): Promise<CohortMemberPage> {
  const now = new Date();
  const where: Prisma.CohortMemberWhereInput = {
    cohortId,
    cohort: cohortScope(actor),
    ...(query.status ? statusFilter(query.status, now) : {}),
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" } },
            { email: { contains: query.q, mode: "insensitive" } },
            { studentNumber: { contains: query.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const total = await db.cohortMember.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.cohortMember.findMany({
    where,
    orderBy: [{ name: "asc" }, { email: "asc" }],
    skip: (page - 1) * MEMBERS_PAGE_SIZE,
    take: MEMBERS_PAGE_SIZE,
    select: memberSelect,
  });
  return { items: rows.map((row) => toMemberItem(row, now)), total, page, pageCount };
}

/** One member of a cohort `actor` manages, or null. */
export async function getCohortMember(
  actor: CurrentUser,
  cohortId: string,
  memberId: string,
): Promise<CohortMemberItem | null> {
  const row = await db.cohortMember.findFirst({
    where: { id: memberId, cohortId, cohort: cohortScope(actor) },
    select: memberSelect,
  });
  return row ? toMemberItem(row, new Date()) : null;
}
