import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatKrw } from "@/lib/i18n/format";

// 2026-12-02 23:30 UTC is already 3 December, 08:30 in Seoul.
const lateEveningUtc = new Date("2026-12-02T23:30:00Z");

describe("formatting in Asia/Seoul", () => {
  it("shows date and time in Seoul with the zone named, in both languages", () => {
    expect(formatDateTime(lateEveningUtc, "ko")).toBe("2026년 12월 3일 08:30 GMT+9");
    expect(formatDateTime(lateEveningUtc, "en")).toBe("Dec 3, 2026, 8:30 AM GMT+9");
  });

  it("shows the Seoul calendar day with the zone named", () => {
    expect(formatDate(lateEveningUtc, "ko")).toBe("2026년 12월 3일 GMT+9");
    expect(formatDate(lateEveningUtc, "en")).toBe("Dec 3, 2026, GMT+9");
  });

  it("formats KRW per locale without decimals", () => {
    expect(formatKrw(1_200_000, "ko")).toBe("₩1,200,000");
    expect(formatKrw(1_200_000, "en")).toBe("₩1,200,000");
  });
});
