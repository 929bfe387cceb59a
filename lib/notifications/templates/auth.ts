import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { defineMailTemplate } from "@/lib/notifications/template";

/** Person names as users typed them; mails never need more. */
const personName = z.string().trim().min(1).max(200);
/** Only http(s) links go into a mail (a `javascript:` URL in an href would be an attack). */
const link = z.url({ protocol: /^https?$/ }).max(2000);

/** Mails of the sign-up, password and invitation flows (lib/auth, lib/users). */
export const authMailTemplates = {
  "auth.verify-email": defineMailTemplate({
    schema: z.object({ name: personName, url: link }),
    compose: (t, p) => ({
      subject: t("verifyEmail.subject"),
      greeting: t("layout.greeting", { name: p.name }),
      paragraphs: [t("verifyEmail.intro")],
      action: { label: t("verifyEmail.action"), url: p.url },
      notes: [t("verifyEmail.expiry"), t("verifyEmail.ignore")],
    }),
  }),

  "auth.reset-password": defineMailTemplate({
    schema: z.object({ name: personName, url: link }),
    compose: (t, p) => ({
      subject: t("resetPassword.subject"),
      greeting: t("layout.greeting", { name: p.name }),
      paragraphs: [t("resetPassword.intro")],
      action: { label: t("resetPassword.action"), url: p.url },
      notes: [t("resetPassword.expiry"), t("resetPassword.ignore")],
    }),
  }),

  "auth.invitation": defineMailTemplate({
    schema: z.object({
      inviterName: personName,
      role: z.enum(Role),
      url: link,
      organizationName: z.string().trim().min(1).max(200).optional(),
    }),
    compose: (t, p) => ({
      subject: t("invitation.subject", { inviterName: p.inviterName }),
      greeting: t("layout.greetingAnonymous"),
      paragraphs: [
        p.organizationName
          ? t("invitation.introWithOrganization", {
              inviterName: p.inviterName,
              organizationName: p.organizationName,
            })
          : t("invitation.intro", { inviterName: p.inviterName }),
        t("invitation.role", { role: t(`roles.${p.role}`) }),
      ],
      action: { label: t("invitation.action"), url: p.url },
      notes: [t("invitation.expiry"), t("invitation.ignore")],
    }),
  }),
};
