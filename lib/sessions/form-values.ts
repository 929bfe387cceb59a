import type { Locale, WaitlistMode } from "@/lib/generated/prisma/enums";
import { addCalendarDays, seoulWallClock, weekdayOf } from "@/lib/sessions/seoul-time";

/**
 * The scheduling form's values as its inputs hold them (strings, Seoul wall clock), and the
 * defaults of a new session. Pure: shared by the pages (server) and the form (client).
 */
export type SessionFormValues = {
  sessionId?: string;
  courseId: string;
  roomId: string;
  equipmentIds: string[];
  instructorIds: string[];
  leadInstructorId: string;
  meetings: { id: string; date: string; start: string; end: string }[];
  capacity: string;
  minEnrollment: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  cancellationCutoffAt: string;
  language: Locale;
  priceKrw: string;
  waitlistMode: WaitlistMode;
  offerHours: string;
  notes: string;
};

/** Registration closes three days and the cancellation cut-off a week before the first day, 18:00. */
export function deadlinesBefore(firstDate: string) {
  return {
    registrationClosesAt: `${addCalendarDays(firstDate, -3)}T18:00`,
    cancellationCutoffAt: `${addCalendarDays(firstDate, -7)}T18:00`,
  };
}

/** The next working day (Mon–Fri) after "YYYY-MM-DD". */
export function nextWorkingDay(date: string): string {
  let next = addCalendarDays(date, 1);
  while (weekdayOf(next) === 0 || weekdayOf(next) === 6) next = addCalendarDays(next, 1);
  return next;
}

/** Lead time of a new session: a run is usually announced about four weeks ahead. */
const LEAD_DAYS = 28;

/**
 * A new session: one 09:00–17:00 meeting on the first working day four weeks from now,
 * registration open from today 09:00, and the course's capacity and list price once chosen.
 */
export function newSessionValues(
  now: Date,
  course?: { id: string; defaultCapacity: number; listPriceKrw: number; deliveryLanguages: Locale[] },
): SessionFormValues {
  const today = seoulWallClock(now).date;
  const firstDate = nextWorkingDay(addCalendarDays(today, LEAD_DAYS - 1));
  return {
    courseId: course?.id ?? "",
    roomId: "",
    equipmentIds: [],
    instructorIds: [],
    leadInstructorId: "",
    meetings: [{ id: "", date: firstDate, start: "09:00", end: "17:00" }],
    capacity: course ? String(course.defaultCapacity) : "",
    minEnrollment: "0",
    registrationOpensAt: `${today}T09:00`,
    ...deadlinesBefore(firstDate),
    language: course?.deliveryLanguages[0] ?? "ko",
    priceKrw: course ? String(course.listPriceKrw) : "",
    waitlistMode: "AUTO",
    offerHours: "48",
    notes: "",
  };
}
