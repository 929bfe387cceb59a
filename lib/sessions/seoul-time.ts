/**
 * Wall-clock times in the center's zone, for forms that take a date and a time "in Seoul".
 * Asia/Seoul has kept UTC+9 without daylight saving time since 1988, so the conversion is a
 * fixed offset and needs no time-zone library; the same functions run in the browser (whose
 * own zone may be anything) and on the server. Pure.
 */

const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/;
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Whether "YYYY-MM-DD" names a real calendar day (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The instant of `time` ("HH:MM") on `date` ("YYYY-MM-DD") in Seoul. */
export function seoulInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+09:00`);
}

/** The instant of a `datetime-local` value ("YYYY-MM-DDTHH:MM") read as Seoul time. */
export function seoulInstantOfLocal(value: string): Date {
  return new Date(`${value}:00+09:00`);
}

/** "YYYY-MM-DD" and "HH:MM" of an instant on the Seoul wall clock. */
export function seoulWallClock(value: Date): { date: string; time: string } {
  const iso = new Date(value.getTime() + SEOUL_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** A `datetime-local` value ("YYYY-MM-DDTHH:MM") of an instant in Seoul. */
export function seoulLocalValue(value: Date): string {
  const { date, time } = seoulWallClock(value);
  return `${date}T${time}`;
}

/** The calendar day after (or `days` after) "YYYY-MM-DD". */
export function addCalendarDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/** Whole days from Seoul day `from` to Seoul day `to` ("YYYY-MM-DD" each). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round(
    (new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / DAY_MS,
  );
}

/** 0 = Sunday … 6 = Saturday, for "YYYY-MM-DD". */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The instants where a Seoul month ("YYYY-MM") begins and the next one begins. */
export function seoulMonthRange(month: string): { from: Date; to: Date } {
  const [year, mm] = month.split("-").map(Number) as [number, number];
  const next = mm === 12 ? `${year + 1}-01` : `${year}-${String(mm + 1).padStart(2, "0")}`;
  return { from: seoulInstant(`${month}-01`, "00:00"), to: seoulInstant(`${next}-01`, "00:00") };
}

/** Shifts an instant by whole days (Seoul has no DST, so the wall-clock time is kept). */
export function shiftDays(value: Date, days: number): Date {
  return new Date(value.getTime() + days * DAY_MS);
}
