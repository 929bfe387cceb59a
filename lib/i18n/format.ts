import type { DateTimeFormatOptions } from "next-intl";
import type { AppLocale } from "@/lib/i18n/routing";

/** The center's time zone: every date is shown in it, with the zone named. */
export const TIME_ZONE = "Asia/Seoul";

const intlLocale = (locale: AppLocale) => (locale === "ko" ? "ko-KR" : "en-US");

/**
 * Date and time in Seoul with the zone named: "2026년 12월 3일 09:00 GMT+9" / "Dec 3, 2026,
 * 9:00 AM GMT+9". Korean uses the 24-hour clock: Node's ICU prints "AM" instead of "오전"
 * in Korean date-times, and lab schedules read naturally as 09:00–17:00. Also next-intl's
 * `dateTimeZone` format (lib/i18n/request.ts), so server helpers and
 * `format.dateTime(value, "dateTimeZone")` print the same thing.
 * Explicit fields: Intl (Node 20) throws when `timeZoneName` is combined with dateStyle/timeStyle.
 */
export function dateTimeZoneFormat(locale: AppLocale): DateTimeFormatOptions {
  return {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    ...(locale === "ko" ? { hourCycle: "h23" } : {}),
    timeZone: TIME_ZONE,
    timeZoneName: "short",
  };
}

/** The calendar day in Seoul, zone named: "2026년 12월 3일 GMT+9" / "Dec 3, 2026, GMT+9". */
export const DATE_ZONE_FORMAT = {
  year: "numeric",
  month: "short",
  day: "numeric",
  timeZone: TIME_ZONE,
  timeZoneName: "short",
} as const satisfies Intl.DateTimeFormatOptions;

export function formatDateTime(value: Date, locale: AppLocale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), dateTimeZoneFormat(locale)).format(value);
}

export function formatDate(value: Date, locale: AppLocale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), DATE_ZONE_FORMAT).format(value);
}

/** "₩1,200,000" in both languages; Korean readers also know "1,200,000원" but ₩ is unambiguous. */
export function formatKrw(amount: number, locale: AppLocale): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: "currency",
    currency: "KRW",
    maximumFractionDigits: 0,
  }).format(amount);
}

/**
 * One meeting of a schedule, in Seoul with the zone named; Intl collapses what both ends share:
 * "2026년 12월 3일 (목) 09:00 ~ 17:00 GMT+9" / "Thu, Dec 3, 2026, 9:00 AM – 5:00 PM GMT+9".
 * Used by pages, mails and calendar descriptions (works outside a request).
 */
export function formatMeetingRange(startsAt: Date, endsAt: Date, locale: AppLocale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    ...dateTimeZoneFormat(locale),
    weekday: "short",
  }).formatRange(startsAt, endsAt);
}

/**
 * The days a session spans: "Dec 3 – 4, 2026 GMT+9" (one day: "Dec 3, 2026 GMT+9"). The zone is
 * appended once: with `timeZoneName` in the options Intl would repeat the whole date per end.
 */
export function formatDayRange(startsAt: Date, endsAt: Date, locale: AppLocale): string {
  const days = new Intl.DateTimeFormat(intlLocale(locale), {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: TIME_ZONE,
  }).formatRange(startsAt, endsAt);
  const zone = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: TIME_ZONE,
    timeZoneName: "short",
  })
    .formatToParts(startsAt)
    .find((part) => part.type === "timeZoneName")?.value;
  return zone ? `${days} ${zone}` : days;
}

/**
 * A calendar month given as "2026-12" (no time zone involved): "2026년 12월" / "December 2026";
 * `{ month: "short" }` gives "Dec 2026", and `{ month: "short", year: false }` the axis label "Dec".
 */
export function formatMonth(
  month: string,
  locale: AppLocale,
  options: { month?: "long" | "short"; year?: boolean } = {},
): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    ...(options.year === false ? {} : { year: "numeric" }),
    month: options.month ?? "long",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year!, monthNumber! - 1, 1)));
}
