import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requirePermission } from "@/lib/auth/permissions";
import { invalidateCourseCaches } from "@/lib/courses/catalog-cache";
import { upcomingPublishedSessionsWhere } from "@/lib/courses/courses.queries";
import type { CourseInput } from "@/lib/courses/courses.schemas";

/**
 * The admin's course management: create, edit (both languages, prerequisites), publish,
 * unpublish, archive and restore. Every function takes the acting user first and checks
 * `course:manage` itself; every change is audited in its own transaction, and the catalog's
 * caches are expired once it has committed.
 *
 * What must stay true:
 * - code and slug are unique (the unique indexes decide a race; the message names the field);
 * - prerequisites never form a loop, and a course is never its own prerequisite (a CHECK backs
 *   the latter). Loops are checked under a table lock, so two admins linking A→B and B→A at the
 *   same moment cannot both succeed;
 * - an archived course is off the catalog and unpublished, and a course with published sessions
 *   that have not ended yet cannot be archived. Every change locks the course row, so the
 *   checks and the write see the same course.
 */

export type RequestMeta = { ip?: string | null };

const ENTITY = "course";

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * The course row, locked for the rest of the transaction, or NotFound. NO KEY UPDATE: it
 * serializes changes of the course itself but lets other transactions insert rows that point at
 * it (a prerequisite link, a session), whose foreign-key checks take KEY SHARE; FOR UPDATE
 * would make two crossing prerequisite edits deadlock.
 */
async function lockCourse(tx: Tx, courseId: string) {
  const [row] = await tx.$queryRaw<
    { id: string; code: string; published: boolean; archived_at: Date | null }[]
  >`SELECT id, code, published, archived_at FROM courses WHERE id = ${courseId} FOR NO KEY UPDATE`;
  if (!row) throw new NotFoundError("COURSE_NOT_FOUND");
  return { id: row.id, code: row.code, published: row.published, archivedAt: row.archived_at };
}

/** Code and slug free for this course (checked first for a clear message; the index decides races). */
async function assertCodeAndSlugFree(
  client: Tx | typeof db,
  input: { code: string; slug: string },
  courseId?: string,
): Promise<void> {
  const taken = await client.course.findMany({
    where: {
      OR: [{ code: input.code }, { slug: input.slug }],
      ...(courseId ? { id: { not: courseId } } : {}),
    },
    select: { code: true, slug: true },
  });
  if (taken.some((c) => c.code === input.code))
    throw new ValidationError("COURSE_CODE_TAKEN", "code", { code: input.code });
  if (taken.some((c) => c.slug === input.slug))
    throw new ValidationError("COURSE_SLUG_TAKEN", "slug", { slug: input.slug });
}

/** Runs a write that may lose a race on code or slug, and names the field that lost. */
async function withUniqueFields<T>(
  input: { code: string; slug: string },
  courseId: string | undefined,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another admin saved the same code or slug meanwhile; now committed, so the check names it.
    await assertCodeAndSlugFree(db, input, courseId);
    throw new ValidationError("COURSE_CODE_TAKEN", "code", { code: input.code });
  }
}

/**
 * The chosen prerequisites exist, are not the course itself, are in use (an archived course can
 * stay a prerequisite but not become one) and do not depend on the course (a loop).
 */
async function checkPrerequisites(
  tx: Tx,
  courseId: string | null,
  prerequisiteIds: string[],
  current: string[] = [],
): Promise<void> {
  if (prerequisiteIds.length === 0) return;
  if (courseId && prerequisiteIds.includes(courseId))
    throw new ValidationError("PREREQUISITE_SELF", "prerequisiteIds");
  const found = await tx.course.findMany({
    where: { id: { in: prerequisiteIds } },
    select: { id: true, code: true, archivedAt: true },
  });
  if (found.length !== prerequisiteIds.length)
    throw new ValidationError("PREREQUISITE_NOT_FOUND", "prerequisiteIds");
  const newlyArchived = found.find((c) => c.archivedAt && !current.includes(c.id));
  if (newlyArchived)
    throw new ValidationError("PREREQUISITE_ARCHIVED", "prerequisiteIds", {
      course: newlyArchived.code,
    });
  // A new course has no dependents yet, so only an edit can close a loop.
  if (!courseId) return;
  // Serializes prerequisite changes (reads stay free): the loop check below then sees every
  // link committed before this one, so concurrent edits cannot close a loop between them.
  await tx.$executeRaw`LOCK TABLE course_prerequisites IN SHARE ROW EXCLUSIVE MODE`;
  const loop = await findLoop(tx, courseId, prerequisiteIds);
  if (loop) {
    const codes = await tx.course.findMany({
      where: { id: { in: loop } },
      select: { id: true, code: true },
    });
    const code = (id: string) => codes.find((c) => c.id === id)?.code ?? id;
    throw new ValidationError("PREREQUISITE_CYCLE", "prerequisiteIds", {
      course: code(loop[0]!),
      path: loop.map(code).join(" → "),
    });
  }
}

/**
 * A chain "prerequisite → … → course" through the existing links, if any prerequisite already
 * requires the course (directly or not): adding it would close a loop. Breadth first, so the
 * shortest chain is the one reported.
 */
async function findLoop(
  tx: Tx,
  courseId: string,
  prerequisiteIds: string[],
): Promise<string[] | null> {
  const links = await tx.coursePrerequisite.findMany({
    select: { courseId: true, prerequisiteId: true },
  });
  const requires = new Map<string, string[]>();
  for (const link of links) {
    if (link.courseId === courseId) continue; // about to be replaced
    const list = requires.get(link.courseId) ?? [];
    list.push(link.prerequisiteId);
    requires.set(link.courseId, list);
  }
  for (const start of prerequisiteIds) {
    const cameFrom = new Map<string, string | null>([[start, null]]);
    const queue = [start];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (id === courseId) {
        const path: string[] = [];
        for (let at: string | null = id; at !== null; at = cameFrom.get(at) ?? null)
          path.unshift(at);
        return path;
      }
      for (const next of requires.get(id) ?? []) {
        if (!cameFrom.has(next)) {
          cameFrom.set(next, id);
          queue.push(next);
        }
      }
    }
  }
  return null;
}

/**
 * Expires the public catalog and the course pages concerned (this course, and the courses that
 * name it as a prerequisite, whose pages show its title). After commit; never throws.
 */
function invalidateCatalog(courseIds: string[]): void {
  invalidateCourseCaches({ courseIds });
}

function courseData(input: CourseInput) {
  return {
    code: input.code,
    slug: input.slug,
    titleKo: input.titleKo,
    titleEn: input.titleEn,
    summaryKo: input.summaryKo,
    summaryEn: input.summaryEn,
    descriptionKo: input.descriptionKo,
    descriptionEn: input.descriptionEn,
    outcomesKo: input.outcomesKo,
    outcomesEn: input.outcomesEn,
    category: input.category,
    level: input.level,
    durationDays: input.durationDays,
    durationHours: input.durationHours,
    deliveryLanguages: input.deliveryLanguages,
    listPriceKrw: input.listPriceKrw,
    defaultCapacity: input.defaultCapacity,
    requiresApproval: input.requiresApproval,
    completionMinAttendancePct: input.completionMinAttendancePct,
  };
}

type CourseData = ReturnType<typeof courseData>;

/** The names of the fields an edit changed, for the audit log. */
function changedFields(before: CourseData & { prerequisiteIds: string[] }, after: CourseInput) {
  const next = { ...courseData(after), prerequisiteIds: [...after.prerequisiteIds].sort() };
  const previous = { ...before, prerequisiteIds: [...before.prerequisiteIds].sort() };
  return (Object.keys(next) as (keyof typeof next)[]).filter(
    (key) => JSON.stringify(previous[key]) !== JSON.stringify(next[key]),
  );
}

/** A new course, unpublished: it reaches the catalog when an admin publishes it. */
export async function createCourse(
  actor: CurrentUser,
  input: CourseInput,
  meta: RequestMeta = {},
): Promise<{ id: string }> {
  requirePermission(actor, "course:manage");
  const created = await withUniqueFields(input, undefined, () =>
    db.$transaction(async (tx) => {
      await assertCodeAndSlugFree(tx, input);
      await checkPrerequisites(tx, null, input.prerequisiteIds);
      const course = await tx.course.create({
        data: {
          ...courseData(input),
          published: false,
          prerequisites: {
            create: input.prerequisiteIds.map((prerequisiteId) => ({ prerequisiteId })),
          },
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "course.create",
        entityType: ENTITY,
        entityId: course.id,
        data: { code: input.code, slug: input.slug, prerequisiteIds: input.prerequisiteIds },
        ip: meta.ip,
      });
      return course;
    }),
  );
  invalidateCatalog([created.id]);
  return created;
}

/** Saves an edit of both languages, the settings and the prerequisites. Archived courses are read-only. */
export async function updateCourse(
  actor: CurrentUser,
  courseId: string,
  input: CourseInput,
  meta: RequestMeta = {},
): Promise<{ changed: string[] }> {
  requirePermission(actor, "course:manage");
  const { changed, dependents } = await withUniqueFields(input, courseId, () =>
    db.$transaction(async (tx) => {
      const locked = await lockCourse(tx, courseId);
      if (locked.archivedAt) throw new ConflictError("COURSE_ARCHIVED");
      await assertCodeAndSlugFree(tx, input, courseId);
      const before = await tx.course.findUniqueOrThrow({
        where: { id: courseId },
        select: {
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
          prerequisites: { select: { prerequisiteId: true } },
          requiredBy: { select: { courseId: true } },
        },
      });
      const { prerequisites, requiredBy, ...fields } = before;
      const currentPrerequisites = prerequisites.map((p) => p.prerequisiteId);
      await checkPrerequisites(tx, courseId, input.prerequisiteIds, currentPrerequisites);
      const changed = changedFields({ ...fields, prerequisiteIds: currentPrerequisites }, input);
      if (changed.length === 0) return { changed, dependents: [] as string[] };

      await tx.course.update({ where: { id: courseId }, data: courseData(input) });
      if (changed.includes("prerequisiteIds")) {
        await tx.coursePrerequisite.deleteMany({ where: { courseId } });
        await tx.coursePrerequisite.createMany({
          data: input.prerequisiteIds.map((prerequisiteId) => ({ courseId, prerequisiteId })),
        });
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: "course.update",
        entityType: ENTITY,
        entityId: courseId,
        data: { code: input.code, changed },
        ip: meta.ip,
      });
      return { changed, dependents: requiredBy.map((r) => r.courseId) };
    }),
  );
  if (changed.length > 0) invalidateCatalog([courseId, ...dependents]);
  return { changed };
}

type StatusChange = "publish" | "unpublish" | "archive" | "restore";

/**
 * Publish, unpublish, archive or restore, under the course's row lock. Asking for the state the
 * course is already in changes nothing and is not audited (a double click, two open tabs).
 */
async function changeStatus(
  actor: CurrentUser,
  courseId: string,
  change: StatusChange,
  meta: RequestMeta,
  now: Date,
): Promise<{ changed: boolean }> {
  requirePermission(actor, "course:manage");
  const changed = await db.$transaction(async (tx) => {
    const course = await lockCourse(tx, courseId);
    let data: Prisma.CourseUpdateInput;
    switch (change) {
      case "publish":
        if (course.archivedAt) throw new ConflictError("COURSE_ARCHIVED");
        if (course.published) return false;
        data = { published: true };
        break;
      case "unpublish":
        if (!course.published) return false;
        data = { published: false };
        break;
      case "archive": {
        if (course.archivedAt) return false;
        const upcoming = await tx.session.count({
          where: { courseId, ...upcomingPublishedSessionsWhere(now) },
        });
        if (upcoming > 0)
          throw new ConflictError("COURSE_HAS_UPCOMING_SESSIONS", { count: upcoming });
        // Archiving also unpublishes: a restored course comes back as a draft to be checked.
        data = { archivedAt: now, published: false };
        break;
      }
      case "restore":
        if (!course.archivedAt) return false;
        data = { archivedAt: null };
        break;
    }
    await tx.course.update({ where: { id: courseId }, data });
    await recordAudit(tx, {
      actorId: actor.id,
      action: `course.${change}`,
      entityType: ENTITY,
      entityId: courseId,
      data: { code: course.code, wasPublished: course.published },
      ip: meta.ip,
    });
    return true;
  });
  if (changed) invalidateCatalog([courseId]);
  return { changed };
}

/** Puts the course in the catalog. */
export function publishCourse(
  actor: CurrentUser,
  courseId: string,
  meta: RequestMeta = {},
  now: Date = new Date(),
) {
  return changeStatus(actor, courseId, "publish", meta, now);
}

/** Takes the course off the catalog; its sessions and enrollments stay as they are. */
export function unpublishCourse(
  actor: CurrentUser,
  courseId: string,
  meta: RequestMeta = {},
  now: Date = new Date(),
) {
  return changeStatus(actor, courseId, "unpublish", meta, now);
}

/** Retires the course: off the catalog, read-only, out of the default admin list. */
export function archiveCourse(
  actor: CurrentUser,
  courseId: string,
  meta: RequestMeta = {},
  now: Date = new Date(),
) {
  return changeStatus(actor, courseId, "archive", meta, now);
}

/** Brings an archived course back, unpublished. */
export function restoreCourse(
  actor: CurrentUser,
  courseId: string,
  meta: RequestMeta = {},
  now: Date = new Date(),
) {
  return changeStatus(actor, courseId, "restore", meta, now);
}
