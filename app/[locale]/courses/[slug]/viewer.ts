import "server-only";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listCompletedCourseIds } from "@/lib/courses/course.queries";
import { getEnrollOptions } from "@/lib/enrollments/enrollments.options";

/**
 * What the course page shows differently per viewer, read once per request however many of
 * its <Suspense> holes ask (React `cache`, keyed by the joined ids). Never cached across
 * requests: it depends on the session.
 */
export const viewerEnrollOptions = cache(async (sessionIdsKey: string) =>
  getEnrollOptions(await getCurrentUser(), sessionIdsKey ? sessionIdsKey.split(",") : []),
);

/** The prerequisite courses the viewer has completed, or null for a visitor. */
export const viewerCompletedCourses = cache(async (courseIdsKey: string) => {
  const user = await getCurrentUser();
  if (!user) return null;
  return listCompletedCourseIds(user, courseIdsKey ? courseIdsKey.split(",") : []);
});
