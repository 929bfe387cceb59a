import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ConflictError, ValidationError } from "@/lib/errors";
import { authOptions } from "@/lib/auth/auth-options";
import { LOCALES } from "@/lib/users/users.schemas";

/**
 * How a previewed import travels from the preview to its confirmation.
 *
 * Nothing is stored between the two steps (there is no table for drafts, and a half-finished
 * import should leave no trace): the preview hands the browser the rows it is about to apply,
 * sealed with an HMAC over the rows, the cohort, the coordinator and an expiry, and the confirm
 * button posts that sealed text back. On confirm the server checks the seal (the rows are
 * exactly those the coordinator saw, for this cohort, by this person, recently), validates
 * every row again with the member rules, classifies them again against the cohort as it is
 * now, and refuses if any row would now do something other than what the preview said.
 * The seal is about integrity, not secrecy: the browser already holds these rows.
 *
 * Re-uploading the file was the alternative; it would make the browser keep the File between
 * two requests and parse it twice, for the same guarantee.
 */

/** How long a preview can be confirmed. */
export const PREVIEW_LIFETIME_MS = 30 * 60 * 1000;

const rowSchema = z.object({
  line: z.number().int().positive(),
  outcome: z.enum(["added", "updated", "duplicate"]),
  // Validated again with the member rules by the service; here only the shape.
  member: z.object({
    name: z.string(),
    email: z.string(),
    studentNumber: z.string().nullable(),
    department: z.string().nullable(),
  }),
  locale: z.enum(LOCALES),
});
export type SealedRow = z.infer<typeof rowSchema>;

const bodySchema = z.object({
  v: z.literal(1),
  cohortId: z.string(),
  actorId: z.string(),
  expiresAt: z.number(),
  fileName: z.string(),
  invalid: z.number().int().min(0),
  rows: z.array(rowSchema),
});
export type SealedPreview = z.infer<typeof bodySchema>;

function key(): Buffer {
  const secret = authOptions.secret;
  if (!secret) throw new Error("no secret to seal import previews with");
  // A key of its own, derived from the app secret: a sealed preview is never a valid session token.
  return createHmac("sha256", secret).update("fast-trak/cohort-import-preview/v1").digest();
}

const mac = (data: string) => createHmac("sha256", key()).update(data).digest("base64url");

export function sealPreview(
  body: Omit<SealedPreview, "v" | "expiresAt">,
  now = Date.now(),
): string {
  const data = Buffer.from(
    JSON.stringify({ v: 1, ...body, expiresAt: now + PREVIEW_LIFETIME_MS }),
  ).toString("base64url");
  return `${data}.${mac(data)}`;
}

/**
 * The rows of a sealed preview, if it is intact, for this cohort and actor, and not expired.
 * A broken or foreign seal is "invalid" (start again); an old one is "expired".
 */
export function openPreview(
  sealed: string,
  expected: { cohortId: string; actorId: string },
  now = Date.now(),
): SealedPreview {
  const [data, signature, extra] = sealed.split(".");
  const invalid = new ValidationError("IMPORT_PREVIEW_INVALID");
  if (!data || !signature || extra !== undefined) throw invalid;
  const given = Buffer.from(signature);
  const wanted = Buffer.from(mac(data));
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) throw invalid;
  let body: SealedPreview;
  try {
    body = bodySchema.parse(JSON.parse(Buffer.from(data, "base64url").toString("utf8")));
  } catch {
    throw invalid;
  }
  if (body.cohortId !== expected.cohortId || body.actorId !== expected.actorId) throw invalid;
  if (body.expiresAt <= now) throw new ConflictError("IMPORT_PREVIEW_EXPIRED");
  return body;
}
