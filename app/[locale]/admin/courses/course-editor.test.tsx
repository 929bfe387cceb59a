// @vitest-environment happy-dom
import { NextIntlClientProvider } from "next-intl";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/actions/action-result";
import type { PrerequisiteOption } from "@/lib/courses/courses.queries";
import ko from "@/messages/ko.json";
import { CourseEditor } from "./course-editor";
import { NEW_COURSE_VALUES } from "./editor-values";
import { coursePreviewMessages } from "./preview-messages";

/**
 * The course editor in a browser-like DOM, driven as an admin would: typing, the slug that
 * follows the English title, outcome lines, the preview's language switch, and what a refused
 * save leaves on screen. The server action is a stand-in that records what was submitted.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const previewMessages = coursePreviewMessages();

const options: PrerequisiteOption[] = [
  {
    id: "c-usp",
    code: "FT-USP-101",
    titleKo: "동물세포 배양 기초",
    titleEn: "Fundamentals of Mammalian Cell Culture",
    archived: false,
    dependsOnCourse: false,
  },
  {
    id: "c-dsp",
    code: "FT-DSP-301",
    titleKo: "고급 정제",
    titleEn: "Advanced Purification",
    archived: false,
    dependsOnCourse: true,
  },
];

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

function mount(action: (prev: ActionResult, fd: FormData) => Promise<ActionResult>) {
  const container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root!.render(
      <NextIntlClientProvider
        locale="ko"
        messages={ko}
        timeZone="Asia/Seoul"
        onError={(error) => {
          throw error;
        }}
      >
        <CourseEditor
          action={action}
          initial={NEW_COURSE_VALUES}
          prerequisiteOptions={options}
          previewMessages={previewMessages}
        />
      </NextIntlClientProvider>,
    ),
  );
  /** A control by its accessible name: a <label> (for= or wrapping) or aria-label. */
  const byLabel = <T extends HTMLElement = HTMLInputElement>(text: string): T => {
    const label = [...container.querySelectorAll("label")].find(
      (l) => l.textContent?.replace("*", "").trim() === text,
    );
    const control = label
      ? label.htmlFor
        ? container.querySelector<T>(`[id="${label.htmlFor}"]`)
        : label.querySelector<T>("input, select, textarea")
      : container.querySelector<T>(`[aria-label="${text}"]`);
    if (!control) throw new Error(`no control labelled "${text}"`);
    return control;
  };
  const button = (name: string) => {
    const found = [...container.querySelectorAll("button")].find(
      (b) => (b.getAttribute("aria-label") ?? b.textContent)?.trim() === name,
    );
    if (!found) throw new Error(`no button "${name}"`);
    return found;
  };
  return { container, byLabel, button };
}

/** Types into a React-controlled input the way a browser does (native setter + input event). */
function type(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = Object.getPrototypeOf(element) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, "value")!.set!;
  act(() => {
    setter.call(element, value);
    element.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

const idle = async () => ({ ok: false }) as ActionResult;

describe("CourseEditor", () => {
  it("labels both languages side by side and fills the slug from the English title until edited", () => {
    const { byLabel } = mount(idle);
    const titleKo = byLabel("제목 (한국어)");
    const titleEn = byLabel("제목 (영어)");
    expect(titleKo.getAttribute("lang")).toBe("ko");
    expect(titleEn.getAttribute("lang")).toBe("en");

    type(titleEn, "ÄKTA Chromatography & mAb Purification");
    const slug = byLabel("웹 주소");
    expect(slug.value).toBe("akta-chromatography-mab-purification");

    type(slug, "akta-basics");
    type(titleEn, "Something else");
    expect(slug.value).toBe("akta-basics");
  });

  it("previews what is typed, in the language picked, with that language's own wording", () => {
    const { container, byLabel, button } = mount(idle);
    type(byLabel("제목 (한국어)"), "막 여과 실습");
    type(byLabel("제목 (영어)"), "Membrane Filtration Practice");
    type(byLabel("학습 목표 (한국어) 1번째 줄"), "TFF 시스템을 설치한다");
    type(byLabel("정가 (원)"), "650000");
    const preview = container.querySelector<HTMLElement>("[lang].grid")!;
    expect(preview.getAttribute("lang")).toBe("ko");
    expect(preview.textContent).toContain("막 여과 실습");
    expect(preview.textContent).toContain("TFF 시스템을 설치한다");
    expect(preview.textContent).toContain(ko.course.outcomes);

    const english = button("English");
    act(() => english.click());
    expect(english.getAttribute("aria-pressed")).toBe("true");
    expect(preview.getAttribute("lang")).toBe("en");
    expect(preview.textContent).toContain("Membrane Filtration Practice");
    expect(preview.textContent).toContain("What you will learn");
    expect(preview.textContent).toContain("₩650,000");
    expect(preview.textContent).not.toContain("막 여과 실습");
  });

  it("edits outcomes line by line: Enter adds a line below, lines move and go", () => {
    const { container, byLabel, button } = mount(idle);
    const first = byLabel("학습 목표 (영어) 1번째 줄");
    type(first, "Set up a TFF system");
    act(() => {
      first.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    });
    const second = byLabel("학습 목표 (영어) 2번째 줄");
    type(second, "Optimise flux");
    act(() => button("학습 목표 (영어) 2번째 줄 위로 이동").click());
    const lines = () =>
      [...container.querySelectorAll<HTMLInputElement>('input[name="outcomesEn"]')].map(
        (i) => i.value,
      );
    expect(lines()).toEqual(["Optimise flux", "Set up a TFF system"]);
    act(() => button("학습 목표 (영어) 1번째 줄 삭제").click());
    expect(lines()).toEqual(["Set up a TFF system"]);
  });

  it("offers courses that depend on this one disabled, with the reason", () => {
    const { byLabel, container } = mount(idle);
    expect(byLabel("FT-USP-101동물세포 배양 기초").disabled).toBe(false);
    const blocked = container.querySelector<HTMLInputElement>('input[value="c-dsp"]')!;
    expect(blocked.disabled).toBe(true);
    expect(
      container.querySelector(`[id="${blocked.getAttribute("aria-describedby")}"]`)?.textContent,
    ).toBe(ko.adminCourses.editor.prerequisites.dependsOnCourse);
  });

  it("submits every field and, when refused, shows the errors and keeps what was typed", async () => {
    let submitted: FormData | null = null;
    const refuse = async (_prev: ActionResult, fd: FormData): Promise<ActionResult> => {
      submitted = fd;
      const values: Record<string, string> = {};
      for (const name of new Set(fd.keys())) values[name] = fd.getAll(name).map(String).join(",");
      return {
        ok: false,
        errorCode: "VALIDATION",
        formError: ko.errors.VALIDATION,
        fieldErrors: { titleKo: [ko.validation.required] },
        values,
      };
    };
    const { container, byLabel, button } = mount(refuse);
    type(byLabel("제목 (영어)"), "Membrane Filtration");
    type(byLabel("학습 목표 (한국어) 1번째 줄"), "플럭스를 최적화한다");
    const category = byLabel<HTMLSelectElement>("분야");
    act(() => {
      category.value = "DOWNSTREAM";
      category.dispatchEvent(new Event("change", { bubbles: true }));
    });
    act(() => byLabel("FT-USP-101동물세포 배양 기초").click());
    act(() => byLabel("영어").click());

    await act(async () => {
      button("과정 만들기").click();
    });

    expect(submitted).not.toBeNull();
    const fd = submitted! as FormData;
    expect(fd.get("titleEn")).toBe("Membrane Filtration");
    expect(fd.get("slug")).toBe("membrane-filtration");
    expect(fd.getAll("outcomesKo")).toEqual(["플럭스를 최적화한다"]);
    expect(fd.getAll("deliveryLanguages")).toEqual(["ko", "en"]);
    expect(fd.getAll("prerequisiteIds")).toEqual(["c-usp"]);
    expect(fd.get("category")).toBe("DOWNSTREAM");
    expect(fd.get("completionMinAttendancePct")).toBe("100");

    expect(container.querySelector('[role="alert"]')?.textContent).toBe(ko.errors.VALIDATION);
    const titleKo = byLabel("제목 (한국어)");
    expect(titleKo.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(titleKo);
    expect(byLabel("제목 (영어)").value).toBe("Membrane Filtration");
    // The form reset that follows an action returns a select to its default option. happy-dom's
    // reset ignores defaultSelected, so check the default itself (browsers reset to it; the e2e
    // spec checks the value in Chromium).
    const chosen = byLabel<HTMLSelectElement>("분야").querySelector<HTMLOptionElement>(
      'option[value="DOWNSTREAM"]',
    )!;
    expect(chosen.defaultSelected).toBe(true);
    expect(byLabel("FT-USP-101동물세포 배양 기초").checked).toBe(true);
    expect(byLabel("영어").checked).toBe(true);
  });
});
