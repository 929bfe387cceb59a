import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requirePermission } from "@/lib/auth/permissions";
import type {
  CourseCategoryValue,
  CourseLevelValue,
  DeliveryLanguage,
} from "@/lib/courses/catalog.schemas";
import {
  ADMIN_COURSES_PAGE_SIZE,
  courseStatus,
  type CourseStatus,
  type ListAdminCoursesQuery,
} from "@/lib/courses/courses.schemas";

/**
 * The admin's reads of the course catalog: every course whatever its state, both languages.
 * The public catalog's reads are lib/courses/catalog.queries.ts.
 */

/**
 * A published session that has not ended yet: it still has (or will have) trainees in the
 * room, so its course must stay in place. Shared by the list, the edit page and archiving.
 */
export function upcomingPublishedSessionsWhere(now: Date): Prisma.SessionWhereInput {
  return {
    status: "PUBLISHED",
    OR: [{ endsAt: { gt: now } }, { endsAt: null, startsAt: { gt: now } }],
  };
}

export type AdminCourseRow = {
  id: string;
  code: string;
  slug: string;
  titleKo: string;
  titleEn: string;
  category: CourseCategoryValue;
  level: CourseLevelValue;
  status: CourseStatus;
  listPriceKrw: number;
  upcomingSessions: number;
  updatedAt: Date;
};

export type AdminCoursePage = {
  items: AdminCourseRow[];
  total: number;
  page: number;
  pageCount: number;
};

function statusWhere(status: CourseStatus | undefined): Prisma.CourseWhereInput {
  switch (status) {
    case "archived":
      return { archivedAt: { not: null } };
    case "published":
      return { archivedAt: null, published: true };
    case "unpublished":
      return { archivedAt: null, published: false };
    default:
      // Without a status filter the list shows the courses in use; archived ones have their own view.
      return { archivedAt: null };
  }
}

/** One page of courses for the admin list: search by code, title (either language) or slug. */
export async function listAdminCourses(
  actor: CurrentUser,
  query: ListAdminCoursesQuery,
  now: Date = new Date(),
): Promise<AdminCoursePage> {
  requirePermission(actor, "course:manage");
  const where: Prisma.CourseWhereInput = {
    ...statusWhere(query.status),
    ...(query.category ? { category: query.category } : {}),
    ...(query.q
      ? {
          OR: [
            { code: { contains: query.q, mode: "insensitive" } },
            { titleKo: { contains: query.q, mode: "insensitive" } },
            { titleEn: { contains: query.q, mode: "insensitive" } },
            { slug: { contains: query.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const total = await db.course.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_COURSES_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.course.findMany({
    where,
    orderBy: [{ code: "asc" }, { id: "asc" }],
    skip: (page - 1) * ADMIN_COURSES_PAGE_SIZE,
    take: ADMIN_COURSES_PAGE_SIZE,
    select: {
      id: true,
      code: true,
      slug: true,
      titleKo: true,
      titleEn: true,
      category: true,
      level: true,
      published: true,
      archivedAt: true,
      listPriceKrw: true,
      updatedAt: true,
      _count: { select: { sessions: { where: upcomingPublishedSessionsWhere(now) } } },
    },
  });
  return {
    items: rows.map(({ published, archivedAt, _count, ...row }) => ({
      ...row,
      status: courseStatus({ published, archivedAt }),
      upcomingSessions: _count.sessions,
    })),
    total,
    page,
    pageCount,
  };
}

export type CourseForEdit = {
  id: string;
  code: string;
  slug: string;
  titleKo: string;
  titleEn: string;
  summaryKo: string;
  summaryEn: string;
  descriptionKo: string;
  descriptionEn: string;
  outcomesKo: string[];
  outcomesEn: string[];
  category: CourseCategoryValue;
  level: CourseLevelValue;
  durationDays: number;
  durationHours: number;
  deliveryLanguages: DeliveryLanguage[];
  listPriceKrw: number;
  defaultCapacity: number;
  requiresApproval: boolean;
  completionMinAttendancePct: number;
  prerequisiteIds: string[];
  status: CourseStatus;
  archivedAt: Date | null;
  updatedAt: Date;
  /** Published sessions that have not ended: archiving is refused while there are any. */
  upcomingSessions: number;
  /** Courses that list this one as a prerequisite. */
  requiredByCount: number;
};

/** A course with everything the editor shows, or null. */
export async function getCourseForEdit(
  actor: CurrentUser,
  courseId: string,
  now: Date = new Date(),
): Promise<CourseForEdit | null> {
  requirePermission(actor, "course:manage");
  const course = await db.course.findUnique({
    where: { id: courseId },
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
      defaultCapacity: true,
      requiresApproval: true,
      completionMinAttendancePct: true,
      published: true,
      archivedAt: true,
      updatedAt: true,
      prerequisites: {
        select: { prerequisiteId: true },
        orderBy: { prerequisite: { code: "asc" } },
      },
      _count: {
        select: {
          sessions: { where: upcomingPublishedSessionsWhere(now) },
          requiredBy: true,
        },
      },
    },
  });
  if (!course) return null;
  const { published, prerequisites, _count, ...rest } = course;
  return {
    ...rest,
    status: courseStatus({ published, archivedAt: course.archivedAt }),
    prerequisiteIds: prerequisites.map((p) => p.prerequisiteId),
    upcomingSessions: _count.sessions,
    requiredByCount: _count.requiredBy,
  };
}

export type PrerequisiteOption = {
  id: string;
  code: string;
  titleKo: string;
  titleEn: string;
  archived: boolean;
  /**
   * The course being edited is already a prerequisite of this one (directly or through others):
   * choosing it would make a loop, so the editor offers it disabled.
   */
  dependsOnCourse: boolean;
};

/**
 * The courses the editor offers as prerequisites: every course in use, plus archived ones that
 * are already chosen (so they can be seen and removed); never the course itself.
 */
export async function listPrerequisiteOptions(
  actor: CurrentUser,
  courseId?: string,
): Promise<PrerequisiteOption[]> {
  requirePermission(actor, "course:manage");
  const [courses, dependents] = await Promise.all([
    db.course.findMany({
      where: {
        ...(courseId ? { id: { not: courseId } } : {}),
        OR: [{ archivedAt: null }, ...(courseId ? [{ requiredBy: { some: { courseId } } }] : [])],
      },
      orderBy: [{ code: "asc" }, { id: "asc" }],
      select: { id: true, code: true, titleKo: true, titleEn: true, archivedAt: true },
    }),
    courseId ? listDependentCourseIds(courseId) : Promise.resolve(new Set<string>()),
  ]);
  return courses.map(({ archivedAt, ...course }) => ({
    ...course,
    archived: archivedAt !== null,
    dependsOnCourse: dependents.has(course.id),
  }));
}

/** Every course that requires `courseId`, directly or through a chain of prerequisites. */
async function listDependentCourseIds(courseId: string): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE dependents(id) AS (
      SELECT course_id FROM course_prerequisites WHERE prerequisite_id = ${courseId}
      UNION
      SELECT p.course_id FROM course_prerequisites p JOIN dependents d ON p.prerequisite_id = d.id
    )
    SELECT id FROM dependents`;
  return new Set(rows.map((r) => r.id));
}
