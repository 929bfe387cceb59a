// @vitest-environment happy-dom
import { NextIntlClientProvider } from "next-intl";
import { PathnameContext } from "next/dist/shared/lib/hooks-client-context.shared-runtime";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import ko from "@/messages/ko.json";
import { MobileMenu } from "@/components/site/mobile-menu";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
afterEach(() => {
  act(() => root.unmount());
  document.body.innerHTML = "";
});

function mount() {
  const container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  const render = (pathname: string) =>
    act(() =>
      root.render(
        <PathnameContext.Provider value={pathname}>
          <NextIntlClientProvider locale="ko" messages={ko} timeZone="Asia/Seoul">
            <MobileMenu>
              <a href="#panel-link">교육 과정</a>
            </MobileMenu>
          </NextIntlClientProvider>
        </PathnameContext.Provider>,
      ),
    );
  render("/ko");
  const toggle = container.querySelector("button")!;
  const panel = document.getElementById(toggle.getAttribute("aria-controls")!)!;
  return { toggle, panel, render };
}

describe("MobileMenu", () => {
  it("toggles the panel and reports it with aria-expanded", () => {
    const { toggle, panel } = mount();
    expect(panel.hidden).toBe(true);
    act(() => toggle.click());
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(panel.hidden).toBe(false);
    act(() => toggle.click());
    expect(panel.hidden).toBe(true);
  });

  it("closes on Escape and gives focus back to its button", () => {
    const { toggle, panel } = mount();
    act(() => toggle.click());
    act(() => {
      document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    });
    expect(panel.hidden).toBe(true);
    expect(document.activeElement).toBe(toggle);
  });

  it("closes when the user navigates", () => {
    const { toggle, panel, render } = mount();
    act(() => toggle.click());
    render("/ko/courses");
    expect(panel.hidden).toBe(true);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
  });
});
