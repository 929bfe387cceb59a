/**
 * Calendar arithmetic in the center's time zone. Asia/Seoul has had no daylight saving time
 * since 1988, so a Seoul calendar day is a fixed UTC+9 offset and plain integer "day numbers"
 * are exact: no time-zone library is needed.
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const SEOUL_OFFSET_MS = 9 * HOUR_MS;

/** Days since 1970-01-01 in Seoul. */
export type SeoulDay = number;

export function seoulDayOf(instant: Date): SeoulDay {
  return Math.floor((instant.getTime() + SEOUL_OFFSET_MS) / DAY_MS);
}

/** The instant at `hour:minute` Seoul time on `day`. */
export function seoulTime(day: SeoulDay, hour: number, minute = 0): Date {
  return new Date(day * DAY_MS + hour * HOUR_MS + minute * 60_000 - SEOUL_OFFSET_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: SeoulDay): number {
  return new Date(day * DAY_MS).getUTCDay();
}

// Fixed-date public holidays; lunar holidays (Seollal, Chuseok, Buddha's birthday) move every
// year and are left to the admins who schedule real runs.
const FIXED_HOLIDAYS = new Set([
  "01-01",
  "03-01",
  "05-05",
  "06-06",
  "08-15",
  "10-03",
  "10-09",
  "12-25",
]);

export function isWorkingDay(day: SeoulDay): boolean {
  const weekday = weekdayOf(day);
  if (weekday === 0 || weekday === 6) return false;
  const date = new Date(day * DAY_MS);
  const monthDay = `${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
  return !FIXED_HOLIDAYS.has(monthDay);
}

/** A `Date` holding only the Seoul calendar date (for `@db.Date` columns). */
export function seoulDate(day: SeoulDay): Date {
  return new Date(day * DAY_MS);
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * HOUR_MS);
}
