import { createEvents, type EventAttributes } from "ics";
import { TIME_ZONE } from "@/lib/i18n/format";

/**
 * The iCalendar (.ics) file of a session: one VEVENT per meeting, in the center's time zone.
 * Built with the `ics` package, then post-processed where it falls short of what calendar apps
 * need (see `finish`): it only writes UTC or floating times, and it folds lines at 75
 * characters where RFC 5545 says 75 octets (a Korean title is three octets per character).
 */

export type SessionIcsMethod = "PUBLISH" | "CANCEL";

export type SessionIcsInput = {
  sessionId: string;
  courseCode: string;
  /** Course title in the reader's language; every event's SUMMARY. */
  title: string;
  description?: string;
  location: string | null;
  /** Where the trainee manages the enrollment (My enrollments). */
  url: string;
  meetings: { id: string; startsAt: Date; endsAt: Date }[];
  /** CANCEL marks every event cancelled, so an import removes or strikes out what PUBLISH added. */
  method?: SessionIcsMethod;
  /**
   * When this version of the schedule was produced; SEQUENCE is derived from it (defaults to
   * `generatedAt`). Calendar apps replace an event of the same UID only with an equal or
   * higher SEQUENCE, so it has to grow with every newer file: a content hash would not (it
   * goes down as often as up, and the update would be ignored as "older"). Seconds since
   * 2020 grow, fit SEQUENCE's 32 bits until 2088, and are the same for the same input.
   */
  revisedAt?: Date;
  /** DTSTAMP: when this file was made (now, unless a test fixes it). */
  generatedAt?: Date;
};

/** Stable across re-imports and across mails, so the event is updated, never duplicated. */
export function meetingUid(meetingId: string): string {
  return `meeting-${meetingId}@fasttrak-enroll`;
}

const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);

export function icsSequence(revisedAt: Date): number {
  return Math.max(0, Math.floor((revisedAt.getTime() - SEQUENCE_EPOCH_MS) / 1000));
}

/** Asia/Seoul has kept +09:00 without daylight saving time since 1988. */
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;

/** "20261203T090000": the wall-clock time in Seoul, as DTSTART;TZID=Asia/Seoul wants it. */
function seoulLocal(value: Date): string {
  return new Date(value.getTime() + SEOUL_OFFSET_MS)
    .toISOString()
    .slice(0, 19)
    .replace(/[-:]/g, "");
}

/** "2026-12-03": the calendar day in Seoul. */
export function seoulDate(value: Date): string {
  return new Date(value.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}

const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0900",
  "TZOFFSETTO:+0900",
  "TZNAME:KST",
  "DTSTART:19700101T000000",
  "END:STANDARD",
  "END:VTIMEZONE",
];

const PRODUCT_ID = "-//Fast Trak Center//Fast Trak Enroll//EN";

export function buildSessionIcs(input: SessionIcsInput): string {
  const method = input.method ?? "PUBLISH";
  const generatedAt = input.generatedAt ?? new Date();
  const sequence = icsSequence(input.revisedAt ?? generatedAt);
  const meetings = [...input.meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  if (meetings.length === 0) throw new Error(`session ${input.sessionId} has no meetings`);

  const events: EventAttributes[] = meetings.map((meeting, index) => ({
    uid: meetingUid(meeting.id),
    // Multi-day courses: "(2/3)" tells the days apart in any language.
    title: meetings.length > 1 ? `${input.title} (${index + 1}/${meetings.length})` : input.title,
    // A string passes through `ics` unchanged: a floating time that `finish` anchors to Seoul.
    start: seoulLocal(meeting.startsAt),
    end: seoulLocal(meeting.endsAt),
    timestamp: generatedAt.getTime(),
    sequence,
    description: input.description,
    location: input.location ?? undefined,
    url: input.url,
    status: method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    busyStatus: method === "CANCEL" ? "FREE" : "BUSY",
    transp: method === "CANCEL" ? "TRANSPARENT" : "OPAQUE",
    categories: [input.courseCode],
  }));

  // No calName: X-WR-CALNAME makes some apps import the file as a separate calendar.
  const { error, value } = createEvents(events, { productId: PRODUCT_ID, method });
  if (error || !value) throw error ?? new Error("ics produced no output");
  return finish(value);
}

/**
 * Anchors every event time to Asia/Seoul (with the VTIMEZONE that a TZID must have), drops
 * the subscription hint that a one-off file does not need, and re-folds every line at 75
 * octets without splitting a character.
 */
function finish(ics: string): string {
  const lines = ics
    .replace(/\r\n[ \t]/g, "") // unfold what `ics` folded
    .split("\r\n")
    .filter((line) => line !== "" && !line.startsWith("X-PUBLISHED-TTL:"))
    .map((line) => line.replace(/^(DTSTART|DTEND):(\d{8}T\d{6})$/, `$1;TZID=${TIME_ZONE}:$2`));
  const firstEvent = lines.indexOf("BEGIN:VEVENT");
  lines.splice(firstEvent, 0, ...VTIMEZONE);
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

const MAX_LINE_OCTETS = 75;

/** RFC 5545 §3.1: lines longer than 75 octets continue on the next line after one space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
