import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError, ForbiddenError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { runAction, type ServerAction } from "@/lib/actions/action";
import type { CurrentUser } from "@/lib/auth/current-user";
import { listCatalogCourses } from "@/lib/courses/catalog.queries";
import { catalogQuerySchema } from "@/lib/courses/catalog.schemas";
import {
  archiveCourseAction,
  createCourseAction,
  publishCourseAction,
  restoreCourseAction,
  unpublishCourseAction,
  updateCourseAction,
} from "@/lib/courses/courses.actions";
import {
  getCourseForEdit,
  listAdminCourses,
  listPrerequisiteOptions,
} from "@/lib/courses/courses.queries";
import { slugify, type CourseInput } from "@/lib/courses/courses.schemas";
import {
  archiveCourse,
  createCourse,
  publishCourse,
  restoreCourse,
  unpublishCourse,
  updateCourse,
} from "@/lib/courses/courses.service";
import { createTestSession } from "@/lib/enrollments/enrollments.test-helpers";
import { describeRealPostgres } from "@/lib/test/database";
import { createPartnerOrganization, createTestUser } from "@/lib/users/users.test-helpers";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";

/**
 * The admin's course management (issue 4): create and edit in both languages, slug and code
 * uniqueness, prerequisite loops, publish / unpublish / archive / restore with their rules,
 * the audit trail, what the public catalog shows afterwards — and every action refused to
 * trainees, partners and instructors with nothing changed.
 */

let admin: CurrentUser;
const callers = {} as Record<Exclude<Role, "ADMIN">, CurrentUser>;

beforeAll(async () => {
  admin = await createTestUser({ role: "ADMIN", name: "Admin Kang" });
  const partnerOrgId = (await createPartnerOrganization()).id;
  for (const role of ["TRAINEE", "INSTRUCTOR", "PARTNER"] as const) {
    callers[role] = await createTestUser({
      role,
      organizationId: role === "PARTNER" ? partnerOrgId : null,
    });
  }
});

const unique = () => randomUUID().slice(0, 8).toUpperCase();

/** A complete, valid course as the service takes it. */
function courseInput(overrides: Partial<CourseInput> = {}): CourseInput {
  const id = unique();
  return {
    code: `FT-TST-${id}`,
    slug: `membrane-filtration-${id.toLowerCase()}`,
    titleKo: `막 여과 실습 ${id}`,
    titleEn: `Membrane Filtration Practice ${id}`,
    summaryKo: "TFF와 바이러스 여과를 직접 실습합니다.",
    summaryEn: "Hands-on TFF and virus filtration.",
    descriptionKo: "첫째 날에는 TFF를 다룹니다.\n\n둘째 날에는 바이러스 여과를 다룹니다.",
    descriptionEn: "Day one covers TFF.\n\nDay two covers virus filtration.",
    outcomesKo: ["TFF 시스템을 설치한다", "플럭스를 최적화한다"],
    outcomesEn: ["Set up a TFF system", "Optimise flux"],
    category: "DOWNSTREAM",
    level: "INTERMEDIATE",
    durationDays: 2,
    durationHours: 14,
    deliveryLanguages: ["ko", "en"],
    listPriceKrw: 650_000,
    defaultCapacity: 10,
    requiresApproval: false,
    completionMinAttendancePct: 100,
    prerequisiteIds: [],
    ...overrides,
  };
}

/** The same course as a browser submits it (FormData, repeated names for lists). */
function courseForm(input: CourseInput, extra: Record<string, string> = {}): FormData {
  const fd = new FormData();
  for (const [name, value] of Object.entries({ ...input, ...extra })) {
    if (Array.isArray(value)) for (const item of value) fd.append(name, item);
    else if (typeof value === "boolean") {
      if (value) fd.append(name, "on");
    } else fd.append(name, String(value));
  }
  return fd;
}

function form(entries: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
}

async function auditOf(courseId: string) {
  return db.auditLog.findMany({
    where: { entityType: "course", entityId: courseId },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, data: true },
  });
}

/** The public catalog (English), searched by code: what a visitor would find. */
async function inCatalog(code: string): Promise<boolean> {
  const page = await listCatalogCourses(catalogQuerySchema.parse({ q: code }), "en");
  return page.items.some((c) => c.code === code);
}

async function codeOf(id: string) {
  return (await db.course.findUniqueOrThrow({ where: { id }, select: { code: true } })).code;
}

/** Expects a domain error with this code (and params, when given). */
async function expectRefusal(
  promise: Promise<unknown>,
  code: string,
  params?: Record<string, string | number>,
) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (params) expect((error as DomainError).params).toMatchObject(params);
}

describe("creating a course", () => {
  it("stores both languages unpublished, with prerequisites, and audits it", async () => {
    const prerequisite = await createCourse(admin, courseInput());
    const input = courseInput({ prerequisiteIds: [prerequisite.id], requiresApproval: true });
    const { id } = await createCourse(admin, input, { ip: "203.0.113.9" });

    const course = await getCourseForEdit(admin, id);
    expect(course).toMatchObject({
      code: input.code,
      slug: input.slug,
      titleKo: input.titleKo,
      titleEn: input.titleEn,
      outcomesKo: input.outcomesKo,
      outcomesEn: input.outcomesEn,
      deliveryLanguages: ["ko", "en"],
      requiresApproval: true,
      completionMinAttendancePct: 100,
      prerequisiteIds: [prerequisite.id],
      status: "unpublished",
    });
    expect(await inCatalog(input.code)).toBe(false);

    const audit = await db.auditLog.findMany({
      where: { entityType: "course", entityId: id },
      select: { action: true, actorId: true, ip: true, data: true },
    });
    expect(audit).toEqual([
      {
        action: "course.create",
        actorId: admin.id,
        ip: "203.0.113.9",
        data: { code: input.code, slug: input.slug, prerequisiteIds: [prerequisite.id] },
      },
    ]);
  });

  it("through the form: normalises code and slug, generates a missing slug, drops blank outcome lines", async () => {
    const input = courseInput();
    const result = await runAction(
      admin,
      createCourseAction.definition,
      courseForm(
        { ...input, outcomesEn: ["Set up a TFF system", "", "  Optimise flux  "] },
        { code: input.code.toLowerCase(), slug: "" },
      ),
      { locale: "en" },
    );
    expect(result.ok).toBe(true);
    const stored = await db.course.findUniqueOrThrow({
      where: { code: input.code },
      select: { slug: true, outcomesEn: true, published: true },
    });
    expect(stored).toEqual({
      slug: slugify(input.titleEn),
      outcomesEn: ["Set up a TFF system", "Optimise flux"],
      published: false,
    });
    expect(stored.slug).toMatch(/^membrane-filtration-practice-[a-z0-9]+$/);
  });

  it("shows every mistake in the reader's language, keeps what was typed and creates nothing", async () => {
    const before = await db.course.count();
    const input = courseInput();
    const submitted = courseForm(
      { ...input, outcomesKo: [], deliveryLanguages: [] },
      {
        titleKo: "",
        code: "FT 101!",
        slug: "Not a slug!",
        category: "",
      },
    );
    const enResult = await runAction(admin, createCourseAction.definition, submitted, {
      locale: "en",
    });
    expect(enResult).toMatchObject({ ok: false, errorCode: "VALIDATION" });
    expect(enResult.fieldErrors).toEqual({
      titleKo: [en.validation.required],
      code: [en.adminCourses.validation.codeFormat],
      slug: [en.adminCourses.validation.slugFormat],
      outcomesKo: [en.adminCourses.validation.outcomesRequired],
      deliveryLanguages: [en.adminCourses.validation.languagesRequired],
      category: [en.validation.invalidChoice],
    });
    // What was typed comes back, so the form can show it again.
    expect(enResult.values).toMatchObject({
      titleEn: input.titleEn,
      code: "FT 101!",
      slug: "Not a slug!",
      descriptionKo: input.descriptionKo,
    });

    const koResult = await runAction(admin, createCourseAction.definition, submitted, {
      locale: "ko",
    });
    expect(koResult.fieldErrors?.titleKo).toEqual([ko.validation.required]);
    expect(koResult.fieldErrors?.slug).toEqual([ko.adminCourses.validation.slugFormat]);
    expect(koResult.formError).toBe(ko.errors.VALIDATION);
    expect(await db.course.count()).toBe(before);
  });

  it("refuses more teaching hours than the days can hold", async () => {
    const result = await runAction(
      admin,
      createCourseAction.definition,
      courseForm(courseInput({ durationDays: 1, durationHours: 30 })),
      { locale: "en" },
    );
    expect(result.fieldErrors).toEqual({
      durationHours: [en.adminCourses.validation.hoursExceedDays],
    });
  });

  it("refuses a code or a slug another course uses, naming the field", async () => {
    const taken = courseInput();
    await createCourse(admin, taken);

    await expectRefusal(
      createCourse(admin, courseInput({ slug: taken.slug })),
      "COURSE_SLUG_TAKEN",
      { slug: taken.slug },
    );
    const bySlug = await runAction(
      admin,
      createCourseAction.definition,
      courseForm(courseInput({ slug: taken.slug })),
      { locale: "en" },
    );
    expect(bySlug.fieldErrors).toEqual({
      slug: [`Another course already uses the address “${taken.slug}”. Choose a different one.`],
    });

    const byCode = await runAction(
      admin,
      createCourseAction.definition,
      courseForm(courseInput({ code: taken.code })),
      { locale: "ko" },
    );
    expect(byCode.fieldErrors).toEqual({
      code: [`다른 과정이 이미 ${taken.code} 코드를 쓰고 있습니다.`],
    });
    expect(
      await db.course.count({ where: { OR: [{ code: taken.code }, { slug: taken.slug }] } }),
    ).toBe(1);
  });
});

describe("editing a course", () => {
  it("saves both languages and settings, audits the fields that changed, and skips a no-op", async () => {
    const input = courseInput();
    const { id } = await createCourse(admin, input);
    const edited: CourseInput = {
      ...input,
      slug: `${input.slug}-v2`,
      titleEn: "Membrane Filtration, revised",
      outcomesKo: [...input.outcomesKo, "바이러스 여과 필터를 무결성 시험한다"],
      completionMinAttendancePct: 80,
    };
    const { changed } = await updateCourse(admin, id, edited);
    expect(changed.sort()).toEqual(["completionMinAttendancePct", "outcomesKo", "slug", "titleEn"]);
    expect(await getCourseForEdit(admin, id)).toMatchObject({
      slug: edited.slug,
      titleEn: "Membrane Filtration, revised",
      outcomesKo: edited.outcomesKo,
      completionMinAttendancePct: 80,
    });

    expect((await updateCourse(admin, id, edited)).changed).toEqual([]);
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(["course.create", "course.update"]);
    expect(audit[1]).toMatchObject({
      actorId: admin.id,
      data: { code: input.code, changed: expect.arrayContaining(["slug", "titleEn"]) },
    });
  });

  it("through the form: a slug taken by another course is refused and nothing changes", async () => {
    const other = courseInput();
    await createCourse(admin, other);
    const input = courseInput();
    const { id } = await createCourse(admin, input);
    const result = await runAction(
      admin,
      updateCourseAction.definition,
      courseForm({ ...input, slug: other.slug, titleEn: "Changed" }, { courseId: id }),
      { locale: "en" },
    );
    expect(result).toMatchObject({ ok: false, errorCode: "COURSE_SLUG_TAKEN" });
    expect(result.values?.titleEn).toBe("Changed");
    expect(await getCourseForEdit(admin, id)).toMatchObject({
      slug: input.slug,
      titleEn: input.titleEn,
    });
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["course.create"]);
  });

  it("refuses to edit an archived course", async () => {
    const input = courseInput();
    const { id } = await createCourse(admin, input);
    await archiveCourse(admin, id);
    await expectRefusal(
      updateCourse(admin, id, { ...input, titleEn: "Edited" }),
      "COURSE_ARCHIVED",
    );
    expect((await getCourseForEdit(admin, id))?.titleEn).toBe(input.titleEn);
  });

  it("says a course that does not exist is not found", async () => {
    await expectRefusal(updateCourse(admin, "no-such-course", courseInput()), "COURSE_NOT_FOUND");
    await expectRefusal(publishCourse(admin, "no-such-course"), "COURSE_NOT_FOUND");
  });
});

describe("prerequisites", () => {
  it("refuses the course itself", async () => {
    const input = courseInput();
    const { id } = await createCourse(admin, input);
    await expectRefusal(
      updateCourse(admin, id, { ...input, prerequisiteIds: [id] }),
      "PREREQUISITE_SELF",
    );
    const result = await runAction(
      admin,
      updateCourseAction.definition,
      courseForm({ ...input, prerequisiteIds: [id] }, { courseId: id }),
      { locale: "en" },
    );
    expect(result.fieldErrors).toEqual({
      prerequisiteIds: ["A course can't be its own prerequisite."],
    });
    expect((await getCourseForEdit(admin, id))?.prerequisiteIds).toEqual([]);
  });

  it("refuses a loop, direct or through other courses, and names the chain", async () => {
    // A requires B, B requires C.
    const c = await createCourse(admin, courseInput());
    const b = await createCourse(admin, courseInput({ prerequisiteIds: [c.id] }));
    const aInput = courseInput({ prerequisiteIds: [b.id] });
    const a = await createCourse(admin, aInput);
    const [aCode, bCode, cCode] = await Promise.all([codeOf(a.id), codeOf(b.id), codeOf(c.id)]);

    // B requiring A: A → B is already there.
    const bRow = await db.course.findUniqueOrThrow({ where: { id: b.id } });
    const bInput = courseInput({
      code: bRow.code,
      slug: bRow.slug,
      prerequisiteIds: [c.id, a.id],
    });
    await expectRefusal(updateCourse(admin, b.id, bInput), "PREREQUISITE_CYCLE", {
      course: aCode,
      path: `${aCode} → ${bCode}`,
    });

    // C requiring A: A → B → C.
    const cRow = await db.course.findUniqueOrThrow({ where: { id: c.id } });
    const result = await runAction(
      admin,
      updateCourseAction.definition,
      courseForm(courseInput({ code: cRow.code, slug: cRow.slug, prerequisiteIds: [a.id] }), {
        courseId: c.id,
      }),
      { locale: "en" },
    );
    expect(result).toMatchObject({ ok: false, errorCode: "PREREQUISITE_CYCLE" });
    expect(result.fieldErrors?.prerequisiteIds).toEqual([
      `${aCode} can't be a prerequisite here: it already depends on this course (${aCode} → ${bCode} → ${cCode}). That would make a loop nobody could ever complete.`,
    ]);
    expect((await getCourseForEdit(admin, c.id))?.prerequisiteIds).toEqual([]);
    expect((await getCourseForEdit(admin, b.id))?.prerequisiteIds).toEqual([c.id]);

    // The editor offers A and B to C disabled, for the same reason.
    const options = await listPrerequisiteOptions(admin, c.id);
    const dependent = options.filter((o) => o.dependsOnCourse).map((o) => o.id);
    expect(dependent.sort()).toEqual([a.id, b.id].sort());
    expect(options.some((o) => o.id === c.id)).toBe(false);
  });

  it("refuses unknown courses and archived ones as new prerequisites, but keeps an archived one already chosen", async () => {
    const kept = await createCourse(admin, courseInput());
    const input = courseInput({ prerequisiteIds: [kept.id] });
    const { id } = await createCourse(admin, input);
    await archiveCourse(admin, kept.id);
    const retired = await createCourse(admin, courseInput());
    await archiveCourse(admin, retired.id);

    await expectRefusal(
      updateCourse(admin, id, { ...input, prerequisiteIds: [kept.id, "missing-course"] }),
      "PREREQUISITE_NOT_FOUND",
    );
    await expectRefusal(
      updateCourse(admin, id, { ...input, prerequisiteIds: [kept.id, retired.id] }),
      "PREREQUISITE_ARCHIVED",
      { course: await codeOf(retired.id) },
    );
    await expect(
      updateCourse(admin, id, { ...input, titleEn: "Still requires the archived course" }),
    ).resolves.toEqual({ changed: ["titleEn"] });
    expect((await getCourseForEdit(admin, id))?.prerequisiteIds).toEqual([kept.id]);

    // The editor lists the archived prerequisite (so it can be removed), not other archived courses.
    const options = await listPrerequisiteOptions(admin, id);
    expect(options.find((o) => o.id === kept.id)).toMatchObject({ archived: true });
    expect(options.some((o) => o.id === retired.id)).toBe(false);
  });
});

describe("publishing, archiving and restoring", () => {
  it("publish puts the course in the catalog, unpublish takes it out, each audited once", async () => {
    const input = courseInput();
    const { id } = await createCourse(admin, input);
    expect(await inCatalog(input.code)).toBe(false);

    await expect(publishCourse(admin, id)).resolves.toEqual({ changed: true });
    expect(await inCatalog(input.code)).toBe(true);
    // A second click changes nothing.
    await expect(publishCourse(admin, id)).resolves.toEqual({ changed: false });

    const result = await runAction(
      admin,
      unpublishCourseAction.definition,
      form({ courseId: id }),
      {
        locale: "en",
      },
    );
    expect(result).toMatchObject({ ok: true, message: en.adminCourses.status.unpublishedNotice });
    expect(await inCatalog(input.code)).toBe(false);
    expect((await auditOf(id)).map((a) => a.action)).toEqual([
      "course.create",
      "course.publish",
      "course.unpublish",
    ]);
  });

  it("refuses to archive while published sessions have not ended, naming how many", async () => {
    const input = courseInput();
    const { id } = await createCourse(admin, input);
    await publishCourse(admin, id);
    const upcoming = [
      await createTestSession({ courseId: id, status: "PUBLISHED", startsInDays: 10 }),
      await createTestSession({ courseId: id, status: "PUBLISHED", startsInDays: 40 }),
    ];
    // Neither a draft, a cancelled run nor a past one holds the course.
    await createTestSession({ courseId: id, status: "DRAFT", startsInDays: 20 });
    await createTestSession({ courseId: id, status: "CANCELLED", startsInDays: 25 });
    await createTestSession({
      courseId: id,
      status: "PUBLISHED",
      startsInDays: -30,
      registrationOpensAt: new Date(Date.now() - 90 * 86_400_000),
    });

    await expectRefusal(archiveCourse(admin, id), "COURSE_HAS_UPCOMING_SESSIONS", { count: 2 });
    const en2 = await runAction(admin, archiveCourseAction.definition, form({ courseId: id }), {
      locale: "en",
    });
    expect(en2).toMatchObject({
      ok: false,
      errorCode: "COURSE_HAS_UPCOMING_SESSIONS",
      formError:
        "This course can't be archived: it has 2 published sessions that have not ended yet. Cancel or complete them first.",
    });
    const ko2 = await runAction(admin, archiveCourseAction.definition, form({ courseId: id }), {
      locale: "ko",
    });
    expect(ko2.formError).toBe(
      "아직 끝나지 않은 공개 일정이 2건 있어 이 과정을 보관할 수 없습니다. 해당 일정을 먼저 취소하거나 완료하세요.",
    );
    expect(await getCourseForEdit(admin, id)).toMatchObject({
      status: "published",
      upcomingSessions: 2,
    });
    const [listed] = (await listAdminCourses(admin, { q: input.code, page: 1 })).items;
    expect(listed).toMatchObject({ id, status: "published", upcomingSessions: 2 });
    expect(await inCatalog(input.code)).toBe(true);

    // One left: the message says so.
    await db.session.update({ where: { id: upcoming[0]!.id }, data: { status: "CANCELLED" } });
    await expectRefusal(archiveCourse(admin, id), "COURSE_HAS_UPCOMING_SESSIONS", { count: 1 });
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["course.create", "course.publish"]);
  });

  it("archiving takes the course off the catalog and the default list; restoring brings it back unpublished", async () => {
    const input = courseInput();
    const { id } = await createCourse(admin, input);
    await publishCourse(admin, id);
    await createTestSession({
      courseId: id,
      status: "PUBLISHED",
      startsInDays: -20,
      registrationOpensAt: new Date(Date.now() - 90 * 86_400_000),
    });

    const archived = await runAction(
      admin,
      archiveCourseAction.definition,
      form({ courseId: id }),
      {
        locale: "en",
      },
    );
    expect(archived).toMatchObject({ ok: true, message: en.adminCourses.status.archivedNotice });
    expect(await getCourseForEdit(admin, id)).toMatchObject({ status: "archived" });
    expect(await inCatalog(input.code)).toBe(false);
    const listed = async (status?: "archived") =>
      (await listAdminCourses(admin, { q: input.code, status, page: 1 })).items.map((c) => c.id);
    expect(await listed()).toEqual([]);
    expect(await listed("archived")).toEqual([id]);

    await expectRefusal(publishCourse(admin, id), "COURSE_ARCHIVED");

    const restored = await runAction(
      admin,
      restoreCourseAction.definition,
      form({ courseId: id }),
      {
        locale: "ko",
      },
    );
    expect(restored).toMatchObject({ ok: true, message: ko.adminCourses.status.restoredNotice });
    expect(await getCourseForEdit(admin, id)).toMatchObject({
      status: "unpublished",
      archivedAt: null,
    });
    expect(await inCatalog(input.code)).toBe(false);
    expect(await listed()).toEqual([id]);

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual([
      "course.create",
      "course.publish",
      "course.archive",
      "course.restore",
    ]);
    expect(audit[2]).toMatchObject({
      actorId: admin.id,
      data: { code: input.code, wasPublished: true },
    });
  });
});

describe("the admin list", () => {
  it("searches code and both titles, filters by category and status, and pages", async () => {
    const tag = unique();
    const made: string[] = [];
    for (let i = 0; i < 23; i++) {
      const { id } = await createCourse(
        admin,
        courseInput({
          code: `FT-LST-${tag}-${String(i).padStart(2, "0")}`,
          titleEn: `Chromatography ${tag} ${i}`,
          titleKo: `크로마토그래피 ${tag} ${i}`,
          category: i % 2 === 0 ? "DOWNSTREAM" : "ANALYTICS",
        }),
      );
      made.push(id);
    }
    await publishCourse(admin, made[0]!);
    const first = await listAdminCourses(admin, { q: tag, page: 1 });
    expect(first).toMatchObject({ total: 23, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]).toMatchObject({ code: `FT-LST-${tag}-00`, status: "published" });
    expect((await listAdminCourses(admin, { q: tag, page: 2 })).items).toHaveLength(3);
    // A page past the end shows the last one.
    expect((await listAdminCourses(admin, { q: tag, page: 9 })).page).toBe(2);

    expect((await listAdminCourses(admin, { q: `크로마토그래피 ${tag} 1`, page: 1 })).total).toBe(
      11,
    );
    expect((await listAdminCourses(admin, { q: tag, category: "ANALYTICS", page: 1 })).total).toBe(
      11,
    );
    expect((await listAdminCourses(admin, { q: tag, status: "published", page: 1 })).total).toBe(1);
    expect((await listAdminCourses(admin, { q: tag, status: "unpublished", page: 1 })).total).toBe(
      22,
    );
    expect((await listAdminCourses(admin, { q: `nothing-${tag}`, page: 1 })).items).toEqual([]);
  });
});

describeRealPostgres("prerequisites under concurrency", () => {
  it("two admins linking A→B and B→A at the same moment: one succeeds, the other is refused", async () => {
    const aInput = courseInput();
    const bInput = courseInput();
    const a = await createCourse(admin, aInput);
    const b = await createCourse(admin, bInput);
    // Two connections of the pool, side by side: without the lock both would read "no links"
    // before either writes, and both would succeed.
    for (let round = 0; round < 5; round++) {
      await db.coursePrerequisite.deleteMany({ where: { courseId: { in: [a.id, b.id] } } });
      const results = await Promise.allSettled([
        updateCourse(admin, a.id, { ...aInput, prerequisiteIds: [b.id] }),
        updateCourse(admin, b.id, { ...bInput, prerequisiteIds: [a.id] }),
      ]);
      const refused = results.filter((r) => r.status === "rejected");
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(((refused[0] as PromiseRejectedResult).reason as DomainError).code).toBe(
        "PREREQUISITE_CYCLE",
      );
      expect(await db.coursePrerequisite.count({ where: { courseId: { in: [a.id, b.id] } } })).toBe(
        1,
      );
    }
  });
});

describe("refusals", () => {
  let courseId: string;
  let taken: CourseInput;

  beforeAll(async () => {
    taken = courseInput();
    courseId = (await createCourse(admin, taken)).id;
  });

  /** Everything these actions could write. */
  async function snapshot() {
    const [courses, prerequisites, audit] = await Promise.all([
      db.course.findMany({
        orderBy: { id: "asc" },
        select: {
          id: true,
          code: true,
          slug: true,
          titleEn: true,
          published: true,
          archivedAt: true,
        },
      }),
      db.coursePrerequisite.count(),
      db.auditLog.count(),
    ]);
    return { courses, prerequisites, audit };
  }

  const actions: { name: string; action: ServerAction; input: () => FormData }[] = [
    {
      name: "createCourseAction",
      action: createCourseAction,
      input: () => courseForm(courseInput()),
    },
    {
      name: "updateCourseAction",
      action: updateCourseAction,
      input: () => courseForm({ ...taken, titleEn: "Hijacked" }, { courseId }),
    },
    { name: "publishCourseAction", action: publishCourseAction, input: () => form({ courseId }) },
    {
      name: "unpublishCourseAction",
      action: unpublishCourseAction,
      input: () => form({ courseId }),
    },
    { name: "archiveCourseAction", action: archiveCourseAction, input: () => form({ courseId }) },
    { name: "restoreCourseAction", action: restoreCourseAction, input: () => form({ courseId }) },
  ];

  for (const { name, action, input } of actions) {
    it.each(["TRAINEE", "PARTNER", "INSTRUCTOR"] as const)(
      `${name}: a %s is refused and nothing changes`,
      async (role) => {
        const before = await snapshot();
        const result = await runAction(callers[role], action.definition, input(), { locale: "en" });
        expect(result).toMatchObject({
          ok: false,
          errorCode: "FORBIDDEN",
          formError: en.errors.FORBIDDEN,
        });
        expect(await snapshot()).toEqual(before);
      },
    );

    it(`${name}: an anonymous caller is refused and nothing changes`, async () => {
      const before = await snapshot();
      const result = await runAction(null, action.definition, input(), { locale: "ko" });
      expect(result).toMatchObject({ ok: false, errorCode: "UNAUTHENTICATED" });
      expect(await snapshot()).toEqual(before);
    });
  }

  it("the services and queries refuse on their own too, whoever calls them", async () => {
    const before = await snapshot();
    for (const role of ["TRAINEE", "PARTNER", "INSTRUCTOR"] as const) {
      const caller = callers[role];
      await expect(createCourse(caller, courseInput())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateCourse(caller, courseId, taken)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(publishCourse(caller, courseId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(unpublishCourse(caller, courseId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(archiveCourse(caller, courseId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(restoreCourse(caller, courseId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listAdminCourses(caller, { page: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getCourseForEdit(caller, courseId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listPrerequisiteOptions(caller)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await snapshot()).toEqual(before);
  });
});
