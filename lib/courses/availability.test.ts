import { describe, expect, it } from "vitest";
import { registrationState, seatAvailability } from "@/lib/courses/availability";

describe("seatAvailability", () => {
  it("is full with no seat left", () => {
    expect(seatAvailability(12, 12)).toBe("full");
  });
  it("is low with three seats or a fifth of the capacity left", () => {
    expect(seatAvailability(12, 9)).toBe("low");
    expect(seatAvailability(30, 24)).toBe("low");
    expect(seatAvailability(30, 23)).toBe("available");
    expect(seatAvailability(12, 8)).toBe("available");
  });
});

describe("registrationState", () => {
  const window = {
    registrationOpensAt: new Date("2026-12-01T00:00:00Z"),
    registrationClosesAt: new Date("2026-12-10T00:00:00Z"),
  };
  it("follows the registration window", () => {
    expect(registrationState(window, new Date("2026-11-30T23:59:59Z"))).toBe("not-open-yet");
    expect(registrationState(window, new Date("2026-12-01T00:00:00Z"))).toBe("open");
    expect(registrationState(window, new Date("2026-12-10T00:00:00Z"))).toBe("closed");
  });
});
