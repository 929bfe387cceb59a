import { describe, expect, it } from "vitest";
import { countdownParts, msUntilNextChange } from "./countdown";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const now = Date.UTC(2026, 11, 1, 0, 0, 0);

describe("countdownParts", () => {
  it("splits the time left into whole days, hours and minutes, rounding down", () => {
    expect(countdownParts(now + 2 * DAY + 3 * HOUR + 59 * MINUTE + 59_000, now)).toEqual({
      expired: false,
      days: 2,
      hours: 3,
      minutes: 59,
    });
    expect(countdownParts(now + 45 * MINUTE, now)).toEqual({
      expired: false,
      days: 0,
      hours: 0,
      minutes: 45,
    });
    expect(countdownParts(now + 30_000, now)).toEqual({
      expired: false,
      days: 0,
      hours: 0,
      minutes: 0,
    });
  });

  it("is expired at and after the deadline", () => {
    expect(countdownParts(now, now)).toEqual({ expired: true });
    expect(countdownParts(now - 1, now)).toEqual({ expired: true });
  });
});

describe("msUntilNextChange", () => {
  it("waits until the next whole minute of the remaining time", () => {
    expect(msUntilNextChange(now + 5 * MINUTE + 20_000, now)).toBe(20_000);
    expect(msUntilNextChange(now + 5 * MINUTE, now)).toBe(MINUTE);
    // Under a minute left: the next change is "expired", exactly at the deadline.
    expect(msUntilNextChange(now + 12_000, now)).toBe(12_000);
  });

  it("stops once the deadline has passed", () => {
    expect(msUntilNextChange(now, now)).toBeNull();
  });
});
