// @vitest-environment happy-dom
import axe from "axe-core";
import { NextIntlClientProvider } from "next-intl";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import { SessionCalendar } from "./session-calendar";

// The app router is not running here; the calendar only needs push().
const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let requests: URL[] = [];

beforeEach(() => {
  requests = [];
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2031-03-11T03:00:00Z") });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input instanceof Request ? input.url : input), "http://localhost");
      requests.push(url);
      const events = [
        {
          id: "m-1",
          sessionId: "s-1",
          title: "Chromatography basics",
          start: "2031-03-10T00:00:00.000Z", // Monday 09:00 in Seoul
          end: "2031-03-10T08:00:00.000Z",
          status: "PUBLISHED",
          courseCode: "FT-DSP-201",
          roomName: "Downstream Lab",
          meetingNumber: 1,
          meetingCount: 2,
        },
        {
          id: "m-2",
          sessionId: "s-2",
          title: "Cell culture",
          start: "2031-03-12T04:00:00.000Z",
          end: "2031-03-12T08:00:00.000Z",
          status: "DRAFT",
          courseCode: "FT-USP-101",
          roomName: null,
          meetingNumber: 1,
          meetingCount: 1,
        },
      ];
      return new Response(JSON.stringify(events), { headers: { "Content-Type": "application/json" } });
    }),
  );
});

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function mount(locale: "ko" | "en", filters: Record<string, string | undefined> = {}) {
  const container = document.createElement("main");
  document.body.append(container);
  document.documentElement.lang = locale;
  root = createRoot(container);
  await act(async () => {
    root!.render(
      <NextIntlClientProvider locale={locale} messages={locale === "ko" ? ko : en} timeZone="Asia/Seoul">
        <SessionCalendar locale={locale} feedUrl={`/${locale}/admin/calendar/events`} filters={filters} linkFor="admin" />
      </NextIntlClientProvider>,
    );
  });
  // Let the feed's fetch resolve and the events render.
  for (let i = 0; i < 20 && container.querySelectorAll("a[href*='/admin/sessions/']").length < 2; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
  return container;
}

describe("SessionCalendar", () => {
  it("asks the feed for the visible week with the filters, and shows each meeting as a link to its session", async () => {
    const container = await mount("en", { roomId: "room-1", equipmentId: undefined });
    expect(requests[0]?.pathname).toBe("/en/admin/calendar/events");
    expect(requests[0]?.searchParams.get("roomId")).toBe("room-1");
    expect(requests[0]?.searchParams.has("equipmentId")).toBe(false);
    // The week of 2031-03-11 in Seoul, Monday first.
    expect(new Date(requests[0]!.searchParams.get("start")!).toISOString()).toBe("2031-03-09T15:00:00.000Z");

    const links = [...container.querySelectorAll<HTMLAnchorElement>("a[href*='/admin/sessions/']")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["/en/admin/sessions/s-1", "/en/admin/sessions/s-2"]);
    expect(links[0]!.textContent).toContain("FT-DSP-201");
    expect(links[0]!.textContent).toContain("Chromatography basics");
    expect(links[0]!.textContent).toContain("Meeting 1 of 2 · Downstream Lab");
    // Seoul time whatever the machine's zone: 9:00 on the Monday.
    expect(links[0]!.textContent).toMatch(/9:00\s?AM\s?–\s?5:00\s?PM/);
    expect(links[1]!.textContent).toContain("draft");
    // Reachable with Tab: real links, not click-only boxes.
    expect(links.every((a) => a.tabIndex >= 0)).toBe(true);
  });

  it("speaks Korean in Korean", async () => {
    const container = await mount("ko");
    expect(container.textContent).toContain("오늘");
    expect(container.textContent).toContain("1회차");
    // Korean reads the 24-hour clock.
    expect(container.querySelector("a[href='/ko/admin/sessions/s-1']")!.textContent).toMatch(/09:00/);
    expect(container.querySelector("a[href='/ko/admin/sessions/s-1']")).not.toBeNull();
  });

  it("has no accessibility violations axe can see without layout (contrast is checked in the e2e run)", async () => {
    const container = await mount("en");
    const results = await axe.run(container, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      rules: { "color-contrast": { enabled: false }, region: { enabled: false } },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
