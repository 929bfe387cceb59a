import type { z } from "zod";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * The building blocks of a mail template. A template is data (a zod payload schema) plus a
 * pure function from the payload to localized content; the layout (render.ts) turns that
 * content into the text and HTML bodies, so every mail looks and reads the same.
 */

export type MailAttachment = {
  filename: string;
  /** e.g. "text/calendar; charset=utf-8; method=REQUEST" */
  contentType: string;
  content: string | Buffer;
};

/** Translates keys of the `mail` message namespace in the recipient's locale. Throws on a missing key. */
export type MailTranslator = (
  key: string,
  values?: Record<string, string | number | Date>,
) => string;

export type MailContext = {
  locale: AppLocale;
  /** Public base URL of the app (for links the template builds itself). */
  appUrl: string;
};

/** What a template says; the layout decides how it looks. All strings are plain text. */
export type MailContent = {
  subject: string;
  /** First line, e.g. "Hello Jiwoo Kim," */
  greeting?: string;
  paragraphs: string[];
  /** The one thing the reader should do: a button in HTML, a labelled URL in text. */
  action?: { label: string; url: string };
  /** Smaller print after the action (expiry, "ignore this mail if …"). */
  notes?: string[];
};

export type MailTemplateDefinition<Schema extends z.ZodType = z.ZodType> = {
  schema: Schema;
  compose(t: MailTranslator, payload: z.output<Schema>, context: MailContext): MailContent;
  /**
   * Built at delivery time from the stored payload (e.g. an .ics invitation for a confirmed
   * enrollment), so the outbox row stays small and the file always matches the payload.
   */
  attachments?(payload: z.output<Schema>, context: MailContext): MailAttachment[];
};

/** Identity helper that keeps the payload type of `compose` tied to the schema. */
export function defineMailTemplate<Schema extends z.ZodType>(
  definition: MailTemplateDefinition<Schema>,
): MailTemplateDefinition<Schema> {
  return definition;
}
