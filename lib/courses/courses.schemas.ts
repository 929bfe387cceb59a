import { z } from "zod";
import {
  checkboxField,
  enumField,
  idField,
  intField,
  pageField,
  requiredText,
} from "@/lib/actions/fields";
import {
  COURSE_CATEGORIES,
  COURSE_LEVELS,
  DELIVERY_LANGUAGES,
} from "@/lib/courses/catalog.schemas";

/**
 * Schemas of the admin's course management, shared by the editor (client) and the server
 * actions. Pure zod. Messages are translation keys: the generic ones in `validation.*`, the
 * course-specific ones in `adminCourses.validation.*`.
 */

/** Where a course stands: archived wins over the published flag (archiving also unpublishes). */
export const COURSE_STATUSES = ["published", "unpublished", "archived"] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export function courseStatus(course: {
  published: boolean;
  archivedAt: Date | null;
}): CourseStatus {
  if (course.archivedAt) return "archived";
  return course.published ? "published" : "unpublished";
}

export const COURSE_CODE_MAX_LENGTH = 20;
/** "FT-DSP-201": capitals and digits in hyphen-separated groups. */
export const COURSE_CODE_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 80;
/** The course page's address segment: lower-case ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const TITLE_MAX_LENGTH = 150;
export const SUMMARY_MAX_LENGTH = 400;
export const DESCRIPTION_MAX_LENGTH = 10_000;
export const OUTCOME_MAX_LENGTH = 300;
export const MAX_OUTCOMES = 12;
export const MAX_PREREQUISITES = 10;

/**
 * A URL-safe slug from an English title: "ÄKTA Chromatography & mAb Purification" →
 * "akta-chromatography-mab-purification". Accents are dropped, anything else that is not a
 * letter or digit becomes a hyphen. Empty when the title has no ASCII letter or digit.
 */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, "");
}

/** A form list: one value arrives as a string, several as an array, none as undefined. */
const asList = (value: unknown): unknown[] =>
  value === undefined || value === null || value === ""
    ? []
    : Array.isArray(value)
      ? value
      : [value];

/** Outcome lines: one input per line; blank lines are dropped, at least one must remain. */
const outcomesField = () =>
  z.preprocess(
    (value) =>
      asList(value)
        .map((line) => (typeof line === "string" ? line.trim() : line))
        .filter((line) => line !== ""),
    z
      .array(z.string().max(OUTCOME_MAX_LENGTH, { error: "validation.tooLong" }))
      .min(1, { error: "adminCourses.validation.outcomesRequired" })
      .max(MAX_OUTCOMES, { error: "validation.tooMany" }),
  );

const courseCodeField = () =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required", abort: true })
    .max(COURSE_CODE_MAX_LENGTH, { error: "validation.tooLong", abort: true })
    .toUpperCase()
    .regex(COURSE_CODE_PATTERN, { error: "adminCourses.validation.codeFormat" });

/** Required by the time it is checked: an empty slug was filled from the English title first. */
const slugField = () =>
  z
    .string({ error: "adminCourses.validation.slugRequired" })
    .trim()
    .toLowerCase()
    .min(1, { error: "adminCourses.validation.slugRequired", abort: true })
    .max(SLUG_MAX_LENGTH, { error: "validation.tooLong", abort: true })
    .regex(SLUG_PATTERN, { error: "adminCourses.validation.slugFormat" });

const courseFields = z.object({
  code: courseCodeField(),
  slug: slugField(),
  titleKo: requiredText(TITLE_MAX_LENGTH),
  titleEn: requiredText(TITLE_MAX_LENGTH),
  summaryKo: requiredText(SUMMARY_MAX_LENGTH),
  summaryEn: requiredText(SUMMARY_MAX_LENGTH),
  descriptionKo: requiredText(DESCRIPTION_MAX_LENGTH),
  descriptionEn: requiredText(DESCRIPTION_MAX_LENGTH),
  outcomesKo: outcomesField(),
  outcomesEn: outcomesField(),
  category: enumField(COURSE_CATEGORIES),
  level: enumField(COURSE_LEVELS),
  durationDays: intField(1, 60),
  durationHours: intField(1, 500),
  deliveryLanguages: z.preprocess(
    asList,
    z
      .array(z.enum(DELIVERY_LANGUAGES, { error: "validation.invalidChoice" }))
      .min(1, { error: "adminCourses.validation.languagesRequired" })
      // Stored in a fixed order so that an edit that changes nothing changes nothing.
      .transform((list) => DELIVERY_LANGUAGES.filter((l) => list.includes(l))),
  ),
  listPriceKrw: intField(0, 100_000_000),
  defaultCapacity: intField(1, 200),
  requiresApproval: checkboxField(),
  /** 100 = every meeting attended (present or late). */
  completionMinAttendancePct: intField(1, 100),
  prerequisiteIds: z.preprocess(
    asList,
    z
      .array(idField())
      .max(MAX_PREREQUISITES, { error: "validation.tooMany" })
      .transform((ids) => [...new Set(ids)]),
  ),
});

/** A course day has at most 24 hours; more teaching hours than that is a typo. */
function hoursFitDays(
  value: { durationDays: number; durationHours: number },
  ctx: z.RefinementCtx,
) {
  if (value.durationHours > value.durationDays * 24) {
    ctx.addIssue({
      code: "custom",
      path: ["durationHours"],
      message: "adminCourses.validation.hoursExceedDays",
    });
  }
}

/** An empty slug is generated from the English title (the editor does this too, as you type). */
function withGeneratedSlug(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const input = raw as Record<string, unknown>;
  const typed = typeof input.slug === "string" ? input.slug.trim() : "";
  if (typed || typeof input.titleEn !== "string") return raw;
  return { ...input, slug: slugify(input.titleEn) };
}

export const createCourseSchema = z.preprocess(
  withGeneratedSlug,
  courseFields.superRefine(hoursFitDays),
);
export type CourseInput = z.output<typeof createCourseSchema>;

export const updateCourseSchema = z.preprocess(
  withGeneratedSlug,
  courseFields.extend({ courseId: idField() }).superRefine(hoursFitDays),
);
export type UpdateCourseInput = z.output<typeof updateCourseSchema>;

/** Publish, unpublish, archive and restore: the course only. */
export const courseIdSchema = z.object({ courseId: idField() });
export type CourseIdInput = z.output<typeof courseIdSchema>;

export const ADMIN_COURSES_PAGE_SIZE = 20;

/** The admin course list's search params; anything malformed falls back to "no filter". */
export const listAdminCoursesQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  category: z.enum(COURSE_CATEGORIES).optional().catch(undefined),
  status: z.enum(COURSE_STATUSES).optional().catch(undefined),
  page: pageField(),
});
export type ListAdminCoursesQuery = z.output<typeof listAdminCoursesQuerySchema>;
