import type { AppLocale } from "@/lib/i18n/routing";
import { createMailTranslator } from "@/lib/notifications/render";
import type { MailAttachment } from "@/lib/notifications/template";
import type { SessionMailInfo } from "@/lib/notifications/templates/session-info";
import { buildSessionIcs, seoulDate, type SessionIcsMethod } from "@/lib/calendar/session-ics";

/**
 * The calendar file of a session as a trainee receives it, in their language: attached to
 * enrollment mails and served by the download route from the same data (SessionMailInfo), so
 * a file from a mail and a downloaded one describe the same events with the same UIDs.
 */
export function sessionCalendarFile(
  info: SessionMailInfo,
  locale: AppLocale,
  options: { method?: SessionIcsMethod; revisedAt?: Date; generatedAt?: Date } = {},
): MailAttachment & { content: string } {
  const method = options.method ?? "PUBLISH";
  const t = createMailTranslator(locale);
  const description = t(
    method === "CANCEL"
      ? "enrollment.calendar.descriptionCancelled"
      : "enrollment.calendar.description",
    { courseCode: info.courseCode, url: info.url },
  );
  const content = buildSessionIcs({
    sessionId: info.sessionId,
    courseCode: info.courseCode,
    title: info.courseTitle,
    description,
    location: info.location,
    url: info.url,
    meetings: info.meetings,
    method,
    revisedAt: options.revisedAt,
    generatedAt: options.generatedAt,
  });
  return {
    filename: sessionCalendarFilename(info),
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content,
  };
}

/** "FT-DSP-201-2026-12-03.ics": the course code and the first meeting's day in Seoul. */
export function sessionCalendarFilename(
  info: Pick<SessionMailInfo, "courseCode" | "meetings">,
): string {
  // Course codes are ASCII already; anything else must not reach a Content-Disposition header.
  const code = info.courseCode.replace(/[^A-Za-z0-9_-]+/g, "-") || "session";
  const first = Math.min(...info.meetings.map((meeting) => meeting.startsAt.getTime()));
  return `${code}-${seoulDate(new Date(first))}.ics`;
}
