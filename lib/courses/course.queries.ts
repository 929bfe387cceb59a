import "server-only";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requirePermission } from "@/lib/auth/permissions";
import type { AppLocale } from "@/lib/i18n/routing";
import {
  registrationState,
  seatAvailability,
  type RegistrationState,
  type SeatAvailability,
} from "@/lib/courses/availability";
import type {
  CourseCategoryValue,
  CourseLevelValue,
  DeliveryLanguage,
} from "@/lib/courses/catalog.schemas";

/**
 * The course page's reads. `getCourseDetail` is the same for every visitor (cached by
 * lib/courses/catalog-cache.ts); `listCompletedCourseIds` is the viewer's own and never cached
 * across users.
 */

export type CourseMeeting = { id: string; startsAt: Date; endsAt: Date };

export type CourseSessionDetail = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  meetings: CourseMeeting[];
  language: DeliveryLanguage;
  room: { code: string; name: string } | null;
  /** Lead instructor first. */
  instructors: string[];
  priceKrw: number;
  capacity: number;
  seatsLeft: number;
  availability: SeatAvailability;
  registration: RegistrationState;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  cancellationCutoffAt: Date;
  waitlistMode: "AUTO" | "OFFER";
};

export type CoursePrerequisite = { id: string; code: string; slug: string; title: string };

export type CourseDetail = {
  id: string;
  code: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  outcomes: string[];
  category: CourseCategoryValue;
  level: CourseLevelValue;
  durationDays: number;
  durationHours: number;
  deliveryLanguages: DeliveryLanguage[];
  listPriceKrw: number;
  requiresApproval: boolean;
  prerequisites: CoursePrerequisite[];
  /** Every upcoming published session (not started yet), soonest first, with all its meetings. */
  sessions: CourseSessionDetail[];
  /** The course in the other language, for `hreflang` alternates and the language switcher. */
  titles: Record<DeliveryLanguage, string>;
};

/** A published course by its slug, in one language, or null (unknown, unpublished or archived). */
export async function getCourseDetail(
  slug: string,
  locale: AppLocale,
  now: Date = new Date(),
): Promise<CourseDetail | null> {
  const en = locale === "en";
  const course = await db.course.findFirst({
    where: { slug, published: true, archivedAt: null },
    select: {
      id: true,
      code: true,
      slug: true,
      titleKo: true,
      titleEn: true,
      summaryKo: true,
      summaryEn: true,
      descriptionKo: true,
      descriptionEn: true,
      outcomesKo: true,
      outcomesEn: true,
      category: true,
      level: true,
      durationDays: true,
      durationHours: true,
      deliveryLanguages: true,
      listPriceKrw: true,
      requiresApproval: true,
      prerequisites: {
        select: {
          prerequisite: {
            select: { id: true, code: true, slug: true, titleKo: true, titleEn: true },
          },
        },
        orderBy: { prerequisite: { code: "asc" } },
      },
      sessions: {
        where: { status: "PUBLISHED", startsAt: { gt: now } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          language: true,
          priceKrw: true,
          capacity: true,
          seatsHeld: true,
          registrationOpensAt: true,
          registrationClosesAt: true,
          cancellationCutoffAt: true,
          waitlistMode: true,
          room: { select: { code: true, nameKo: true, nameEn: true } },
          meetings: {
            orderBy: { startsAt: "asc" },
            select: { id: true, startsAt: true, endsAt: true },
          },
          instructors: {
            orderBy: [{ lead: "desc" }, { user: { name: "asc" } }],
            select: { user: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (!course) return null;
  return {
    id: course.id,
    code: course.code,
    slug: course.slug,
    title: en ? course.titleEn : course.titleKo,
    summary: en ? course.summaryEn : course.summaryKo,
    description: en ? course.descriptionEn : course.descriptionKo,
    outcomes: en ? course.outcomesEn : course.outcomesKo,
    category: course.category,
    level: course.level,
    durationDays: course.durationDays,
    durationHours: course.durationHours,
    deliveryLanguages: course.deliveryLanguages,
    listPriceKrw: course.listPriceKrw,
    requiresApproval: course.requiresApproval,
    titles: { ko: course.titleKo, en: course.titleEn },
    prerequisites: course.prerequisites.map(({ prerequisite: p }) => ({
      id: p.id,
      code: p.code,
      slug: p.slug,
      title: en ? p.titleEn : p.titleKo,
    })),
    sessions: course.sessions.map((s) => ({
      id: s.id,
      // A published session has meetings, and starts_at/ends_at follow them (trigger).
      startsAt: s.startsAt!,
      endsAt: s.endsAt ?? s.startsAt!,
      meetings: s.meetings,
      language: s.language,
      room: s.room ? { code: s.room.code, name: en ? s.room.nameEn : s.room.nameKo } : null,
      instructors: s.instructors.map((i) => i.user.name),
      priceKrw: s.priceKrw,
      capacity: s.capacity,
      seatsLeft: Math.max(0, s.capacity - s.seatsHeld),
      availability: seatAvailability(s.capacity, s.seatsHeld),
      registration: registrationState(s, now),
      registrationOpensAt: s.registrationOpensAt,
      registrationClosesAt: s.registrationClosesAt,
      cancellationCutoffAt: s.cancellationCutoffAt,
      waitlistMode: s.waitlistMode,
    })),
  };
}

/**
 * Which of `courseIds` the viewer has completed: an enrollment of theirs with status COMPLETED
 * in a session of that course. Scoped to the viewer in the query.
 */
export async function listCompletedCourseIds(
  viewer: CurrentUser,
  courseIds: string[],
): Promise<Set<string>> {
  requirePermission(viewer, "enrollment:read:own");
  if (courseIds.length === 0) return new Set();
  const rows = await db.enrollment.findMany({
    where: { userId: viewer.id, status: "COMPLETED", session: { courseId: { in: courseIds } } },
    select: { session: { select: { courseId: true } } },
  });
  return new Set(rows.map((r) => r.session.courseId));
}
