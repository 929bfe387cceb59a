import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  buildSessionIcs,
  foldLine,
  icsSequence,
  type SessionIcsInput,
} from "@/lib/calendar/session-ics";

/** Parsed back with ical.js (the parser of Thunderbird), the way a calendar app reads the file. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vtimezone = calendar.getFirstSubcomponent("vtimezone");
  // ical.js knows no zones of its own: times resolve only through the VTIMEZONE the file carries.
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      description: event.description,
      url: component.getFirstPropertyValue("url"),
      status: component.getFirstPropertyValue("status"),
      sequence: event.sequence,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      startZone: component.getFirstProperty("dtstart")!.getParameter("tzid"),
      endZone: component.getFirstProperty("dtend")!.getParameter("tzid"),
    };
  });
  return { calendar, vtimezone, events };
}

const threeDays: SessionIcsInput = {
  sessionId: "ses_1",
  courseCode: "FT-DSP-201",
  title: "ÄKTA 기반 단일클론항체(mAb) 정제 실습: 단백질 A 크로마토그래피, 이온교환, 바이러스 여과",
  description:
    "FT-DSP-201 · 일정 확인과 취소는 내 수강 신청에서 할 수 있습니다; 문의: 032-000-0000",
  location: "다운스트림 실습실 2, Fast Trak 센터 (송도)",
  url: "https://enroll.example/ko/me/enrollments",
  meetings: [
    // Out of order on purpose: the file lists them by time.
    {
      id: "mtg_b",
      startsAt: new Date("2026-12-04T00:00:00Z"),
      endsAt: new Date("2026-12-04T08:00:00Z"),
    },
    {
      id: "mtg_a",
      startsAt: new Date("2026-12-03T00:00:00Z"),
      endsAt: new Date("2026-12-03T08:00:00Z"),
    },
    {
      id: "mtg_c",
      startsAt: new Date("2026-12-05T00:30:00Z"),
      endsAt: new Date("2026-12-05T04:00:00Z"),
    },
  ],
  generatedAt: new Date("2026-11-20T03:00:00Z"),
};

describe("buildSessionIcs", () => {
  it("writes one event per meeting at Seoul wall-clock times, with stable UIDs", () => {
    const ics = buildSessionIcs(threeDays);
    const { calendar, vtimezone, events } = parse(ics);

    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(vtimezone?.getFirstPropertyValue("tzid")).toBe("Asia/Seoul");
    const standard = vtimezone!.getFirstSubcomponent("standard")!;
    expect(String(standard.getFirstPropertyValue("tzoffsetto"))).toBe("+09:00");
    expect(vtimezone!.getFirstSubcomponent("daylight")).toBeNull();

    expect(events).toHaveLength(3);
    expect(events.map((e) => e.uid)).toEqual([
      "meeting-mtg_a@fasttrak-enroll",
      "meeting-mtg_b@fasttrak-enroll",
      "meeting-mtg_c@fasttrak-enroll",
    ]);
    // 09:00 in Seoul is 00:00 UTC.
    expect(events[0]!.start.toISOString()).toBe("2026-12-03T00:00:00.000Z");
    expect(events[0]!.end.toISOString()).toBe("2026-12-03T08:00:00.000Z");
    expect(events[2]!.start.toISOString()).toBe("2026-12-05T00:30:00.000Z");
    expect(events.every((e) => e.startZone === "Asia/Seoul" && e.endZone === "Asia/Seoul")).toBe(
      true,
    );
    expect(ics).toContain("DTSTART;TZID=Asia/Seoul:20261203T090000\r\n");
    expect(ics).toContain("DTEND;TZID=Asia/Seoul:20261205T130000\r\n");
    // No UTC or floating event times (the VTIMEZONE's own DTSTART is the only bare one).
    for (const event of ics.split("BEGIN:VEVENT").slice(1))
      expect(event).not.toMatch(/^DT(START|END):/m);

    // Text survives escaping and folding intact, Korean included.
    expect(events[0]!.summary).toBe(`${threeDays.title} (1/3)`);
    expect(events[2]!.summary).toBe(`${threeDays.title} (3/3)`);
    expect(events[0]!.location).toBe(threeDays.location);
    expect(events[0]!.description).toBe(threeDays.description);
    expect(events[0]!.url).toBe(threeDays.url);
    expect(events.every((e) => e.status === "CONFIRMED")).toBe(true);
  });

  it("uses CRLF line endings and folds every line at 75 octets without splitting a character", () => {
    const ics = buildSessionIcs(threeDays);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = ics.split("\r\n").slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
    // The long Korean title had to be folded (the `ics` package alone counts characters, not octets).
    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
    expect(lines.join("\n")).not.toContain("\uFFFD");

    expect(foldLine("a".repeat(75))).toBe("a".repeat(75));
    expect(foldLine("a".repeat(76))).toBe(`${"a".repeat(75)}\r\n a`);
    const korean = foldLine(`SUMMARY:${"가".repeat(40)}`);
    for (const part of korean.split("\r\n"))
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(korean.replace(/\r\n /g, "")).toBe(`SUMMARY:${"가".repeat(40)}`);
  });

  it("is the same file for the same input, and a later revision supersedes an earlier one", () => {
    expect(buildSessionIcs(threeDays)).toBe(buildSessionIcs(threeDays));
    const first = parse(
      buildSessionIcs({ ...threeDays, revisedAt: new Date("2026-11-20T03:00:00Z") }),
    );
    const moved = parse(
      buildSessionIcs({
        ...threeDays,
        revisedAt: new Date("2026-11-21T10:15:00Z"),
        meetings: [
          {
            id: "mtg_a",
            startsAt: new Date("2026-12-03T01:00:00Z"),
            endsAt: new Date("2026-12-03T09:00:00Z"),
          },
        ],
      }),
    );
    // Same UID, higher SEQUENCE: calendar apps replace the event instead of adding a second one.
    expect(moved.events[0]!.uid).toBe(first.events[0]!.uid);
    expect(moved.events[0]!.sequence).toBeGreaterThan(first.events[0]!.sequence);
    expect(moved.events[0]!.summary).toBe(threeDays.title); // one meeting: no "(1/1)"
    expect(icsSequence(new Date("2088-01-01T00:00:00Z"))).toBeLessThan(2 ** 31);
  });

  it("cancels every meeting with METHOD:CANCEL and STATUS:CANCELLED", () => {
    const ics = buildSessionIcs({
      ...threeDays,
      method: "CANCEL",
      location: null,
      description: undefined,
    });
    const { calendar, events } = parse(ics);
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.status === "CANCELLED")).toBe(true);
    expect(events[1]!.uid).toBe("meeting-mtg_b@fasttrak-enroll");
    expect(ics).not.toMatch(/^LOCATION:/m);
  });
});
