import { describe, expect, it } from "vitest";
import { describeIssues } from "@/lib/actions/zod-issues";
import { createSessionSchema } from "@/lib/sessions/sessions.schemas";
import { newSessionValues } from "@/lib/sessions/form-values";
import { calendarDaysBetween, seoulInstant, seoulLocalValue, seoulMonthRange, seoulWallClock } from "@/lib/sessions/seoul-time";

/** The scheduling form's fields as the browser posts them (one meeting row per index). */
function posted(rows: [string, string, string][], extra: Record<string, unknown> = {}) {
  return {
    courseId: "course-1",
    roomId: "room-1",
    instructorIds: ["u-1", "u-2"],
    meetingId: rows.map(() => ""),
    meetingDate: rows.map((r) => r[0]),
    meetingStart: rows.map((r) => r[1]),
    meetingEnd: rows.map((r) => r[2]),
    capacity: "10",
    minEnrollment: "2",
    registrationOpensAt: "2031-01-01T09:00",
    registrationClosesAt: "2031-03-07T18:00",
    cancellationCutoffAt: "2031-03-03T18:00",
    language: "ko",
    priceKrw: "300000",
    waitlistMode: "AUTO",
    offerHours: "48",
    notes: "",
    ...extra,
  };
}

const errorKeys = (input: unknown) => {
  const result = createSessionSchema.safeParse(input);
  if (result.success) return {};
  const { fieldErrors } = describeIssues(result.error);
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, list]) => [field, list.map((d) => d.key)]));
};

describe("createSessionSchema", () => {
  it("reads meeting rows on the Seoul wall clock, in time order, the first instructor leading by default", () => {
    const parsed = createSessionSchema.parse(
      posted([
        ["2031-03-11", "13:00", "17:00"],
        ["2031-03-10", "09:00", "17:00"],
      ]),
    );
    expect(parsed.meetings).toEqual([
      { id: null, startsAt: new Date("2031-03-10T00:00:00Z"), endsAt: new Date("2031-03-10T08:00:00Z") },
      { id: null, startsAt: new Date("2031-03-11T04:00:00Z"), endsAt: new Date("2031-03-11T08:00:00Z") },
    ]);
    expect(parsed.leadInstructorId).toBe("u-1");
    expect(parsed.registrationClosesAt).toEqual(new Date("2031-03-07T09:00:00Z"));
    expect(parsed.equipmentIds).toEqual([]);
  });

  it("accepts a single row (FormData gives a string, not a list) and back-to-back meetings", () => {
    const one = createSessionSchema.safeParse({
      ...posted([]),
      meetingId: "",
      meetingDate: "2031-03-10",
      meetingStart: "09:00",
      meetingEnd: "12:00",
    });
    expect(one.success).toBe(true);
    expect(createSessionSchema.safeParse(posted([["2031-03-10", "09:00", "12:00"], ["2031-03-10", "12:00", "15:00"]])).success).toBe(true);
  });

  it("points at the row and field that is wrong", () => {
    expect(
      errorKeys(
        posted([
          ["2031-03-10", "09:00", "17:00"],
          ["2031-02-30", "09:00", "12:00"],
          ["2031-03-12", "14:00", "13:00"],
          ["2031-03-13", "9am", "12:00"],
        ]),
      ),
    ).toEqual({
      "meetings.1.date": ["adminSessions.validation.date"],
      "meetings.2.end": ["adminSessions.validation.endBeforeStart"],
      "meetings.3.start": ["adminSessions.validation.time"],
    });
    expect(errorKeys(posted([["2031-03-10", "09:00", "17:00"], ["2031-03-10", "16:00", "18:00"]]))).toEqual({
      "meetings.1.start": ["adminSessions.validation.meetingsOverlap"],
    });
    expect(errorKeys(posted([]))).toMatchObject({ meetings: ["adminSessions.validation.meetingsRequired"] });
  });

  it("checks the deadlines against the first meeting, the lead against the instructors and the minimum against capacity", () => {
    expect(
      errorKeys(
        posted([["2031-03-10", "09:00", "17:00"]], {
          registrationClosesAt: "2031-03-10T10:00",
          cancellationCutoffAt: "2031-03-11T00:00",
          leadInstructorId: "someone-else",
          minEnrollment: "11",
          instructorIds: ["u-1"],
        }),
      ),
    ).toEqual({
      registrationClosesAt: ["adminSessions.validation.registrationAfterStart"],
      cancellationCutoffAt: ["adminSessions.validation.cutoffAfterStart"],
      leadInstructorId: ["adminSessions.validation.leadNotInstructor"],
      minEnrollment: ["adminSessions.validation.minAboveCapacity"],
    });
    expect(errorKeys(posted([["2031-03-10", "09:00", "17:00"]], { instructorIds: undefined }))).toEqual({
      instructorIds: ["adminSessions.validation.instructorRequired"],
    });
  });
});

describe("Seoul wall clock", () => {
  it("converts both ways at UTC+9 whatever the machine's zone", () => {
    const instant = seoulInstant("2031-12-31", "23:30");
    expect(instant.toISOString()).toBe("2031-12-31T14:30:00.000Z");
    expect(seoulWallClock(new Date("2031-12-31T15:30:00Z"))).toEqual({ date: "2032-01-01", time: "00:30" });
    expect(seoulLocalValue(instant)).toBe("2031-12-31T23:30");
    expect(seoulMonthRange("2031-12")).toEqual({
      from: new Date("2031-11-30T15:00:00Z"),
      to: new Date("2031-12-31T15:00:00Z"),
    });
    expect(calendarDaysBetween("2031-08-04", "2031-09-01")).toBe(28);
  });

  it("proposes a new session four weeks ahead on a working day, with deadlines before it", () => {
    // Wednesday 2031-01-01 10:00 in Seoul → first working day from 2031-01-29 on is Wed 2031-01-29.
    const values = newSessionValues(new Date("2031-01-01T01:00:00Z"));
    expect(values.meetings).toEqual([{ id: "", date: "2031-01-29", start: "09:00", end: "17:00" }]);
    expect(values.registrationClosesAt).toBe("2031-01-26T18:00");
    expect(values.cancellationCutoffAt).toBe("2031-01-22T18:00");
    expect(createSessionSchema.safeParse({ ...values, courseId: "c", roomId: "r", instructorIds: ["i"], capacity: "8", priceKrw: "0" }).success).toBe(true);
  });
});
