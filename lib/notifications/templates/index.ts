import type { z } from "zod";
import type { MailTemplateDefinition } from "@/lib/notifications/template";
import { authMailTemplates } from "@/lib/notifications/templates/auth";
import { certificateMailTemplates } from "@/lib/notifications/templates/certificates";
import { cohortMailTemplates } from "@/lib/notifications/templates/cohorts";
import { enrollmentMailTemplates } from "@/lib/notifications/templates/enrollments";
import { seatBlockMailTemplates } from "@/lib/notifications/templates/seat-blocks";
import { trainingRequestMailTemplates } from "@/lib/notifications/templates/training-requests";

/**
 * Every mail the app sends. To add one (e.g. "enrollment.confirmed" with an .ics attachment,
 * "enrollment.waitlisted", "waitlist.offer"): write it with `defineMailTemplate` in a file of
 * this folder, spread its group here, and add its strings to messages/{ko,en}.json (namespace `mail`). The
 * `MailTemplate` union, the payload types of `enqueueMail`, the render test over all
 * templates and the admin outbox page pick it up from this object.
 *
 * Payloads are stored as JSON and validated again at delivery, so declare dates with
 * `z.coerce.date()` (a Date goes in, an ISO string is stored, a Date comes back out), and keep
 * payloads to what the mail shows: they are readable on the admin outbox page.
 */
export const mailTemplates = {
  ...authMailTemplates,
  ...cohortMailTemplates,
  ...enrollmentMailTemplates,
  ...seatBlockMailTemplates,
  ...certificateMailTemplates,
  ...trainingRequestMailTemplates,
} satisfies Record<string, MailTemplateDefinition>;

export type MailTemplate = keyof typeof mailTemplates;

/** What a caller passes for template T (before zod defaults/trimming). */
export type MailPayloadInput<T extends MailTemplate> = z.input<(typeof mailTemplates)[T]["schema"]>;
/** What the template receives after validation. */
export type MailPayload<T extends MailTemplate> = z.output<(typeof mailTemplates)[T]["schema"]>;

export const MAIL_TEMPLATES = Object.keys(mailTemplates) as MailTemplate[];

export function isMailTemplate(value: string): value is MailTemplate {
  return Object.hasOwn(mailTemplates, value);
}
