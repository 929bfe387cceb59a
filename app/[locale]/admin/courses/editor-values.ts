import type { CourseForEdit } from "@/lib/courses/courses.queries";

/** The editor's starting point: a stored course, or the defaults of a new one. Strings as in inputs. */
export type CourseEditorValues = {
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
  category: string;
  level: string;
  durationDays: string;
  durationHours: string;
  deliveryLanguages: string[];
  listPriceKrw: string;
  defaultCapacity: string;
  requiresApproval: boolean;
  completionMinAttendancePct: string;
  prerequisiteIds: string[];
};

/** A new course: Korean delivery, one 7-hour day, 12 seats, completion = every meeting attended. */
export const NEW_COURSE_VALUES: CourseEditorValues = {
  code: "",
  slug: "",
  titleKo: "",
  titleEn: "",
  summaryKo: "",
  summaryEn: "",
  descriptionKo: "",
  descriptionEn: "",
  outcomesKo: [],
  outcomesEn: [],
  category: "",
  level: "",
  durationDays: "1",
  durationHours: "7",
  deliveryLanguages: ["ko"],
  listPriceKrw: "",
  defaultCapacity: "12",
  requiresApproval: false,
  completionMinAttendancePct: "100",
  prerequisiteIds: [],
};

export function courseEditorValues(course: CourseForEdit): CourseEditorValues {
  return {
    code: course.code,
    slug: course.slug,
    titleKo: course.titleKo,
    titleEn: course.titleEn,
    summaryKo: course.summaryKo,
    summaryEn: course.summaryEn,
    descriptionKo: course.descriptionKo,
    descriptionEn: course.descriptionEn,
    outcomesKo: course.outcomesKo,
    outcomesEn: course.outcomesEn,
    category: course.category,
    level: course.level,
    durationDays: String(course.durationDays),
    durationHours: String(course.durationHours),
    deliveryLanguages: course.deliveryLanguages,
    listPriceKrw: String(course.listPriceKrw),
    defaultCapacity: String(course.defaultCapacity),
    requiresApproval: course.requiresApproval,
    completionMinAttendancePct: String(course.completionMinAttendancePct),
    prerequisiteIds: course.prerequisiteIds,
  };
}
