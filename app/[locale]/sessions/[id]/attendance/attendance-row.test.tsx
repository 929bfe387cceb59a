// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderPage } from "@/components/site/test-render";
import { AttendanceRow } from "./attendance-row";

const row = (status: "PRESENT" | "LATE" | "ABSENT" | null, recorded: string | null) => (
  <ul>
    <AttendanceRow
      sessionId="ses-1"
      meetingId="mtg-1"
      enrollmentId="enr-1"
      name="김민지"
      organization="송도바이오로직스"
      status={status}
      recorded={recorded}
    />
  </ul>
);

describe("AttendanceRow", () => {
  it("is a group named by the trainee with three labelled radios, the current mark checked", () => {
    const doc = renderPage(row("LATE", "박준호 기록 · 2026년 3월 3일 09:12 GMT+9"));
    const group = doc.querySelector("fieldset")!;
    expect(group.querySelector("legend")?.textContent).toBe("김민지송도바이오로직스");
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.closest("label")?.textContent)).toEqual(["출석", "지각", "결석"]);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    expect(radios.map((r) => r.hasAttribute("checked"))).toEqual([false, true, false]);
    // Large touch targets: every option is at least 48 px high.
    for (const r of radios) expect(r.nextElementSibling?.className).toContain("min-h-12");
    // Who recorded it is announced with the group.
    const status = doc.getElementById(group.getAttribute("aria-describedby")!)!;
    expect(status.getAttribute("aria-live")).toBe("polite");
    expect(status.textContent).toContain("박준호 기록");
  });

  it("says when nothing is recorded yet, with no option checked", () => {
    const doc = renderPage(row(null, null), { locale: "en" });
    expect([...doc.querySelectorAll("input:checked")]).toHaveLength(0);
    expect(doc.body.textContent).toContain("Not recorded yet.");
    expect(doc.querySelector("legend")?.textContent).toContain("김민지");
  });
});
