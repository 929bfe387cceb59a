// @vitest-environment happy-dom
import { CalendarClock } from "lucide-react";
import { describe, expect, it } from "vitest";
import { hrefs, renderPage } from "@/components/site/test-render";
import type { MySessionItem, MySessionsSection } from "@/lib/rosters/rosters.queries";
import { SessionsSection } from "./my-sessions";

const item = (overrides: Partial<MySessionItem> = {}): MySessionItem => ({
  id: "ses-1",
  status: "PUBLISHED",
  startsAt: new Date("2026-12-03T00:00:00Z"),
  endsAt: new Date("2026-12-04T08:00:00Z"),
  language: "ko",
  course: { code: "FT-USP-101", title: "세포 배양 기초" },
  room: "Lab 1",
  capacity: 12,
  seatsHeld: 9,
  waitlisted: 2,
  pending: 1,
  lead: true,
  ...overrides,
});

const section = (items: MySessionItem[], total = items.length): MySessionsSection => ({
  items,
  total,
  page: 1,
  pageCount: Math.max(1, Math.ceil(total / 10)),
});

const query = { upcomingPage: 1, pastPage: 3 };

describe("SessionsSection", () => {
  it("lists the sessions with their seats and a roster link named after the session", () => {
    const doc = renderPage(
      <SessionsSection id="upcoming" icon={CalendarClock} section={section([item()])} locale="ko" query={query} />,
      { pathname: "/ko/instructor/sessions" },
    );
    const row = doc.querySelector("tbody tr")!;
    expect(row.querySelector("th[scope=row]")?.textContent).toContain("세포 배양 기초");
    expect(row.textContent).toContain("책임 강사");
    expect(row.textContent).toContain("12석 중 9석");
    expect(row.textContent).toContain("2026년 12월 3일");
    const link = row.querySelector("a")!;
    expect(link.getAttribute("href")).toBe("/ko/sessions/ses-1/roster");
    expect(link.textContent).toMatch(/^명단 보기: 세포 배양 기초, 2026년 12월 3일/);
  });

  it("pages each section on its own, keeping the other section's page", () => {
    const many = Array.from({ length: 10 }, (_, i) => item({ id: `ses-${i}` }));
    const doc = renderPage(
      <SessionsSection id="upcoming" icon={CalendarClock} section={section(many, 25)} locale="en" query={query} />,
      { locale: "en", pathname: "/en/instructor/sessions" },
    );
    const pageLinks = hrefs(doc, "nav a");
    expect(pageLinks).toContain("/en/instructor/sessions?pastPage=3&upcomingPage=2");
  });

  it("says so when there is nothing", () => {
    const doc = renderPage(
      <SessionsSection id="past" icon={CalendarClock} section={section([])} locale="en" query={query} />,
      { locale: "en" },
    );
    expect(doc.querySelector("table")).toBeNull();
    expect(doc.body.textContent).toContain("No past sessions yet");
  });
});
