import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { CourseCategory, CourseLevel, Locale } from "@/lib/generated/prisma/enums";
import { listCatalogCourses, listCatalogMonths } from "@/lib/courses/catalog.queries";
import { parseCatalogQuery, type CatalogQuery } from "@/lib/courses/catalog.schemas";

/**
 * The catalog's reads against a real database: every filter, search in both languages with
 * partial words, sorting, pagination and the seats shown on a card. The clock is fixed, and
 * every session is placed relative to it.
 */

const NOW = new Date("2026-11-20T03:00:00Z");
const DAY = 86_400_000;
const days = (n: number) => new Date(NOW.getTime() + n * DAY);

type CourseInput = {
  code: string;
  titleKo: string;
  titleEn: string;
  summaryKo?: string;
  summaryEn?: string;
  category?: CourseCategory;
  level?: CourseLevel;
  listPriceKrw?: number;
  published?: boolean;
};

async function course(input: CourseInput) {
  return db.course.create({
    data: {
      code: input.code,
      slug: input.code.toLowerCase(),
      titleKo: input.titleKo,
      titleEn: input.titleEn,
      summaryKo: input.summaryKo ?? "실습 과정입니다.",
      summaryEn: input.summaryEn ?? "A hands-on course.",
      descriptionKo: "설명",
      descriptionEn: "Description",
      category: input.category ?? "ANALYTICS",
      level: input.level ?? "INTRODUCTORY",
      durationDays: 2,
      durationHours: 14,
      deliveryLanguages: ["ko", "en"],
      listPriceKrw: input.listPriceKrw ?? 600_000,
      defaultCapacity: 10,
      published: input.published ?? true,
    },
    select: { id: true },
  });
}

type SessionInput = {
  startsAt: Date;
  language?: Locale;
  capacity?: number;
  seatsHeld?: number;
  status?: "DRAFT" | "PUBLISHED" | "CANCELLED" | "COMPLETED";
  registrationOpensAt?: Date;
};

async function session(courseId: string, input: SessionInput) {
  const endsAt = new Date(input.startsAt.getTime() + 8 * 3_600_000);
  return db.session.create({
    data: {
      courseId,
      capacity: input.capacity ?? 10,
      seatsHeld: input.seatsHeld ?? 0,
      registrationOpensAt: input.registrationOpensAt ?? new Date(NOW.getTime() - 30 * DAY),
      registrationClosesAt: new Date(input.startsAt.getTime() - DAY),
      cancellationCutoffAt: new Date(input.startsAt.getTime() - 7 * DAY),
      language: input.language ?? "ko",
      priceKrw: 600_000,
      status: input.status ?? "PUBLISHED",
      meetings: { create: [{ startsAt: input.startsAt, endsAt }] },
    },
    select: { id: true },
  });
}

const ids: Record<string, string> = {};
const sessions: Record<string, string> = {};

beforeAll(async () => {
  const cellCulture = await course({
    code: "FT-USP-101",
    titleKo: "동물세포 배양 기초",
    titleEn: "Fundamentals of Mammalian Cell Culture",
    summaryKo: "CHO 세포의 해동과 계대를 익힙니다.",
    summaryEn: "Thawing and passaging CHO cells.",
    category: "UPSTREAM",
    listPriceKrw: 700_000,
  });
  ids.cellCulture = cellCulture.id;
  sessions.cell1 = (await session(cellCulture.id, { startsAt: days(10) })).id;
  sessions.cell2 = (await session(cellCulture.id, { startsAt: days(40), language: "en" })).id;
  sessions.cell3 = (await session(cellCulture.id, { startsAt: days(70) })).id;
  sessions.cell4 = (await session(cellCulture.id, { startsAt: days(100) })).id;

  const chromatography = await course({
    code: "FT-DSP-201",
    titleKo: "ÄKTA를 이용한 크로마토그래피 기초",
    titleEn: "Chromatography Basics on ÄKTA",
    summaryKo: "단백질 정제의 기본 원리를 배웁니다.",
    summaryEn: "Principles of protein purification.",
    category: "DOWNSTREAM",
    level: "INTERMEDIATE",
    listPriceKrw: 900_000,
  });
  ids.chromatography = chromatography.id;
  sessions.chromaFull = (await session(chromatography.id, { startsAt: days(20), seatsHeld: 10 })).id;
  sessions.chromaLow = (
    await session(chromatography.id, { startsAt: days(50), language: "en", seatsHeld: 8 })
  ).id;

  ids.gmp = (
    await course({
      code: "FT-GMP-101",
      titleKo: "바이오의약품 GMP 기초",
      titleEn: "GMP for Biologics",
      category: "GMP_QUALITY",
      listPriceKrw: 500_000,
    })
  ).id;

  const fullOnly = await course({
    code: "FT-SUT-201",
    titleKo: "일회용 생물반응기 운전",
    titleEn: "Single-Use Bioreactor Operation",
    category: "SINGLE_USE",
    listPriceKrw: 1_100_000,
  });
  ids.fullOnly = fullOnly.id;
  sessions.fullOnly = (
    await session(fullOnly.id, {
      startsAt: days(30),
      seatsHeld: 10,
      registrationOpensAt: days(5),
    })
  ).id;

  // Seoul's New Year: 16:00 UTC on Dec 31 is 01:00 on Jan 1 in Seoul.
  const newYear = await course({
    code: "FT-PD-301",
    titleKo: "연속 공정 통합 실습",
    titleEn: "Integrated Continuous Processing",
    category: "PROCESS_DEVELOPMENT",
    level: "ADVANCED",
    listPriceKrw: 2_000_000,
  });
  ids.newYear = newYear.id;
  await session(newYear.id, { startsAt: new Date("2026-12-31T16:00:00Z") });

  // Only history, drafts and cancellations: no upcoming published session.
  const noUpcoming = await course({
    code: "FT-ANA-301",
    titleKo: "모세관 전기영동 기반 순도 분석",
    titleEn: "Purity by Capillary Electrophoresis",
    summaryEn: "Reports use 100% area normalisation.",
  });
  ids.noUpcoming = noUpcoming.id;
  await session(noUpcoming.id, { startsAt: days(-10), status: "COMPLETED" });
  await session(noUpcoming.id, { startsAt: days(15), status: "DRAFT" });
  await session(noUpcoming.id, { startsAt: days(16), status: "CANCELLED" });

  ids.unpublished = (
    await course({
      code: "FT-USP-999",
      titleKo: "미공개 세포 배양 과정",
      titleEn: "Unpublished Cell Culture Course",
      published: false,
    })
  ).id;
  const archived = await course({
    code: "FT-USP-998",
    titleKo: "종료된 세포 배양 과정",
    titleEn: "Archived Cell Culture Course",
  });
  await db.course.update({ where: { id: archived.id }, data: { archivedAt: NOW } });

  // Ten more published courses without sessions, so the catalog has two pages (16 courses).
  for (let n = 1; n <= 10; n++) {
    const code = `FT-ANA-${String(100 + n)}`;
    await course({ code, titleKo: `분석 실습 ${n}`, titleEn: `Analytics Lab ${n}` });
  }
});

const query = (params: Record<string, string> = {}): CatalogQuery => parseCatalogQuery(params);
const list = (params: Record<string, string> = {}, locale: "ko" | "en" = "ko") =>
  listCatalogCourses(query(params), locale, NOW);
const codes = async (params: Record<string, string> = {}, locale: "ko" | "en" = "ko") =>
  (await list(params, locale)).items.map((c) => c.code);

describe("listCatalogCourses", () => {
  it("lists published, unarchived courses by next session, paginated by 12", async () => {
    const first = await list();
    expect(first.total).toBe(16);
    expect(first.pageCount).toBe(2);
    expect(first.items).toHaveLength(12);
    // Soonest upcoming session first (a full session still counts), courses without one last.
    expect(first.items.slice(0, 4).map((c) => c.code)).toEqual([
      "FT-USP-101",
      "FT-DSP-201",
      "FT-SUT-201",
      "FT-PD-301",
    ]);
    const second = await list({ page: "2" });
    expect(second.page).toBe(2);
    expect(second.items).toHaveLength(4);
    const all = [...first.items, ...second.items].map((c) => c.code);
    expect(new Set(all).size).toBe(16);
    expect(all).not.toContain("FT-USP-999");
    expect(all).not.toContain("FT-USP-998");
  });

  it("reports the total on a page past the end, with no items", async () => {
    const beyond = await list({ page: "7" });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(16);
    expect(beyond.pageCount).toBe(2);
  });

  it("gives the card its next sessions with exact seats left and availability", async () => {
    const [cell] = (await list({ category: "UPSTREAM" })).items;
    expect(cell!.nextSessions.map((s) => s.id)).toEqual([sessions.cell1, sessions.cell2, sessions.cell3]);
    expect(cell!.moreSessions).toBe(1);
    expect(cell!.nextSessions[0]).toMatchObject({ seatsLeft: 10, availability: "available", registration: "open" });

    const [chroma] = (await list({ category: "DOWNSTREAM" })).items;
    expect(chroma!.nextSessions.map((s) => [s.seatsLeft, s.availability])).toEqual([
      [0, "full"],
      [2, "low"],
    ]);

    const [fullOnly] = (await list({ category: "SINGLE_USE" })).items;
    expect(fullOnly!.nextSessions[0]!.registration).toBe("not-open-yet");
  });

  it("gives titles and summaries in the requested language", async () => {
    const [ko] = (await list({ category: "UPSTREAM" }, "ko")).items;
    const [en] = (await list({ category: "UPSTREAM" }, "en")).items;
    expect(ko!.title).toBe("동물세포 배양 기초");
    expect(en!.title).toBe("Fundamentals of Mammalian Cell Culture");
    expect(en!.summary).toBe("Thawing and passaging CHO cells.");
  });

  it("filters by category and by level", async () => {
    expect(await codes({ category: "DOWNSTREAM" })).toEqual(["FT-DSP-201"]);
    expect(await codes({ level: "ADVANCED" })).toEqual(["FT-PD-301"]);
    expect(await codes({ category: "UPSTREAM", level: "ADVANCED" })).toEqual([]);
  });

  it("finds partial Korean words in titles and summaries", async () => {
    expect(await codes({ q: "크로마토" })).toEqual(["FT-DSP-201"]);
    // "세포" is inside "동물세포"; the unpublished and archived "세포 배양" courses stay hidden.
    expect(await codes({ q: "세포" })).toEqual(["FT-USP-101"]);
    expect(await codes({ q: "단백질 정제" })).toEqual(["FT-DSP-201"]);
  });

  it("finds partial English words in either language, ignoring case, and codes", async () => {
    expect(await codes({ q: "chromato" })).toEqual(["FT-DSP-201"]);
    expect(await codes({ q: "MAMMAL" }, "en")).toEqual(["FT-USP-101"]);
    // An English term finds the course while browsing in Korean too.
    expect(await codes({ q: "bioreact" }, "ko")).toEqual(["FT-SUT-201"]);
    expect(await codes({ q: "dsp-2" })).toEqual(["FT-DSP-201"]);
  });

  it("tolerates a typo in a title", async () => {
    expect(await codes({ q: "Cromatography" }, "en")).toEqual(["FT-DSP-201"]);
  });

  it("treats % and _ in a search as literal characters", async () => {
    expect(await codes({ q: "%" })).toEqual(["FT-ANA-301"]);
    expect(await codes({ q: "_" })).toEqual([]);
  });

  it("ranks a title match above a summary match when searching", async () => {
    await course({
      code: "FT-ANA-401",
      titleKo: "항체 분석",
      titleEn: "Antibody Analytics",
      summaryEn: "Follows the chromatography course.",
    });
    try {
      expect(await codes({ q: "chromatography" }, "en")).toEqual(["FT-DSP-201", "FT-ANA-401"]);
    } finally {
      await db.course.deleteMany({ where: { code: "FT-ANA-401" } });
    }
  });

  it("keeps only courses with a free seat in an upcoming session, and shows only those sessions", async () => {
    const page = await list({ seats: "1" });
    const found = page.items.map((c) => c.code);
    // Sorted by the next session that has a seat: the new-year run before the chromatography one.
    expect(found).toEqual(["FT-USP-101", "FT-PD-301", "FT-DSP-201"]);
    const chroma = page.items.find((c) => c.code === "FT-DSP-201")!;
    expect(chroma.nextSessions.map((s) => s.id)).toEqual([sessions.chromaLow]);
  });

  it("filters by the language a session is taught in", async () => {
    const page = await list({ language: "en" });
    expect(page.items.map((c) => c.code)).toEqual(["FT-USP-101", "FT-DSP-201"]);
    expect(page.items[0]!.nextSessions.map((s) => s.id)).toEqual([sessions.cell2]);
  });

  it("filters by the month a session starts in, in Seoul time", async () => {
    // NOW + 10 days and + 20 days fall in November / December 2026 (UTC and Seoul alike).
    expect(await codes({ month: "2026-11" })).toEqual(["FT-USP-101"]);
    expect(await codes({ month: "2026-12" })).toEqual(["FT-DSP-201", "FT-SUT-201", "FT-USP-101"]);
    // 2026-12-31T16:00Z is January 1st in Seoul.
    expect(await codes({ month: "2027-01" })).toContain("FT-PD-301");
    expect(await codes({ month: "2026-12" })).not.toContain("FT-PD-301");
  });

  it("combines session filters on the same session", async () => {
    // The English run of the chromatography course has seats; its Korean run is full.
    expect(await codes({ language: "ko", seats: "1", category: "DOWNSTREAM" })).toEqual([]);
    expect(await codes({ language: "en", seats: "1", category: "DOWNSTREAM" })).toEqual(["FT-DSP-201"]);
  });

  it("sorts by title in each language and by price", async () => {
    const byTitleKo = await codes({ sort: "title", category: "DOWNSTREAM" });
    expect(byTitleKo).toEqual(["FT-DSP-201"]);
    const koTitles = (await list({ sort: "title" })).items.map((c) => c.title);
    expect(koTitles).toEqual([...koTitles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const enTitles = (await list({ sort: "title" }, "en")).items.map((c) => c.title.toLowerCase());
    expect(enTitles).toEqual([...enTitles].sort());
    const prices = (await list({ sort: "price" })).items.map((c) => c.listPriceKrw);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(prices[0]).toBe(500_000);
  });
});

describe("listCatalogMonths", () => {
  it("lists the Seoul months in which upcoming published sessions start", async () => {
    expect(await listCatalogMonths(NOW)).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
  });
});
