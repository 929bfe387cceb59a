// @vitest-environment happy-dom
import axe from "axe-core";
import { NextIntlClientProvider } from "next-intl";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import { formDataToObject } from "@/lib/actions/form-input";
import { createSessionSchema } from "@/lib/sessions/sessions.schemas";
import { newSessionValues } from "@/lib/sessions/form-values";
import { SessionForm } from "./session-form";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

const courses = [
  { id: "c-1", label: "FT-DSP-201 · Chromatography", defaultCapacity: 10, listPriceKrw: 450_000, deliveryLanguages: ["en" as const] },
];
const rooms = [
  { id: "r-1", label: "Downstream Lab", capacity: 12 },
  { id: "r-2", label: "Lecture Room A", capacity: 30 },
];
const equipment = [
  { id: "e-1", label: "ÄKTA pure #01", roomId: "r-1" },
  { id: "e-2", label: "HPLC #01", roomId: null },
];
const instructors = [
  { id: "i-1", name: "Park Junho" },
  { id: "i-2", name: "Lee Sora" },
];

function mount(locale: "ko" | "en" = "en") {
  const container = document.createElement("main");
  document.body.append(container);
  document.documentElement.lang = locale;
  root = createRoot(container);
  act(() =>
    root!.render(
      <NextIntlClientProvider locale={locale} messages={locale === "ko" ? ko : en} timeZone="Asia/Seoul">
        <SessionForm
          mode="create"
          initial={newSessionValues(new Date("2031-01-01T01:00:00Z"))}
          courses={courses}
          rooms={rooms}
          equipment={equipment}
          instructors={instructors}
          cancelHref="/admin/sessions"
        />
      </NextIntlClientProvider>,
    ),
  );
  return container;
}

/** Sets a control's value the way typing or picking would (React listens to input/change). */
function change(element: HTMLInputElement | HTMLSelectElement, value: string) {
  const proto = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(element, value);
  act(() => {
    element.dispatchEvent(new Event("input", { bubbles: true }));
    element.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

function click(element: HTMLElement) {
  act(() => element.click());
}

const byLabel = (container: HTMLElement, text: string) =>
  [...container.querySelectorAll("label")].find((l) => l.textContent?.replace("*", "").trim() === text);

describe("SessionForm", () => {
  it("posts what the server schema reads: course defaults, meeting rows, resources and the lead", () => {
    const container = mount();
    const form = container.querySelector("form")!;
    change(container.querySelector<HTMLSelectElement>("select[name=courseId]")!, "c-1");
    // The course's capacity, price and language are filled in.
    expect(container.querySelector<HTMLInputElement>("input[name=capacity]")!.value).toBe("10");
    expect(container.querySelector<HTMLInputElement>("input[name=priceKrw]")!.value).toBe("450000");
    expect(container.querySelector<HTMLSelectElement>("select[name=language]")!.value).toBe("en");

    change(container.querySelector<HTMLSelectElement>("select[name=roomId]")!, "r-1");
    click(container.querySelector<HTMLInputElement>("input[name=equipmentIds][value=e-1]")!);
    click(container.querySelector<HTMLInputElement>("input[name=instructorIds][value=i-1]")!);
    click(container.querySelector<HTMLInputElement>("input[name=instructorIds][value=i-2]")!);
    click(container.querySelector<HTMLInputElement>("input[name=leadInstructorId][value=i-2]")!);

    const add = [...container.querySelectorAll("button")].find((b) => b.textContent === "Add a meeting")!;
    click(add);
    // The new row's date has focus and defaults to the next working day.
    const dates = container.querySelectorAll<HTMLInputElement>("input[name=meetingDate]");
    expect(dates).toHaveLength(2);
    expect(document.activeElement).toBe(dates[1]);
    expect(dates[1]!.value).toBe("2031-01-30");

    const parsed = createSessionSchema.parse(formDataToObject(new FormData(form)));
    expect(parsed).toMatchObject({
      courseId: "c-1",
      roomId: "r-1",
      equipmentIds: ["e-1"],
      instructorIds: ["i-1", "i-2"],
      leadInstructorId: "i-2",
      capacity: 10,
      language: "en",
      meetings: [
        { startsAt: new Date("2031-01-29T00:00:00Z"), endsAt: new Date("2031-01-29T08:00:00Z") },
        { startsAt: new Date("2031-01-30T00:00:00Z"), endsAt: new Date("2031-01-30T08:00:00Z") },
      ],
    });
  });

  it("moves the deadlines with the first meeting until the admin sets them, and removes rows by keyboard-reachable buttons", () => {
    const container = mount();
    change(container.querySelector<HTMLInputElement>("input[name=meetingDate]")!, "2031-02-10");
    expect(container.querySelector<HTMLInputElement>("input[name=registrationClosesAt]")!.value).toBe("2031-02-07T18:00");
    expect(container.querySelector<HTMLInputElement>("input[name=cancellationCutoffAt]")!.value).toBe("2031-02-03T18:00");
    change(container.querySelector<HTMLInputElement>("input[name=registrationClosesAt]")!, "2031-02-05T12:00");
    change(container.querySelector<HTMLInputElement>("input[name=meetingDate]")!, "2031-02-17");
    expect(container.querySelector<HTMLInputElement>("input[name=registrationClosesAt]")!.value).toBe("2031-02-05T12:00");

    const add = [...container.querySelectorAll("button")].find((b) => b.textContent === "Add a meeting")!;
    click(add);
    const remove = container.querySelector<HTMLButtonElement>("button[aria-label='Remove meeting 2']")!;
    click(remove);
    expect(container.querySelectorAll("input[name=meetingDate]")).toHaveLength(1);
    expect(document.activeElement).toBe(add);
  });

  it("labels every control, in both languages (axe, without layout)", async () => {
    for (const locale of ["en", "ko"] as const) {
      const container = mount(locale);
      expect(byLabel(container, locale === "en" ? "Room" : "강의실")).toBeTruthy();
      const results = await axe.run(container, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        rules: { "color-contrast": { enabled: false } },
      });
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      act(() => root?.unmount());
      root = null;
      document.body.innerHTML = "";
    }
  });
});
