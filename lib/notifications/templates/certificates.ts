import { z } from "zod";

import { defineMailTemplate } from "@/lib/notifications/template";

/**
 * Mails of session completion (lib/attendance/completion.service.ts), one per confirmed
 * trainee in their language: the completion, with the certificate's download link (the mail's
 * action), code and hours; or the notice that attendance fell short of the course's rule.
 * Payloads hold only what the mail says.
 */

const link = z.url({ protocol: /^https?$/ }).max(2000);

const courseMail = z.object({
  /** Recipient's name. */
  name: z.string().trim().min(1).max(200),
  /** Course title in the recipient's language. */
  courseTitle: z.string().trim().min(1).max(300),
  courseCode: z.string().trim().min(1).max(50),
});

/** Title and code as the intro sentences name the course. */
const course = (p: z.output<typeof courseMail>) => ({ courseTitle: p.courseTitle, courseCode: p.courseCode });

/** The trainee's own enrollments page, where their history is. */
const myEnrollments = (appUrl: string, locale: string) => new URL(`/${locale}/me/enrollments`, appUrl).toString();

export const certificateMailTemplates = {
  "enrollment.completed": defineMailTemplate({
    schema: courseMail.extend({
      certificateCode: z.string().trim().min(1).max(40),
      hours: z.number().int().min(0).max(10_000),
      /** The certificate's PDF (after signing in, if needed). */
      url: link,
      /** The public verification page of the code. */
      verifyUrl: link,
    }),
    compose: (t, p, { locale, appUrl }) => ({
      subject: t("certificate.completed.subject", course(p)),
      greeting: t("layout.greeting", { name: p.name }),
      paragraphs: [
        t("certificate.completed.intro", course(p)),
        t("certificate.completed.details", { code: p.certificateCode, hours: p.hours }),
      ],
      action: { label: t("certificate.completed.action"), url: p.url },
      notes: [
        t("certificate.completed.verify", { url: p.verifyUrl }),
        t("certificate.completed.history", { url: myEnrollments(appUrl, locale) }),
      ],
    }),
  }),

  "enrollment.no-show": defineMailTemplate({
    schema: courseMail.extend({
      /** Meetings attended (present or late) of `meetingCount`. */
      attended: z.number().int().min(0),
      meetingCount: z.number().int().min(1),
      minAttendancePct: z.number().int().min(0).max(100),
      /** The trainee's enrollments page. */
      url: link,
    }),
    compose: (t, p) => ({
      subject: t("certificate.noShow.subject", course(p)),
      greeting: t("layout.greeting", { name: p.name }),
      paragraphs: [
        t("certificate.noShow.intro", course(p)),
        t("certificate.noShow.attendance", {
          attended: p.attended,
          meetings: p.meetingCount,
          pct: p.minAttendancePct,
        }),
      ],
      action: { label: t("enrollment.action.view"), url: p.url },
      notes: [t("certificate.noShow.contact")],
    }),
  }),
};
