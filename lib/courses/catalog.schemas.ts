import { z } from "zod";

/**
 * The catalog's query string (`/ko/courses?q=…&category=…`): filters, search, sorting and page.
 * Pure zod, shared by the page, the proxy's static-route decision and the queries. A value that
 * does not parse is dropped (a stale bookmark still opens the catalog), never an error page.
 */

export const COURSE_CATEGORIES = [
  "UPSTREAM",
  "DOWNSTREAM",
  "SINGLE_USE",
  "ANALYTICS",
  "PROCESS_DEVELOPMENT",
  "CELL_THERAPY",
  "GMP_QUALITY",
] as const;
export const COURSE_LEVELS = ["INTRODUCTORY", "INTERMEDIATE", "ADVANCED"] as const;
export const DELIVERY_LANGUAGES = ["ko", "en"] as const;
/** `relevance` only means something with a search term; without one it reads as `next`. */
export const CATALOG_SORTS = ["relevance", "next", "title", "price"] as const;

export type CourseCategoryValue = (typeof COURSE_CATEGORIES)[number];
export type CourseLevelValue = (typeof COURSE_LEVELS)[number];
export type DeliveryLanguage = (typeof DELIVERY_LANGUAGES)[number];
export type CatalogSort = (typeof CATALOG_SORTS)[number];

export const CATALOG_PAGE_SIZE = 12;
/** Sessions listed on a course card; the course page lists them all. */
export const CARD_SESSION_LIMIT = 3;
/** Pages beyond this are never linked (30 courses make 3); the bound keeps the cache finite. */
export const MAX_CATALOG_PAGE = 50;
export const SEARCH_MAX_LENGTH = 100;

/** `?a=1&a=2` arrives as an array: the first value counts. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(first, z.enum(values).optional()).catch(undefined);

/** "2026-12": a calendar month in Seoul. */
const MONTH_PATTERN = /^(20\d\d)-(0[1-9]|1[0-2])$/;

export const catalogQuerySchema = z
  .object({
    q: z
      .preprocess(first, z.string().optional())
      .catch(undefined)
      // Whitespace runs collapse so "세포  배양" and "세포 배양" are one search.
      .transform((v) => v?.replace(/\s+/g, " ").trim().slice(0, SEARCH_MAX_LENGTH) || undefined),
    category: optionalEnum(COURSE_CATEGORIES),
    level: optionalEnum(COURSE_LEVELS),
    language: optionalEnum(DELIVERY_LANGUAGES),
    month: z.preprocess(first, z.string().regex(MONTH_PATTERN).optional()).catch(undefined),
    /** "1": only sessions with a free seat (a checkbox submits "1"). */
    seats: z.preprocess(first, z.string().optional()).catch(undefined),
    sort: optionalEnum(CATALOG_SORTS),
    page: z.preprocess(
      first,
      z.coerce.number().int().min(1).max(MAX_CATALOG_PAGE).catch(1),
    ),
  })
  .transform(({ seats, sort, ...rest }) => ({
    ...rest,
    hasSeats: seats === "1" || seats === "on" || seats === "true",
    sort: resolveSort(sort, rest.q),
  }));

export type CatalogQuery = z.output<typeof catalogQuerySchema>;

function resolveSort(sort: CatalogSort | undefined, q: string | undefined): CatalogSort {
  if (sort === "relevance" && !q) return "next";
  return sort ?? (q ? "relevance" : "next");
}

export const defaultCatalogQuery = (): CatalogQuery => catalogQuerySchema.parse({});

export function parseCatalogQuery(input: Record<string, string | string[] | undefined>) {
  return catalogQuerySchema.parse(input);
}

/** Whether a session-level filter is set: then a course needs a matching upcoming session. */
export function hasSessionFilters(query: CatalogQuery): boolean {
  return Boolean(query.language || query.month || query.hasSeats);
}

export function hasAnyFilter(query: CatalogQuery): boolean {
  return Boolean(query.q || query.category || query.level || hasSessionFilters(query));
}

/**
 * The query as the shortest search params that mean the same (defaults left out), for links
 * (pagination keeps the filters), the canonical URL and the cache key.
 */
export function catalogSearchParams(
  query: CatalogQuery,
  { page = query.page }: { page?: number } = {},
): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.q) params.q = query.q;
  if (query.category) params.category = query.category;
  if (query.level) params.level = query.level;
  if (query.language) params.language = query.language;
  if (query.month) params.month = query.month;
  if (query.hasSeats) params.seats = "1";
  if (query.sort !== resolveSort(undefined, query.q)) params.sort = query.sort;
  if (page > 1) params.page = String(page);
  return params;
}

/** First and last instant of a Seoul calendar month ("2026-12" → [Dec 1 00:00 KST, Jan 1 00:00 KST)). */
export function seoulMonthRange(month: string): { from: Date; to: Date } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new Error(`not a month: ${month}`);
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1;
  // Korea has no daylight saving time: midnight in Seoul is always 15:00 UTC the day before.
  const from = new Date(Date.UTC(year, monthIndex, 1) - 9 * 3_600_000);
  const to = new Date(Date.UTC(year, monthIndex + 1, 1) - 9 * 3_600_000);
  return { from, to };
}

/**
 * The route (app/[locale]/catalog-static/[page]) that serves the unfiltered catalog pages from
 * the static cache; proxy.ts rewrites `/ko/courses` and `/ko/courses?page=2` to it.
 */
export const STATIC_CATALOG_ROUTE = "/catalog-static";

/**
 * The one param value that `generateStaticParams` of the static catalog and course routes
 * returns. Cache Components needs one, but the build must not read the database, so this
 * value renders a 404 without a query; real pages are rendered on their first request and
 * then kept (and invalidated by tag).
 */
export const BUILD_PLACEHOLDER_PARAM = "_";

/** The catalog page of the static route's `[page]` param, or null for anything not canonical. */
export function staticCatalogQuery(page: string): CatalogQuery | null {
  const query = catalogQuerySchema.parse({ page });
  return String(query.page) === page ? query : null;
}

/**
 * The unfiltered catalog pages (`/ko/courses`, `/ko/courses?page=2`) are served from a fully
 * static route; anything else renders the filtered list at request time. Returns the page
 * number when the search params are exactly such a view, else null. Used by proxy.ts.
 */
export function staticCatalogPage(searchParams: URLSearchParams): number | null {
  const keys = [...searchParams.keys()];
  if (keys.length === 0) return 1;
  if (keys.length !== 1 || keys[0] !== "page") return null;
  const value = searchParams.get("page") ?? "";
  if (!/^[1-9]\d{0,2}$/.test(value)) return null;
  const page = Number(value);
  return page <= MAX_CATALOG_PAGE ? page : null;
}
