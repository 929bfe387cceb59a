// @vitest-environment happy-dom
import { act, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DashboardBarChart } from "./bar-chart";

/**
 * Recharts draws in the browser only (nothing on the server), so the chart is mounted with React
 * DOM. happy-dom does no layout: elements report a box of the size a desktop card would have.
 */
beforeAll(() => {
  HTMLElement.prototype.getBoundingClientRect = function () {
    return {
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      right: 560,
      bottom: 260,
      width: 560,
      height: 260,
      toJSON() {},
    } as DOMRect;
  };
});
const mounted: (() => void)[] = [];
async function mount(node: ReactNode): Promise<HTMLElement> {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(node));
  mounted.push(() => {
    act(() => root.unmount());
    container.remove();
  });
  return container;
}
afterEach(() => mounted.splice(0).forEach((unmount) => unmount()));

const months = [
  { label: "Oct 2026", value: 11 },
  { label: "Nov 2026", value: 12 },
  { label: "Dec 2026", value: 0 },
];

describe("DashboardBarChart", () => {
  it("is one described image without a keyboard stop of its own (the table next to it has the figures)", async () => {
    const container = await mount(
      <DashboardBarChart
        data={months}
        summary="Bar chart of enrollments per month"
        seriesName="Enrollments"
        locale="en"
      />,
    );
    const figure = container.querySelector('[role="img"]')!;
    expect(figure.getAttribute("aria-label")).toBe("Bar chart of enrollments per month");
    const svg = figure.querySelector("svg")!;
    expect(svg).not.toBeNull();
    expect(svg.getAttribute("role")).toBeNull();
    // (Recharts' hidden tooltip has tabindex -1: focusable by script only, never a tab stop.)
    expect(container.querySelectorAll('[tabindex]:not([tabindex="-1"])')).toHaveLength(0);
    // One bar per month with a value, in the brand colour.
    const bars = figure.querySelectorAll(".recharts-bar-rectangle path");
    expect(bars).toHaveLength(2);
    expect(bars[0]!.getAttribute("fill")).toBe("#0f766e");
  });

  it("writes amounts of won compactly on the value axis", async () => {
    const container = await mount(
      <DashboardBarChart
        data={[{ label: "11월", value: 7_400_000 }]}
        summary="매출"
        seriesName="매출"
        format="krw"
        locale="ko"
      />,
    );
    expect(container.textContent).toMatch(/₩\s?\d+(\.\d)?만/);
  });
});
