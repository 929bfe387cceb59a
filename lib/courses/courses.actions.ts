"use server";

import { createAction } from "@/lib/actions/action";
import {
  courseIdSchema,
  createCourseSchema,
  updateCourseSchema,
} from "@/lib/courses/courses.schemas";
import {
  archiveCourse,
  createCourse,
  publishCourse,
  restoreCourse,
  unpublishCourse,
  updateCourse,
} from "@/lib/courses/courses.service";

/**
 * Server actions of the admin's course management. Thin: the wrapper authenticates, checks
 * `course:manage` and validates; the service does the work (checking the permission again) and
 * expires the catalog's caches.
 */

const LIST_PAGE = "/[locale]/admin/courses";
const EDIT_PAGE = "/[locale]/admin/courses/[id]/edit";

export const createCourseAction = createAction({
  name: "courses.create",
  permission: "course:manage",
  schema: createCourseSchema,
  handler: async (user, data, { ip }) => {
    const { id } = await createCourse(user, data, { ip });
    return { redirectTo: `/admin/courses/${id}/edit?created=1`, revalidate: [LIST_PAGE] };
  },
});

export const updateCourseAction = createAction({
  name: "courses.update",
  permission: "course:manage",
  schema: updateCourseSchema,
  handler: async (user, { courseId, ...data }, { ip }) => {
    const { changed } = await updateCourse(user, courseId, data, { ip });
    return {
      message: changed.length > 0 ? "adminCourses.editor.saved" : "adminCourses.editor.unchanged",
      revalidate: [LIST_PAGE, EDIT_PAGE],
    };
  },
});

function statusAction(name: string, change: typeof publishCourse, message: string) {
  return createAction({
    name: `courses.${name}`,
    permission: "course:manage",
    schema: courseIdSchema,
    handler: async (user, { courseId }, { ip }) => {
      await change(user, courseId, { ip });
      return { message, revalidate: [LIST_PAGE, EDIT_PAGE] };
    },
  });
}

export const publishCourseAction = statusAction(
  "publish",
  publishCourse,
  "adminCourses.status.publishedNotice",
);
export const unpublishCourseAction = statusAction(
  "unpublish",
  unpublishCourse,
  "adminCourses.status.unpublishedNotice",
);
export const archiveCourseAction = statusAction(
  "archive",
  archiveCourse,
  "adminCourses.status.archivedNotice",
);
export const restoreCourseAction = statusAction(
  "restore",
  restoreCourse,
  "adminCourses.status.restoredNotice",
);
