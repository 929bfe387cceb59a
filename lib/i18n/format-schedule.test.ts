import { describe, expect, it } from "vitest";
import * as schedule from "@/lib/i18n/format";

// ICU puts narrow and thin no-break spaces around times and dashes; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u2009\u00a0]/g, " ");
const formatMeetingRange = (...args: Parameters<typeof schedule.formatMeetingRange>) =>
  plain(schedule.formatMeetingRange(...args));
const formatDayRange = (...args: Parameters<typeof schedule.formatDayRange>) =>
  plain(schedule.formatDayRange(...args));

// 00:00–08:00 UTC is 09:00–17:00 in Seoul.
const start = new Date("2026-12-03T00:00:00Z");
const end = new Date("2026-12-03T08:00:00Z");

describe("schedule ranges in Asia/Seoul", () => {
  it("shows a meeting's day, weekday, times and zone once", () => {
    expect(formatMeetingRange(start, end, "ko")).toBe("2026년 12월 3일 (목) 09:00 ~ 17:00 GMT+9");
    expect(formatMeetingRange(start, end, "en")).toBe("Thu, Dec 3, 2026, 9:00 AM – 5:00 PM GMT+9");
  });

  it("shows the Seoul day even when it differs from the UTC day", () => {
    const lateUtc = new Date("2026-12-02T23:30:00Z"); // 3 December, 08:30 in Seoul
    expect(formatMeetingRange(lateUtc, end, "en")).toBe(
      "Thu, Dec 3, 2026, 8:30 AM – 5:00 PM GMT+9",
    );
  });

  it("spans the days of a session", () => {
    const lastDay = new Date("2026-12-04T08:00:00Z");
    expect(formatDayRange(start, lastDay, "en")).toBe("Dec 3 – 4, 2026 GMT+9");
    expect(formatDayRange(start, end, "en")).toBe("Dec 3, 2026 GMT+9");
    expect(formatDayRange(start, lastDay, "ko")).toMatch(/^2026년 12월 3일 ?~ ?4일 GMT\+9$/);
  });
});
