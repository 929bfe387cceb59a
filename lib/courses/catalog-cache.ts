import "server-only";
import { cacheLife, cacheTag, revalidateTag, updateTag } from "next/cache";
import { logger } from "@/lib/logger";
import type { AppLocale } from "@/lib/i18n/routing";
import { listCatalogCourses, listCatalogMonths } from "@/lib/courses/catalog.queries";
import type { CatalogQuery } from "@/lib/courses/catalog.schemas";
import { getCourseDetail } from "@/lib/courses/course.queries";

/**
 * The catalog's and course pages' data through Cache Components (`"use cache"`), and its
 * invalidation. The data is the same for every visitor, so it is cached once per query and
 * language and prerendered into the pages; what depends on the viewer (their enroll button,
 * their prerequisites) is read per request elsewhere.
 *
 * Freshness:
 * - The enrollment engine calls `invalidateSeatCaches` after every committed seat change. Inside
 *   a server action that is `updateTag`: the acting trainee's next render (the action's own
 *   response included) waits for fresh data, so they see their own change at once.
 * - `revalidateTag(tag, { expire: 0 })` elsewhere in a request (route handlers).
 * - Outside any request (the worker in its own process, or inside the web process on a timer)
 *   Next.js has no cache to reach and throws; that is ignored, and the short lifetime below is
 *   the safety net: such a change shows within SEATS_REVALIDATE_SECONDS (+ one request).
 */

export const CATALOG_TAG = "catalog";
/** Every course page's data (a newly published course, a changed slug). */
export const COURSES_TAG = "courses";
export const courseTag = (courseId: string) => `course:${courseId}`;
export const sessionTag = (sessionId: string) => `session:${sessionId}`;

/**
 * stale ≥ 30 s and expire ≥ 5 min keep the data in the prerendered pages (shorter lifetimes
 * turn it into per-request work, see the cacheLife docs); revalidate 30 s bounds how long a
 * change made outside a request (the worker) can go unseen.
 */
export const SEATS_REVALIDATE_SECONDS = 30;

/** One page of the catalog (see listCatalogCourses), cached per query and language. */
export async function getCatalogPage(query: CatalogQuery, locale: AppLocale) {
  "use cache";
  cacheLife({ stale: 30, revalidate: SEATS_REVALIDATE_SECONDS, expire: 300 });
  cacheTag(CATALOG_TAG);
  return listCatalogCourses(query, locale);
}

/** The month filter's options. */
export async function getCatalogMonths() {
  "use cache";
  cacheLife({ stale: 30, revalidate: SEATS_REVALIDATE_SECONDS, expire: 300 });
  cacheTag(CATALOG_TAG);
  return listCatalogMonths();
}

/** A course page's data, or null; tagged with the course and each of its sessions. */
export async function getCoursePage(slug: string, locale: AppLocale) {
  "use cache";
  cacheLife({ stale: 30, revalidate: SEATS_REVALIDATE_SECONDS, expire: 300 });
  cacheTag(COURSES_TAG);
  const course = await getCourseDetail(slug, locale);
  if (course) cacheTag(courseTag(course.id), ...course.sessions.map((s) => sessionTag(s.id)));
  return course;
}

/**
 * Expires what a seat change makes stale: every catalog page (seats left, "has seats", the
 * sort by next session) and the pages of the courses concerned. Never throws: the change is
 * committed, and a cache that cannot be reached from here catches up by its lifetime.
 */
export function invalidateSeatCaches({
  sessionIds,
  courseIds,
}: {
  sessionIds: string[];
  courseIds: string[];
}): void {
  const tags = [CATALOG_TAG, ...courseIds.map(courseTag), ...sessionIds.map(sessionTag)];
  for (const tag of tags) expireTag(tag);
}

/**
 * Expires what a change to courses themselves makes stale (created, edited, published,
 * unpublished, archived, a new slug): the catalog and every course page, including a cached
 * "not found" for a slug that now exists. Never throws, like invalidateSeatCaches.
 */
export function invalidateCourseCaches({ courseIds }: { courseIds: string[] }): void {
  for (const tag of [CATALOG_TAG, COURSES_TAG, ...courseIds.map(courseTag)]) expireTag(tag);
}

function expireTag(tag: string): void {
  try {
    // Server actions only (read-your-own-writes); throws anywhere else.
    updateTag(tag);
    return;
  } catch {
    // Not in a server action: try the request-scoped form below.
  }
  try {
    revalidateTag(tag, { expire: 0 });
  } catch (err) {
    // Outside a request (worker, tests): no cache here to expire.
    logger.debug({ tag, err: (err as Error).message }, "cache tag not expired outside a request");
  }
}
