import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { locales, type AppLocale } from "@/lib/i18n/routing";
import { parseMailPayload, renderMailSubject } from "@/lib/notifications/render";
import type { MailPayloadInput, MailTemplate } from "@/lib/notifications/templates";

export type { MailTemplate, MailPayload, MailPayloadInput } from "@/lib/notifications/templates";

/** The template name and its payload type travel together, so a caller cannot mix them up. */
type TemplateWithPayload = {
  [T in MailTemplate]: { template: T; payload: MailPayloadInput<T> };
}[MailTemplate];

export type EnqueueMailInput = {
  to: string;
  /** The recipient's account, when they have one (lets the admin page and later issues find a user's mail). */
  userId?: string | null;
  locale: AppLocale;
} & TemplateWithPayload;

const envelopeSchema = z.object({
  to: z.email().max(320),
  userId: z.string().min(1).nullish(),
  locale: z.enum(locales),
});

/**
 * Puts a mail into the outbox inside the caller's transaction: it exists if and only if the
 * change that caused it commits (invariant 5), and the worker delivers it afterwards. The
 * subject is rendered now, in the recipient's language, so the admin outbox page can list it;
 * the bodies are rendered at delivery from the stored payload.
 */
export async function enqueueMail(tx: Tx, input: EnqueueMailInput): Promise<{ id: string }> {
  const envelope = envelopeSchema.parse(input);
  const payload = parseMailPayload(input.template, input.payload);
  const subject = renderMailSubject(input.template, payload, envelope.locale);
  return tx.outboxMessage.create({
    data: {
      toEmail: envelope.to,
      userId: envelope.userId ?? null,
      locale: envelope.locale,
      template: input.template,
      payload: payload as Prisma.InputJsonValue,
      subject,
    },
    select: { id: true },
  });
}
