import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AppLocale } from "@/lib/i18n/routing";
import {
  registrationState,
  seatAvailability,
  type RegistrationState,
  type SeatAvailability,
} from "@/lib/courses/availability";
import {
  CARD_SESSION_LIMIT,
  CATALOG_PAGE_SIZE,
  hasSessionFilters,
  seoulMonthRange,
  type CatalogQuery,
  type CourseCategoryValue,
  type CourseLevelValue,
  type DeliveryLanguage,
} from "@/lib/courses/catalog.schemas";

/**
 * The public catalog's reads. Plain DTOs in one language; no viewer (the catalog is the same for
 * everyone, which is what lets lib/courses/catalog-cache.ts cache it). Two queries per page:
 * the page of courses (filters, search, sort, count) and the next sessions of those courses.
 */

export type CatalogSession = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  language: DeliveryLanguage;
  priceKrw: number;
  capacity: number;
  seatsLeft: number;
  availability: SeatAvailability;
  registration: RegistrationState;
  registrationOpensAt: Date;
  meetingCount: number;
};

export type CatalogCourse = {
  id: string;
  code: string;
  slug: string;
  title: string;
  summary: string;
  category: CourseCategoryValue;
  level: CourseLevelValue;
  durationDays: number;
  durationHours: number;
  deliveryLanguages: DeliveryLanguage[];
  listPriceKrw: number;
  requiresApproval: boolean;
  hasPrerequisites: boolean;
  /** The next upcoming published sessions that match the session filters, soonest first. */
  nextSessions: CatalogSession[];
  /** Further matching upcoming sessions not listed on the card. */
  moreSessions: number;
};

export type CatalogPage = {
  items: CatalogCourse[];
  /** Matching courses on all pages. */
  total: number;
  page: number;
  pageCount: number;
};

type CourseRow = {
  id: string;
  code: string;
  slug: string;
  title_ko: string;
  title_en: string;
  summary_ko: string;
  summary_en: string;
  category: CourseCategoryValue;
  level: CourseLevelValue;
  duration_days: number;
  duration_hours: number;
  delivery_languages: DeliveryLanguage[];
  list_price_krw: number;
  requires_approval: boolean;
  has_prerequisites: boolean;
  total: bigint;
};

/** `%`, `_` and `\` typed by the visitor match themselves, not any text. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Conditions on a session (`s`) that the session-level filters add; always upcoming and published. */
function sessionConditions(query: CatalogQuery, now: Date): Prisma.Sql {
  const parts = [Prisma.sql`s.status = 'PUBLISHED'`, Prisma.sql`s.starts_at > ${now}`];
  if (query.language) parts.push(Prisma.sql`s.language = ${query.language}::"Locale"`);
  if (query.month) {
    const { from, to } = seoulMonthRange(query.month);
    parts.push(Prisma.sql`s.starts_at >= ${from} AND s.starts_at < ${to}`);
  }
  if (query.hasSeats) parts.push(Prisma.sql`s.seats_held < s.capacity`);
  return Prisma.join(parts, " AND ");
}

function sessionWhere(query: CatalogQuery, now: Date): Prisma.SessionWhereInput {
  const range = query.month ? seoulMonthRange(query.month) : null;
  return {
    status: "PUBLISHED",
    startsAt: { gt: now, ...(range ? { gte: range.from, lt: range.to } : {}) },
    ...(query.language ? { language: query.language } : {}),
    ...(query.hasSeats ? { seatsHeld: { lt: db.session.fields.capacity } } : {}),
  };
}

function orderBy(query: CatalogQuery, locale: AppLocale): Prisma.Sql {
  // Code point order is dictionary order for Hangul; "C" keeps it the same on every server.
  const title =
    locale === "en" ? Prisma.sql`lower(c.title_en) COLLATE "C"` : Prisma.sql`c.title_ko COLLATE "C"`;
  switch (query.sort) {
    case "title":
      return Prisma.sql`${title} ASC, c.code ASC`;
    case "price":
      return Prisma.sql`c.list_price_krw ASC, upcoming.next_start ASC NULLS LAST, c.code ASC`;
    case "relevance": {
      // A title that contains the term first, then the closest titles, then the soonest run.
      const q = query.q ?? "";
      const pattern = likePattern(q);
      return Prisma.sql`(c.title_ko ILIKE ${pattern} OR c.title_en ILIKE ${pattern}) DESC,
        greatest(word_similarity(${q}, c.title_ko), word_similarity(${q}, c.title_en)) DESC,
        upcoming.next_start ASC NULLS LAST, c.code ASC`;
    }
    default:
      return Prisma.sql`upcoming.next_start ASC NULLS LAST, c.code ASC`;
  }
}

/**
 * One page of the catalog. Search matches part of a word in either language (`ILIKE '%term%'`
 * on the titles, summaries and code, backed by the trigram indexes of the init migration) and
 * tolerates a typo in a title (`<%`, word similarity). With a session-level filter (language,
 * month, has seats) a course is listed only when one of its upcoming sessions matches.
 */
export async function listCatalogCourses(
  query: CatalogQuery,
  locale: AppLocale,
  now: Date = new Date(),
): Promise<CatalogPage> {
  const courseConditions = [Prisma.sql`c.published`, Prisma.sql`c.archived_at IS NULL`];
  if (query.category) {
    courseConditions.push(Prisma.sql`c.category = ${query.category}::"CourseCategory"`);
  }
  if (query.level) courseConditions.push(Prisma.sql`c.level = ${query.level}::"CourseLevel"`);
  if (query.q) {
    const pattern = likePattern(query.q);
    courseConditions.push(Prisma.sql`(
      c.title_ko ILIKE ${pattern} OR c.title_en ILIKE ${pattern}
      OR c.summary_ko ILIKE ${pattern} OR c.summary_en ILIKE ${pattern}
      OR c.code ILIKE ${pattern}
      OR ${query.q} <% c.title_ko OR ${query.q} <% c.title_en
    )`);
  }
  if (hasSessionFilters(query)) courseConditions.push(Prisma.sql`upcoming.next_start IS NOT NULL`);

  const fromWhere = Prisma.sql`
    FROM courses c
    LEFT JOIN LATERAL (
      SELECT min(s.starts_at) AS next_start FROM sessions s
      WHERE s.course_id = c.id AND ${sessionConditions(query, now)}
    ) upcoming ON true
    WHERE ${Prisma.join(courseConditions, " AND ")}`;

  const rows = await db.$queryRaw<CourseRow[]>`
    SELECT c.id, c.code, c.slug, c.title_ko, c.title_en, c.summary_ko, c.summary_en,
           c.category::text AS category, c.level::text AS level,
           c.duration_days, c.duration_hours, c.delivery_languages::text[] AS delivery_languages,
           c.list_price_krw, c.requires_approval,
           EXISTS (SELECT 1 FROM course_prerequisites p WHERE p.course_id = c.id) AS has_prerequisites,
           count(*) OVER () AS total
    ${fromWhere}
    ORDER BY ${orderBy(query, locale)}
    LIMIT ${CATALOG_PAGE_SIZE} OFFSET ${(query.page - 1) * CATALOG_PAGE_SIZE}`;

  // A page past the end has no row to carry the total; the page then links back to page 1.
  let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  if (rows.length === 0 && query.page > 1) {
    const [counted] = await db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total ${fromWhere}`;
    total = Number(counted?.total ?? 0);
  }
  const sessions = await listNextSessions(
    rows.map((r) => r.id),
    query,
    now,
  );
  return {
    items: rows.map((row) => {
      const upcoming = sessions.get(row.id) ?? [];
      return {
        id: row.id,
        code: row.code,
        slug: row.slug,
        title: locale === "en" ? row.title_en : row.title_ko,
        summary: locale === "en" ? row.summary_en : row.summary_ko,
        category: row.category,
        level: row.level,
        durationDays: row.duration_days,
        durationHours: row.duration_hours,
        deliveryLanguages: row.delivery_languages,
        listPriceKrw: row.list_price_krw,
        requiresApproval: row.requires_approval,
        hasPrerequisites: row.has_prerequisites,
        nextSessions: upcoming.slice(0, CARD_SESSION_LIMIT),
        moreSessions: Math.max(0, upcoming.length - CARD_SESSION_LIMIT),
      };
    }),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / CATALOG_PAGE_SIZE)),
  };
}

/** The matching upcoming sessions of the listed courses, in one query, grouped by course. */
async function listNextSessions(
  courseIds: string[],
  query: CatalogQuery,
  now: Date,
): Promise<Map<string, CatalogSession[]>> {
  const byCourse = new Map<string, CatalogSession[]>();
  if (courseIds.length === 0) return byCourse;
  const sessions = await db.session.findMany({
    where: { courseId: { in: courseIds }, ...sessionWhere(query, now) },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      courseId: true,
      startsAt: true,
      endsAt: true,
      language: true,
      priceKrw: true,
      capacity: true,
      seatsHeld: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      _count: { select: { meetings: true } },
    },
  });
  for (const s of sessions) {
    const list = byCourse.get(s.courseId) ?? [];
    list.push({
      id: s.id,
      // Published sessions always have meetings; starts_at/ends_at follow them (trigger).
      startsAt: s.startsAt!,
      endsAt: s.endsAt ?? s.startsAt!,
      language: s.language,
      priceKrw: s.priceKrw,
      capacity: s.capacity,
      seatsLeft: Math.max(0, s.capacity - s.seatsHeld),
      availability: seatAvailability(s.capacity, s.seatsHeld),
      registration: registrationState(s, now),
      registrationOpensAt: s.registrationOpensAt,
      meetingCount: s._count.meetings,
    });
    byCourse.set(s.courseId, list);
  }
  return byCourse;
}

/** Months ("2026-12", Seoul time) in which an upcoming published session starts: the month filter's options. */
export async function listCatalogMonths(now: Date = new Date()): Promise<string[]> {
  const rows = await db.$queryRaw<{ month: string }[]>`
    SELECT DISTINCT to_char(s.starts_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM') AS month
    FROM sessions s JOIN courses c ON c.id = s.course_id
    WHERE s.status = 'PUBLISHED' AND s.starts_at > ${now}
      AND c.published AND c.archived_at IS NULL
    ORDER BY month`;
  return rows.map((r) => r.month);
}
