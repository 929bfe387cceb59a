import { z } from "zod";
import { defineMailTemplate } from "@/lib/notifications/template";

/** Names as people typed them (a coordinator, a student, a cohort); mails never need more. */
const text = z.string().trim().min(1).max(200);
/** Only http(s) links go into a mail (a `javascript:` URL in an href would be an attack). */
const link = z.url({ protocol: /^https?$/ }).max(2000);

/**
 * Mails of the partner cohorts (lib/cohorts): a coordinator put a student on a cohort's list.
 * Someone without an account gets an invitation to create one (the link accepts the
 * invitation, which links them to the cohort); someone who already has an account is told
 * that they were added, so nobody is put on a partner's list without hearing of it.
 */
export const cohortMailTemplates = {
  "cohort.invitation": defineMailTemplate({
    schema: z.object({
      memberName: text,
      inviterName: text,
      organizationName: text,
      cohortName: text,
      url: link,
    }),
    compose: (t, p) => ({
      subject: t("cohort.invitation.subject", { organizationName: p.organizationName }),
      greeting: t("layout.greeting", { name: p.memberName }),
      paragraphs: [
        t("cohort.invitation.intro", {
          inviterName: p.inviterName,
          organizationName: p.organizationName,
          cohortName: p.cohortName,
        }),
        t("cohort.invitation.next"),
      ],
      action: { label: t("cohort.invitation.action"), url: p.url },
      notes: [t("cohort.invitation.expiry"), t("cohort.invitation.ignore")],
    }),
  }),

  "cohort.added": defineMailTemplate({
    schema: z.object({
      memberName: text,
      inviterName: text,
      organizationName: text,
      cohortName: text,
      url: link,
    }),
    compose: (t, p) => ({
      subject: t("cohort.added.subject", { organizationName: p.organizationName }),
      greeting: t("layout.greeting", { name: p.memberName }),
      paragraphs: [
        t("cohort.added.intro", {
          inviterName: p.inviterName,
          organizationName: p.organizationName,
          cohortName: p.cohortName,
        }),
        t("cohort.added.next"),
      ],
      action: { label: t("cohort.added.action"), url: p.url },
      notes: [t("cohort.added.questions", { organizationName: p.organizationName })],
    }),
  }),
};
