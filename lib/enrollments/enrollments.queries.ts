import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  EnrollmentStatus,
  Locale,
  PaymentStatus,
  SessionStatus,
  WaitlistMode,
} from "@/lib/generated/prisma/enums";
import { requirePermission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { AppLocale } from "@/lib/i18n/routing";
import { ACTIVE_STATUSES, holdsSeat, isActiveStatus } from "@/lib/enrollments/enrollments.rules";

/** Past enrollments per page of "My enrollments". */
export const OWN_PAST_PAGE_SIZE = 10;

export type OwnMeeting = { id: string; startsAt: Date; endsAt: Date };

export type OwnEnrollment = {
  id: string;
  status: EnrollmentStatus;
  paymentStatus: PaymentStatus;
  /** Deadline of a waitlist offer (OFFERED only). */
  offerExpiresAt: Date | null;
  /** The note sent with a request for approval. */
  requestNote: string | null;
  /** 1-based place among the session's waitlisted enrollments (WAITLISTED only). */
  waitlistPosition: number | null;
  /**
   * Whether the trainee may still cancel it themselves: an active enrollment, and for a held
   * seat only before the session's cancellation cut-off (the engine's own rule; it refuses
   * anyway).
   */
  selfCancellable: boolean;
  /** Verification code of the enrollment's certificate, unless it was revoked. */
  certificateCode: string | null;
  createdAt: Date;
  course: { slug: string; code: string; title: string };
  session: {
    id: string;
    status: SessionStatus;
    startsAt: Date | null;
    endsAt: Date | null;
    language: Locale;
    priceKrw: number;
    cancellationCutoffAt: Date;
    waitlistMode: WaitlistMode;
    offerHours: number;
    /** Room name in the viewer's language. */
    room: string | null;
    /** Every meeting, in order. */
    meetings: OwnMeeting[];
  };
};

export type OwnEnrollments = {
  /** Waitlist offers to claim or decline, the nearest deadline first. */
  offers: OwnEnrollment[];
  /** Confirmed seats in sessions that have not ended, soonest first. */
  upcoming: OwnEnrollment[];
  /** Waiting for a seat, soonest session first. */
  waitlisted: OwnEnrollment[];
  /** Requests for approval, soonest session first. */
  pending: OwnEnrollment[];
  /** History, newest session first, one page of it. */
  past: { items: OwnEnrollment[]; total: number; page: number; pageCount: number };
};

const enrollmentSelect = {
  id: true,
  status: true,
  paymentStatus: true,
  offerExpiresAt: true,
  requestNote: true,
  createdAt: true,
  certificate: { select: { code: true, revokedAt: true } },
  session: {
    select: {
      id: true,
      status: true,
      startsAt: true,
      endsAt: true,
      language: true,
      priceKrw: true,
      cancellationCutoffAt: true,
      waitlistMode: true,
      offerHours: true,
      course: { select: { slug: true, code: true, titleKo: true, titleEn: true } },
      room: { select: { nameKo: true, nameEn: true } },
      // Loaded with the enrollments (one batched query for all of them), never per row.
      meetings: {
        select: { id: true, startsAt: true, endsAt: true },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      },
    },
  },
} satisfies Prisma.EnrollmentSelect;

type EnrollmentRow = Prisma.EnrollmentGetPayload<{ select: typeof enrollmentSelect }>;

function toDto(
  row: EnrollmentRow,
  locale: AppLocale,
  positions: ReadonlyMap<string, number>,
  now: Date,
): OwnEnrollment {
  const { session, certificate } = row;
  const { course, room } = session;
  return {
    id: row.id,
    status: row.status,
    paymentStatus: row.paymentStatus,
    offerExpiresAt: row.offerExpiresAt,
    requestNote: row.requestNote,
    waitlistPosition: positions.get(row.id) ?? null,
    selfCancellable:
      isActiveStatus(row.status) && !(holdsSeat(row.status) && now >= session.cancellationCutoffAt),
    certificateCode: certificate && !certificate.revokedAt ? certificate.code : null,
    createdAt: row.createdAt,
    course: {
      slug: course.slug,
      code: course.code,
      title: locale === "en" ? course.titleEn : course.titleKo,
    },
    session: {
      id: session.id,
      status: session.status,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      language: session.language,
      priceKrw: session.priceKrw,
      cancellationCutoffAt: session.cancellationCutoffAt,
      waitlistMode: session.waitlistMode,
      offerHours: session.offerHours,
      room: room ? (locale === "en" ? room.nameEn : room.nameKo) : null,
      meetings: session.meetings,
    },
  };
}

/**
 * The 1-based waitlist position of each of `userId`'s waitlisted enrollments: how many of the
 * session's WAITLISTED enrollments come at or before it in waitlist order (rank, then id as a
 * tie-break). One statement for all of them, served by the (session_id, status, waitlist_rank)
 * index.
 */
async function waitlistPositions(userId: string): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ id: string; position: bigint }[]>`
    SELECT mine.id,
           (SELECT count(*)
              FROM enrollments other
             WHERE other.session_id = mine.session_id
               AND other.status = 'WAITLISTED'
               AND (other.waitlist_rank, other.id) <= (mine.waitlist_rank, mine.id)) AS position
      FROM enrollments mine
     WHERE mine.user_id = ${userId}
       AND mine.status = 'WAITLISTED'`;
  return new Map(rows.map((r) => [r.id, Number(r.position)]));
}

/**
 * Everything on the trainee's "My enrollments" page, scoped to `user`: the active enrollments
 * split by section (with meetings and waitlist positions) and one page of the history.
 */
export async function listOwnEnrollments(
  user: CurrentUser,
  opts: { locale: AppLocale; pastPage: number; now?: Date },
): Promise<OwnEnrollments> {
  requirePermission(user, "enrollment:read:own");
  const now = opts.now ?? new Date();
  // A session without meetings yet (no end) has not ended.
  const ended: Prisma.SessionWhereInput = { endsAt: { lte: now } };
  const notEnded: Prisma.SessionWhereInput = { OR: [{ endsAt: null }, { endsAt: { gt: now } }] };

  // Active enrollments of sessions that have not ended; everything else is history: every
  // status that is not active (cancelled, declined, expired, completed, no-show, rejected, and
  // whatever history status comes next, without being named here), and any enrollment of a
  // session that has ended — a confirmed seat awaiting completion, or a waitlist place or
  // request that the session overtook, which nothing can be done about any more.
  const activeWhere: Prisma.EnrollmentWhereInput = {
    userId: user.id,
    status: { in: [...ACTIVE_STATUSES] },
    session: notEnded,
  };
  const pastWhere: Prisma.EnrollmentWhereInput = {
    userId: user.id,
    OR: [{ status: { notIn: [...ACTIVE_STATUSES] } }, { session: ended }],
  };

  const [activeRows, pastTotal, positions] = await Promise.all([
    db.enrollment.findMany({
      where: activeWhere,
      orderBy: [{ session: { startsAt: { sort: "asc", nulls: "last" } } }, { id: "asc" }],
      select: enrollmentSelect,
    }),
    db.enrollment.count({ where: pastWhere }),
    waitlistPositions(user.id),
  ]);

  const pageCount = Math.max(1, Math.ceil(pastTotal / OWN_PAST_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(opts.pastPage) || 1), pageCount);
  const pastRows =
    pastTotal === 0
      ? []
      : await db.enrollment.findMany({
          where: pastWhere,
          orderBy: [
            { session: { startsAt: { sort: "desc", nulls: "last" } } },
            { createdAt: "desc" },
            { id: "desc" },
          ],
          skip: (page - 1) * OWN_PAST_PAGE_SIZE,
          take: OWN_PAST_PAGE_SIZE,
          select: enrollmentSelect,
        });

  const active = activeRows.map((row) => toDto(row, opts.locale, positions, now));
  const byStatus = (status: EnrollmentStatus) => active.filter((e) => e.status === status);
  return {
    offers: byStatus("OFFERED").sort(
      (a, b) => (a.offerExpiresAt?.getTime() ?? 0) - (b.offerExpiresAt?.getTime() ?? 0),
    ),
    upcoming: byStatus("CONFIRMED"),
    waitlisted: byStatus("WAITLISTED"),
    pending: byStatus("PENDING_APPROVAL"),
    past: {
      items: pastRows.map((row) => toDto(row, opts.locale, positions, now)),
      total: pastTotal,
      page,
      pageCount,
    },
  };
}
