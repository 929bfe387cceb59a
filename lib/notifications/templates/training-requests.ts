import { z } from "zod";
import { TrainingRequestKind } from "@/lib/generated/prisma/enums";
import { defineMailTemplate } from "@/lib/notifications/template";

/**
 * Mails of the public training-request form (lib/training-requests): the admins learn about a
 * new request, the requester gets an acknowledgement. Everything the requester typed is shown
 * as plain text (the layout escapes it in the HTML body).
 */

const text = (max: number) => z.string().trim().min(1).max(max);
/** Only http(s) links go into a mail. */
const link = z.url({ protocol: /^https?$/ }).max(2000);

export const trainingRequestMailTemplates = {
  /** To every admin: what was asked, and a link to the request in the pipeline. */
  "training-request.received": defineMailTemplate({
    schema: z.object({
      kind: z.enum(TrainingRequestKind),
      company: text(200),
      contactName: text(100),
      email: z.email().max(320),
      phone: text(40).nullish(),
      topic: text(200),
      headcount: z.number().int().positive().nullish(),
      preferredDates: text(400).nullish(),
      message: text(5000),
      url: link,
    }),
    compose: (t, p) => ({
      subject: t("trainingRequest.received.subject", {
        company: p.company,
        kind: t(`trainingRequest.kinds.${p.kind}`),
      }),
      greeting: t("layout.greetingAnonymous"),
      paragraphs: [
        t("trainingRequest.received.intro"),
        // One paragraph per fact: the HTML body keeps paragraphs, not line breaks.
        t("trainingRequest.fields.kind", { value: t(`trainingRequest.kinds.${p.kind}`) }),
        t("trainingRequest.fields.topic", { value: p.topic }),
        t("trainingRequest.fields.company", { value: p.company }),
        t("trainingRequest.fields.contact", { value: p.contactName }),
        t("trainingRequest.fields.email", { value: p.email }),
        ...(p.phone ? [t("trainingRequest.fields.phone", { value: p.phone })] : []),
        ...(p.headcount ? [t("trainingRequest.fields.headcount", { count: p.headcount })] : []),
        ...(p.preferredDates
          ? [t("trainingRequest.fields.preferredDates", { value: p.preferredDates })]
          : []),
        t("trainingRequest.fields.message"),
        p.message,
      ],
      action: { label: t("trainingRequest.received.action"), url: p.url },
      notes: [t("trainingRequest.received.note")],
    }),
  }),

  /** To the requester, in the language of the form they used. */
  "training-request.acknowledged": defineMailTemplate({
    schema: z.object({
      kind: z.enum(TrainingRequestKind),
      company: text(200),
      contactName: text(100),
      topic: text(200),
      /** The course catalog, for while they wait. */
      url: link,
    }),
    compose: (t, p) => ({
      subject: t("trainingRequest.acknowledged.subject"),
      greeting: t("layout.greeting", { name: p.contactName }),
      paragraphs: [
        t("trainingRequest.acknowledged.intro", {
          company: p.company,
          kind: t(`trainingRequest.kinds.${p.kind}`),
          topic: p.topic,
        }),
        t("trainingRequest.acknowledged.next"),
      ],
      action: { label: t("trainingRequest.acknowledged.action"), url: p.url },
      notes: [t("trainingRequest.acknowledged.note")],
    }),
  }),
};
