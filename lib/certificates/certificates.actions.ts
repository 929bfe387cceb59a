"use server";

import { createAction } from "@/lib/actions/action";
import { revokeCertificateSchema, verifyCodeSchema } from "@/lib/certificates/certificates.schemas";
import { revokeCertificate } from "@/lib/certificates/certificates.service";
import { verificationPath } from "@/lib/certificates/certificate-links";

/** Admins revoke a certificate (from the attendance page's results). */
export const revokeCertificateAction = createAction({
  name: "certificates.revoke",
  permission: "certificate:revoke",
  schema: revokeCertificateSchema,
  handler: async (user, data, { ip }) => {
    const { code } = await revokeCertificate(user, data, { ip });
    return {
      message: "certificates.revoke.done",
      messageParams: { code },
      resetForm: true,
      revalidate: ["/[locale]/sessions/[id]/attendance", "/[locale]/verify/[code]"],
    };
  },
});

/**
 * The public verification form: reads what was typed as a code and opens its page, where the
 * (rate-limited) lookup happens. Works without JavaScript, like every form here.
 */
export const verifyCodeAction = createAction({
  name: "certificates.verifyCode",
  permission: "public",
  schema: verifyCodeSchema,
  handler: async (_user, data) => ({ redirectTo: verificationPath(data.code) }),
});
