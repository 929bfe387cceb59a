import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AttendanceStatus, EnrollmentStatus } from "@/lib/generated/prisma/enums";
import { can, grantedScope } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { AppLocale } from "@/lib/i18n/routing";
import { countsAsAttended } from "@/lib/attendance/completion.rules";
import { cohortScope } from "@/lib/cohorts/cohorts.queries";
import type { MemberStatus } from "@/lib/cohorts/cohorts.schemas";
import {
  MEMBER_PROGRESS_EXPORT_MAX,
  MEMBER_PROGRESS_PAGE_SIZE,
  type PartnerDashboardQuery,
} from "@/lib/cohorts/partner-dashboard.schemas";
import { countPendingSeatBlocks } from "@/lib/cohorts/seat-blocks.queries";

/**
 * The partner dashboard: a coordinator's organization at a glance (cohorts, seat blocks, and
 * how each member is doing), and for admins every partner with a partner filter.
 *
 * Scope: every query starts from the cohorts `cohortScope` lets the viewer manage (a
 * coordinator's own organization; admins all, or the partner they filter on). A member's
 * progress shows only the enrollments made through their cohort's seat blocks: what a student
 * books on their own account stays between them and the center.
 */

function label(o: { name: string; nameEn: string | null }, locale: AppLocale): string {
  return locale === "en" && o.nameEn ? o.nameEn : o.name;
}

/** The cohorts in view: the viewer's scope, narrowed by an admin's partner and cohort filters. */
function cohortsInView(
  actor: CurrentUser,
  query: Pick<PartnerDashboardQuery, "organizationId" | "cohortId">,
): Prisma.CohortWhereInput {
  const scope = cohortScope(actor);
  const any = grantedScope(actor, "cohort:manage:any", "cohort:manage:own-org") === "any";
  // AND, not a merge: the filters narrow the scope, never replace it.
  return {
    AND: [
      scope,
      any && query.organizationId ? { organizationId: query.organizationId } : {},
      query.cohortId ? { id: query.cohortId } : {},
    ],
  };
}

export type PartnerSummary = {
  id: string;
  name: string;
  agreementStartsOn: Date | null;
  agreementEndsOn: Date | null;
  cohorts: number;
  members: number;
  joined: number;
  /** Blocks requested and not yet decided. */
  pendingBlocks: number;
  /** Approved blocks still holding seats. */
  activeBlocks: number;
};

export type CohortSummary = {
  id: string;
  name: string;
  program: string | null;
  organizationName: string;
  archived: boolean;
  members: number;
  joined: number;
};

export type PartnerDashboard = {
  /** Admins see every partner and may filter; coordinators see their own organization. */
  allPartners: boolean;
  partners: PartnerSummary[];
  selectedOrganizationId: string | null;
  cohorts: CohortSummary[];
  /** Requests awaiting an admin's decision (admins only; 0 for coordinators). */
  pendingRequests: number;
};

export async function getPartnerDashboard(
  actor: CurrentUser,
  query: PartnerDashboardQuery,
  locale: AppLocale,
): Promise<PartnerDashboard> {
  const allPartners = can(actor, "cohort:manage:any");
  const organizationWhere: Prisma.OrganizationWhereInput = allPartners
    ? { isPartner: true }
    : { id: actor.organizationId ?? "", isPartner: true };
  const [organizations, cohorts, pendingRequests] = await Promise.all([
    db.organization.findMany({
      where: organizationWhere,
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        nameEn: true,
        agreementStartsOn: true,
        agreementEndsOn: true,
      },
    }),
    db.cohort.findMany({
      where: cohortsInView(actor, { organizationId: query.organizationId }),
      orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        program: true,
        archivedAt: true,
        organizationId: true,
        organization: { select: { name: true, nameEn: true } },
        _count: { select: { members: true } },
      },
    }),
    countPendingSeatBlocks(actor),
  ]);
  const organizationIds = organizations.map((o) => o.id);
  const [joined, blocks] = await Promise.all([
    db.cohortMember.groupBy({
      by: ["cohortId"],
      where: { cohort: cohortsInView(actor, {}), userId: { not: null } },
      _count: { _all: true },
    }),
    db.seatBlock.groupBy({
      by: ["cohortId", "status"],
      where: {
        cohort: { AND: [cohortsInView(actor, {}), { organizationId: { in: organizationIds } }] },
        OR: [{ status: "REQUESTED" }, { status: "APPROVED", releasedAt: null }],
      },
      _count: { _all: true },
    }),
  ]);
  const joinedOf = new Map(joined.map((g) => [g.cohortId, g._count._all]));
  // Every cohort of the partners listed (not only the filtered ones) for the partner rows.
  const allCohorts = await db.cohort.findMany({
    where: { AND: [cohortsInView(actor, {}), { organizationId: { in: organizationIds } }] },
    select: { id: true, organizationId: true, _count: { select: { members: true } } },
  });
  const organizationOf = new Map(allCohorts.map((c) => [c.id, c.organizationId]));
  const partners = organizations.map((o): PartnerSummary => {
    const own = allCohorts.filter((c) => c.organizationId === o.id);
    const ownBlocks = blocks.filter((b) => organizationOf.get(b.cohortId) === o.id);
    return {
      id: o.id,
      name: label(o, locale),
      agreementStartsOn: o.agreementStartsOn,
      agreementEndsOn: o.agreementEndsOn,
      cohorts: own.length,
      members: own.reduce((n, c) => n + c._count.members, 0),
      joined: own.reduce((n, c) => n + (joinedOf.get(c.id) ?? 0), 0),
      pendingBlocks: ownBlocks
        .filter((b) => b.status === "REQUESTED")
        .reduce((n, b) => n + b._count._all, 0),
      activeBlocks: ownBlocks
        .filter((b) => b.status === "APPROVED")
        .reduce((n, b) => n + b._count._all, 0),
    };
  });
  return {
    allPartners,
    partners,
    selectedOrganizationId:
      allPartners && query.organizationId && organizationIds.includes(query.organizationId)
        ? query.organizationId
        : null,
    cohorts: cohorts.map((c) => ({
      id: c.id,
      name: c.name,
      program: c.program,
      organizationName: label(c.organization, locale),
      archived: Boolean(c.archivedAt),
      members: c._count.members,
      joined: joinedOf.get(c.id) ?? 0,
    })),
    pendingRequests: allPartners ? pendingRequests : 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Members and their progress

export type MemberEnrollmentProgress = {
  enrollmentId: string;
  sessionId: string;
  courseCode: string;
  courseTitle: string;
  startsAt: Date | null;
  endsAt: Date | null;
  status: EnrollmentStatus;
  /** Active meetings of the session, and those that have started. */
  meetings: number;
  meetingsHeld: number;
  /** Meetings marked present or late. */
  attended: number;
  /** Meetings marked absent. */
  absent: number;
  certificate: { code: string; issuedAt: Date; revoked: boolean; hours: number } | null;
};

export type MemberProgress = {
  memberId: string;
  name: string;
  email: string;
  studentNumber: string | null;
  department: string | null;
  cohortId: string;
  cohortName: string;
  organizationName: string;
  account: MemberStatus;
  joinedAt: Date | null;
  enrollments: MemberEnrollmentProgress[];
};

export type MemberProgressPage = {
  items: MemberProgress[];
  total: number;
  page: number;
  pageCount: number;
};

const MEMBER_SELECT = {
  id: true,
  name: true,
  email: true,
  studentNumber: true,
  department: true,
  userId: true,
  joinedAt: true,
  cohortId: true,
  cohort: {
    select: { name: true, organization: { select: { name: true, nameEn: true } } },
  },
  invitations: {
    where: { acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { expiresAt: true },
  },
} as const satisfies Prisma.CohortMemberSelect;

type MemberRow = Prisma.CohortMemberGetPayload<{ select: typeof MEMBER_SELECT }>;

function accountStatus(row: MemberRow, now: Date): MemberStatus {
  if (row.userId) return "JOINED";
  const open = row.invitations[0];
  if (!open) return "NOT_INVITED";
  return open.expiresAt > now ? "INVITED" : "EXPIRED";
}

/** The cohort-seat enrollments of these members, each with attendance and certificate. */
async function progressOf(
  rows: MemberRow[],
  locale: AppLocale,
  now: Date,
): Promise<MemberProgress[]> {
  const linked = rows.filter((r) => r.userId);
  const enrollments = linked.length
    ? await db.enrollment.findMany({
        where: {
          userId: { in: [...new Set(linked.map((r) => r.userId!))] },
          seatBlock: { cohortId: { in: [...new Set(linked.map((r) => r.cohortId))] } },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          userId: true,
          status: true,
          seatBlock: { select: { cohortId: true } },
          session: {
            select: {
              id: true,
              course: { select: { code: true, titleKo: true, titleEn: true } },
              meetings: {
                where: { active: true },
                orderBy: { startsAt: "asc" },
                select: { startsAt: true, endsAt: true },
              },
            },
          },
          attendance: { where: { meeting: { active: true } }, select: { status: true } },
          certificate: {
            select: { code: true, issuedAt: true, revokedAt: true, hours: true },
          },
        },
      })
    : [];
  const byMember = new Map<string, MemberEnrollmentProgress[]>();
  for (const e of enrollments) {
    const key = `${e.userId}:${e.seatBlock?.cohortId}`;
    const meetings = e.session.meetings;
    const marks = e.attendance.map((a) => a.status as AttendanceStatus);
    const list = byMember.get(key) ?? [];
    list.push({
      enrollmentId: e.id,
      sessionId: e.session.id,
      courseCode: e.session.course.code,
      courseTitle: locale === "en" ? e.session.course.titleEn : e.session.course.titleKo,
      startsAt: meetings[0]?.startsAt ?? null,
      endsAt: meetings.length ? new Date(Math.max(...meetings.map((m) => m.endsAt.getTime()))) : null,
      status: e.status,
      meetings: meetings.length,
      meetingsHeld: meetings.filter((m) => m.startsAt <= now).length,
      attended: marks.filter(countsAsAttended).length,
      absent: marks.filter((m) => m === "ABSENT").length,
      certificate: e.certificate
        ? {
            code: e.certificate.code,
            issuedAt: e.certificate.issuedAt,
            revoked: Boolean(e.certificate.revokedAt),
            hours: e.certificate.hours,
          }
        : null,
    });
    byMember.set(key, list);
  }
  return rows.map((row) => ({
    memberId: row.id,
    name: row.name,
    email: row.email,
    studentNumber: row.studentNumber,
    department: row.department,
    cohortId: row.cohortId,
    cohortName: row.cohort.name,
    organizationName: label(row.cohort.organization, locale),
    account: accountStatus(row, now),
    joinedAt: row.joinedAt,
    enrollments: row.userId ? (byMember.get(`${row.userId}:${row.cohortId}`) ?? []) : [],
  }));
}

function memberWhere(
  actor: CurrentUser,
  query: Pick<PartnerDashboardQuery, "organizationId" | "cohortId">,
): Prisma.CohortMemberWhereInput {
  return { cohort: { AND: [cohortsInView(actor, query), { archivedAt: null }] } };
}

const MEMBER_ORDER = [
  { cohort: { name: "asc" } },
  { name: "asc" },
  { email: "asc" },
] as const satisfies Prisma.CohortMemberOrderByWithRelationInput[];

/** Members of the active cohorts in view with their progress, one page at a time. */
export async function listMemberProgress(
  actor: CurrentUser,
  query: PartnerDashboardQuery,
  locale: AppLocale,
  now: Date = new Date(),
): Promise<MemberProgressPage> {
  const where = memberWhere(actor, query);
  const total = await db.cohortMember.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / MEMBER_PROGRESS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.cohortMember.findMany({
    where,
    orderBy: [...MEMBER_ORDER],
    skip: (page - 1) * MEMBER_PROGRESS_PAGE_SIZE,
    take: MEMBER_PROGRESS_PAGE_SIZE,
    select: MEMBER_SELECT,
  });
  return { items: await progressOf(rows, locale, now), total, page, pageCount };
}

/** Every member in view (up to the export's limit) with their progress, for the export. */
export async function listAllMemberProgress(
  actor: CurrentUser,
  query: Pick<PartnerDashboardQuery, "organizationId" | "cohortId">,
  locale: AppLocale,
  now: Date = new Date(),
): Promise<MemberProgress[]> {
  const rows = await db.cohortMember.findMany({
    where: memberWhere(actor, query),
    orderBy: [...MEMBER_ORDER],
    take: MEMBER_PROGRESS_EXPORT_MAX,
    select: MEMBER_SELECT,
  });
  return progressOf(rows, locale, now);
}
