import { describe, expect, it } from "vitest";
import { canRecordMeeting, decideCompletion, lastMeetingStart } from "@/lib/attendance/completion.rules";

describe("decideCompletion", () => {
  const rule = (attended: number, meetings: number, minAttendancePct: number) =>
    decideCompletion({ attended, meetings, minAttendancePct, courseHours: 40 });

  it("needs every meeting under the default rule", () => {
    expect(rule(5, 5, 100)).toEqual({ status: "COMPLETED", hours: 40 });
    expect(rule(4, 5, 100)).toEqual({ status: "NO_SHOW", hours: 0 });
  });

  it("compares whole shares, so 4 of 5 meets 80 % and 3 of 5 does not", () => {
    expect(rule(4, 5, 80)).toEqual({ status: "COMPLETED", hours: 32 });
    expect(rule(3, 5, 80)).toEqual({ status: "NO_SHOW", hours: 0 });
    expect(rule(1, 3, 33)).toMatchObject({ status: "COMPLETED" });
  });

  it("certifies no one for a session without meetings", () => {
    expect(rule(0, 0, 0)).toEqual({ status: "NO_SHOW", hours: 0 });
  });
});

describe("meeting timing", () => {
  const startsAt = new Date("2026-03-03T00:00:00Z");
  it("opens recording an hour before a meeting starts", () => {
    expect(canRecordMeeting({ startsAt }, new Date("2026-03-02T22:59:59Z"))).toBe(false);
    expect(canRecordMeeting({ startsAt }, new Date("2026-03-02T23:00:00Z"))).toBe(true);
  });

  it("finds the last meeting's start", () => {
    expect(lastMeetingStart([{ startsAt }, { startsAt: new Date("2026-03-01T00:00:00Z") }])).toEqual(startsAt);
    expect(lastMeetingStart([])).toBeNull();
  });
});
