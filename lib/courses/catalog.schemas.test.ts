import { describe, expect, it } from "vitest";
import {
  catalogSearchParams,
  hasAnyFilter,
  parseCatalogQuery,
  seoulMonthRange,
  staticCatalogPage,
} from "@/lib/courses/catalog.schemas";

describe("parseCatalogQuery", () => {
  it("reads filters, search, sort and page, and drops what does not parse", () => {
    expect(
      parseCatalogQuery({
        q: "  세포   배양 ",
        category: "DOWNSTREAM",
        level: "NOPE",
        language: "en",
        month: "2026-13",
        seats: "1",
        sort: "price",
        page: "2",
      }),
    ).toEqual({
      q: "세포 배양",
      category: "DOWNSTREAM",
      level: undefined,
      language: "en",
      month: undefined,
      hasSeats: true,
      sort: "price",
      page: 2,
    });
  });

  it("takes the first of repeated values and falls back to page 1", () => {
    const query = parseCatalogQuery({ category: ["UPSTREAM", "DOWNSTREAM"], page: ["x"] });
    expect(query.category).toBe("UPSTREAM");
    expect(query.page).toBe(1);
    expect(parseCatalogQuery({ page: "9999" }).page).toBe(1);
  });

  it("sorts by relevance when searching and by next session otherwise", () => {
    expect(parseCatalogQuery({ q: "chrom" }).sort).toBe("relevance");
    expect(parseCatalogQuery({}).sort).toBe("next");
    expect(parseCatalogQuery({ sort: "relevance" }).sort).toBe("next");
  });

  it("caps the search at 100 characters and ignores an empty one", () => {
    expect(parseCatalogQuery({ q: "a".repeat(300) }).q).toHaveLength(100);
    expect(parseCatalogQuery({ q: "   " }).q).toBeUndefined();
    expect(hasAnyFilter(parseCatalogQuery({ q: "   " }))).toBe(false);
  });
});

describe("catalogSearchParams", () => {
  it("writes only what differs from the defaults", () => {
    expect(catalogSearchParams(parseCatalogQuery({}))).toEqual({});
    expect(catalogSearchParams(parseCatalogQuery({ q: "chrom", sort: "relevance", page: "1" }))).toEqual({
      q: "chrom",
    });
    expect(
      catalogSearchParams(parseCatalogQuery({ month: "2026-12", seats: "on", sort: "title", page: "3" })),
    ).toEqual({ month: "2026-12", seats: "1", sort: "title", page: "3" });
    expect(catalogSearchParams(parseCatalogQuery({ level: "ADVANCED", page: "3" }), { page: 1 })).toEqual({
      level: "ADVANCED",
    });
  });
});

describe("seoulMonthRange", () => {
  it("spans a calendar month in Seoul (UTC+9)", () => {
    expect(seoulMonthRange("2026-12")).toEqual({
      from: new Date("2026-11-30T15:00:00Z"),
      to: new Date("2026-12-31T15:00:00Z"),
    });
  });
});

describe("staticCatalogPage", () => {
  const page = (search: string) => staticCatalogPage(new URLSearchParams(search));
  it("serves the unfiltered pages statically", () => {
    expect(page("")).toBe(1);
    expect(page("page=2")).toBe(2);
  });
  it("renders everything else at request time", () => {
    expect(page("q=x")).toBeNull();
    expect(page("page=2&sort=title")).toBeNull();
    expect(page("page=02")).toBeNull();
    expect(page("page=0")).toBeNull();
    expect(page("page=51")).toBeNull();
    expect(page("page=1&page=2")).toBeNull();
  });
});
