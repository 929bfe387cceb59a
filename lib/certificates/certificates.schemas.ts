import { z } from "zod";
import { requiredText } from "@/lib/actions/fields";
import { normalizeCertificateCode } from "@/lib/certificates/certificate-code";

/** The admin's revoke form (on the attendance page's results). */
export const revokeCertificateSchema = z.object({
  code: z.string().trim().min(1).max(40),
  reason: requiredText(500),
});

/** The public verification form: what someone typed, read as a code (see normalizeCertificateCode). */
export const verifyCodeSchema = z.object({
  code: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(40, { error: "verify.invalidCode" })
    .transform((value, ctx) => {
      const code = normalizeCertificateCode(value);
      if (!code) {
        ctx.addIssue({ code: "custom", message: "verify.invalidCode" });
        return z.NEVER;
      }
      return code;
    }),
});
