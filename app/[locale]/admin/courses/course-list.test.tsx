// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderPage } from "@/components/site/test-render";
import type { AdminCoursePage, AdminCourseRow } from "@/lib/courses/courses.queries";
import { CourseListView } from "./course-list";

const row = (n: number, overrides: Partial<AdminCourseRow> = {}): AdminCourseRow => ({
  id: `course-${n}`,
  code: `FT-DSP-${200 + n}`,
  slug: `course-${n}`,
  titleKo: `정제 과정 ${n}`,
  titleEn: `Purification course ${n}`,
  category: "DOWNSTREAM",
  level: "ADVANCED",
  status: "published",
  listPriceKrw: 1_200_000,
  upcomingSessions: 0,
  updatedAt: new Date("2026-11-20T03:00:00Z"),
  ...overrides,
});

const page = (items: AdminCourseRow[], extra: Partial<AdminCoursePage> = {}): AdminCoursePage => ({
  items,
  total: items.length,
  page: 1,
  pageCount: 1,
  ...extra,
});

describe("the admin course list", () => {
  it("shows each course in the reader's language with the other below, its state and upcoming runs", () => {
    const doc = renderPage(
      <CourseListView
        locale="en"
        query={{ page: 1 }}
        data={page([
          row(1, { upcomingSessions: 2 }),
          row(2, { status: "unpublished" }),
          row(3, { status: "archived" }),
        ])}
      />,
      { locale: "en", pathname: "/en/admin/courses" },
    );
    const rows = [...doc.querySelectorAll("tbody tr")];
    expect(rows).toHaveLength(3);
    const first = rows[0]!;
    const link = first.querySelector("a")!;
    expect(link.textContent).toBe("Purification course 1");
    expect(link.getAttribute("href")).toBe("/en/admin/courses/course-1/edit");
    expect(first.querySelector('[lang="ko"]')?.textContent).toBe("정제 과정 1");
    expect(first.textContent).toContain("Downstream & purification");
    expect(first.textContent).toContain("Advanced");
    expect(first.textContent).toContain("2 upcoming");
    expect(first.textContent).toContain("₩1,200,000");
    expect(rows.map((r) => r.querySelectorAll("td")[3]!.textContent)).toEqual([
      "Published",
      "Not published",
      "Archived",
    ]);
    expect(doc.querySelector("caption")?.textContent).toContain("3 courses");
  });

  it("keeps the filters on the page links", () => {
    const doc = renderPage(
      <CourseListView
        locale="ko"
        query={{ q: "정제", category: "DOWNSTREAM", status: "unpublished", page: 1 }}
        data={page([row(1)], { total: 45, pageCount: 3 })}
      />,
      { pathname: "/ko/admin/courses" },
    );
    const next = doc.querySelector('a[rel="next"]')!.getAttribute("href")!;
    const url = new URL(next, "http://localhost");
    expect(url.pathname).toBe("/ko/admin/courses");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: "정제",
      category: "DOWNSTREAM",
      status: "unpublished",
      page: "2",
    });
  });

  it("says what to do when there is nothing to show", () => {
    const none = renderPage(<CourseListView locale="ko" query={{ page: 1 }} data={page([])} />);
    expect(none.querySelector("h2")?.textContent).toBe("아직 과정이 없습니다");
    expect(none.querySelector("a")?.getAttribute("href")).toBe("/ko/admin/courses/new");

    const filtered = renderPage(
      <CourseListView locale="ko" query={{ q: "없는 과정", page: 1 }} data={page([])} />,
    );
    expect(filtered.querySelector("h2")?.textContent).toBe("조건에 맞는 과정이 없습니다");
    expect(filtered.querySelector("a")?.getAttribute("href")).toBe("/ko/admin/courses");
    expect(filtered.querySelector("table")).toBeNull();
  });
});
