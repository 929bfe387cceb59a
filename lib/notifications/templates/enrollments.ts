import { z } from "zod";

import { sessionCalendarFile } from "@/lib/calendar/session-calendar";
import { formatDateTime, formatMeetingRange } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/routing";
import {
  defineMailTemplate,
  type MailAttachment,
  type MailContent,
  type MailTranslator,
} from "@/lib/notifications/template";
import {
  sessionMailInfoSchema,
  type SessionMailInfo,
} from "@/lib/notifications/templates/session-info";

/**
 * Mails of the enrollment engine (lib/enrollments) and the reminder job: one per change of an
 * enrollment's status, in the trainee's language. Each says what happened, then the same
 * block about the session (every meeting in Seoul time, the place), and links to My
 * enrollments. Mails about a seat the trainee now holds carry the session's .ics file; mails
 * about a seat they lost carry the cancelling one, so an imported event does not linger.
 */

/** What an admin typed as the reason; shown as plain text. */
const reason = z.string().trim().max(2000);
const meetings = sessionMailInfoSchema.shape.meetings;

type Sections = {
  subject: string;
  /** What happened, before the session block. */
  intro: string[];
  /** After the session block (e.g. the previous schedule of a moved enrollment). */
  more?: string[];
  action?: "view" | "respond";
  notes?: string[];
};

/** The session block under the intro (which names the course): every meeting, then the place. */
function sessionDetails(t: MailTranslator, info: SessionMailInfo, locale: AppLocale): string[] {
  return [
    ...meetingLines(
      t,
      info.meetings,
      locale,
      "enrollment.details.meeting",
      "enrollment.details.meetingsHeading",
    ),
    ...(info.location ? [t("enrollment.details.location", { location: info.location })] : []),
  ];
}

function meetingLines(
  t: MailTranslator,
  list: SessionMailInfo["meetings"],
  locale: AppLocale,
  singleKey: string,
  headingKey: string,
): string[] {
  const sorted = [...list].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  if (sorted.length === 1) return [t(singleKey, { time: formatMeetingRange(sorted[0]!.startsAt, sorted[0]!.endsAt, locale) })];
  return [
    t(headingKey, { count: sorted.length }),
    ...sorted.map((meeting, index) =>
      t("enrollment.details.meetingLine", {
        index: index + 1,
        time: formatMeetingRange(meeting.startsAt, meeting.endsAt, locale),
      }),
    ),
  ];
}

function sessionMail(
  t: MailTranslator,
  info: SessionMailInfo,
  locale: AppLocale,
  sections: Sections,
): MailContent {
  return {
    subject: sections.subject,
    greeting: t("layout.greeting", { name: info.name }),
    paragraphs: [...sections.intro, ...sessionDetails(t, info, locale), ...(sections.more ?? [])],
    action: {
      label: t(
        sections.action === "respond" ? "enrollment.action.respond" : "enrollment.action.view",
      ),
      url: info.url,
    },
    notes: sections.notes,
  };
}

/** Title and code as the intro sentences name the course. */
const course = (p: SessionMailInfo) => ({ courseTitle: p.courseTitle, courseCode: p.courseCode });

const calendar = (info: SessionMailInfo, locale: AppLocale): MailAttachment[] => [
  sessionCalendarFile(info, locale),
];
const cancellingCalendar = (info: SessionMailInfo, locale: AppLocale): MailAttachment[] => [
  sessionCalendarFile(info, locale, { method: "CANCEL" }),
];

export const enrollmentMailTemplates = {
  "enrollment.confirmed": defineMailTemplate({
    schema: sessionMailInfoSchema,
    compose: (t, p, { locale }) =>
      sessionMail(t, p, locale, {
        subject: t("enrollment.confirmed.subject", course(p)),
        intro: [t("enrollment.confirmed.intro", course(p))],
        notes: [t("enrollment.calendar.attached"), t("enrollment.manage")],
      }),
    attachments: (p, { locale }) => calendar(p, locale),
  }),

  "enrollment.pending-approval": defineMailTemplate({
    schema: sessionMailInfoSchema,
    compose: (t, p, { locale }) =>
      sessionMail(t, p, locale, {
        subject: t("enrollment.pendingApproval.subject", course(p)),
        intro: [
          t("enrollment.pendingApproval.intro", course(p)),
          t("enrollment.pendingApproval.noSeatYet"),
        ],
      }),
  }),

  "enrollment.waitlisted": defineMailTemplate({
    schema: sessionMailInfoSchema.extend({ position: z.number().int().positive() }),
    compose: (t, p, { locale }) =>
      sessionMail(t, p, locale, {
        subject: t("enrollment.waitlisted.subject", { ...course(p), position: p.position }),
        intro: [
          t("enrollment.waitlisted.intro", { ...course(p), position: p.position }),
          t("enrollment.waitlisted.next"),
        ],
      }),
  }),

  "enrollment.offer": defineMailTemplate({
    schema: sessionMailInfoSchema.extend({ offerExpiresAt: z.coerce.date() }),
    compose: (t, p, { locale }) => {
      const deadline = formatDateTime(p.offerExpiresAt, locale);
      return sessionMail(t, p, locale, {
        subject: t("enrollment.offer.subject", course(p)),
        intro: [
          t("enrollment.offer.intro", course(p)),
          t("enrollment.offer.deadline", { deadline }),
        ],
        action: "respond",
        notes: [t("enrollment.offer.expiry")],
      });
    },
  }),

  "enrollment.promoted": defineMailTemplate({
    schema: sessionMailInfoSchema,
    compose: (t, p, { locale }) =>
      sessionMail(t, p, locale, {
        subject: t("enrollment.promoted.subject", course(p)),
        intro: [t("enrollment.promoted.intro", course(p))],
        notes: [t("enrollment.calendar.attached"), t("enrollment.manage")],
      }),
    attachments: (p, { locale }) => calendar(p, locale),
  }),

  "enrollment.offer-expired": defineMailTemplate({
    schema: sessionMailInfoSchema,
    compose: (t, p, { locale }) =>
      sessionMail(t, p, locale, {
        subject: t("enrollment.offerExpired.subject", course(p)),
        intro: [t("enrollment.offerExpired.intro", course(p)), t("enrollment.offerExpired.again")],
      }),
  }),

  "enrollment.cancelled": defineMailTemplate({
    schema: sessionMailInfoSchema.extend({
      by: z.enum(["self", "center"]),
      reason: reason.optional(),
    }),
    compose: (t, p, { locale }) =>
      sessionMail(t, p, locale, {
        subject: t("enrollment.cancelled.subject", course(p)),
        intro: [
          t(
            p.by === "self" ? "enrollment.cancelled.introSelf" : "enrollment.cancelled.introCenter",
            course(p),
          ),
          ...(p.reason ? [t("enrollment.details.reason", { reason: p.reason })] : []),
        ],
        notes: [t("enrollment.calendar.attachedCancel")],
      }),
    attachments: (p, { locale }) => cancellingCalendar(p, locale),
  }),

  "enrollment.approved": defineMailTemplate({
    schema: sessionMailInfoSchema.extend({
      outcome: z.enum(["CONFIRMED", "WAITLISTED"]),
      position: z.number().int().positive().optional(),
    }),
    compose: (t, p, { locale }) => {
      const confirmed = p.outcome === "CONFIRMED";
      return sessionMail(t, p, locale, {
        subject: t("enrollment.approved.subject", course(p)),
        intro: confirmed
          ? [t("enrollment.approved.introConfirmed", course(p))]
          : [
              p.position
                ? t("enrollment.approved.introWaitlisted", { ...course(p), position: p.position })
                : t("enrollment.approved.introWaitlistedNoPosition", course(p)),
              t("enrollment.waitlisted.next"),
            ],
        notes: confirmed ? [t("enrollment.calendar.attached"), t("enrollment.manage")] : undefined,
      });
    },
    attachments: (p, { locale }) => (p.outcome === "CONFIRMED" ? calendar(p, locale) : []),
  }),

  "enrollment.rejected": defineMailTemplate({
    schema: sessionMailInfoSchema.extend({ reason: reason.optional() }),
    compose: (t, p, { locale }) =>
      sessionMail(t, p, locale, {
        subject: t("enrollment.rejected.subject", course(p)),
        intro: [
          t("enrollment.rejected.intro", course(p)),
          ...(p.reason ? [t("enrollment.details.reason", { reason: p.reason })] : []),
        ],
        notes: [t("enrollment.rejected.other")],
      }),
  }),

  "enrollment.moved": defineMailTemplate({
    schema: sessionMailInfoSchema.extend({ previousMeetings: meetings }),
    compose: (t, p, { locale }) =>
      sessionMail(t, p, locale, {
        subject: t("enrollment.moved.subject", course(p)),
        intro: [t("enrollment.moved.intro", course(p))],
        more: meetingLines(
          t,
          p.previousMeetings,
          locale,
          "enrollment.moved.previousMeeting",
          "enrollment.moved.previousMeetingsHeading",
        ),
        notes: [t("enrollment.moved.calendar"), t("enrollment.manage")],
      }),
    // The new schedule, and a file that cancels the previous meetings a trainee may have imported.
    attachments: (p, { locale }) => [
      ...calendar(p, locale),
      ...cancellingCalendar({ ...p, meetings: p.previousMeetings }, locale),
    ],
  }),

  "enrollment.reminder": defineMailTemplate({
    schema: sessionMailInfoSchema,
    compose: (t, p, { locale }) =>
      sessionMail(t, p, locale, {
        subject: t("enrollment.reminder.subject", course(p)),
        intro: [
          t("enrollment.reminder.intro", {
            ...course(p),
            start: formatDateTime(firstStart(p), locale),
          }),
        ],
        notes: [t("enrollment.reminder.cannotAttend"), t("enrollment.calendar.attached")],
      }),
    attachments: (p, { locale }) => calendar(p, locale),
  }),

  "session.cancelled": defineMailTemplate({
    schema: sessionMailInfoSchema.extend({ reason }),
    compose: (t, p, { locale }) =>
      sessionMail(t, p, locale, {
        subject: t("session.cancelled.subject", course(p)),
        intro: [
          t("session.cancelled.intro", course(p)),
          ...(p.reason ? [t("enrollment.details.reason", { reason: p.reason })] : []),
          t("session.cancelled.apology"),
        ],
        notes: [t("enrollment.calendar.attachedCancel")],
      }),
    attachments: (p, { locale }) => cancellingCalendar(p, locale),
  }),
};

function firstStart(info: SessionMailInfo): Date {
  return new Date(Math.min(...info.meetings.map((meeting) => meeting.startsAt.getTime())));
}
