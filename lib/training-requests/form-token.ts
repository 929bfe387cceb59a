import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authOptions } from "@/lib/auth/auth-options";

/**
 * The minimum-fill-time check of the public training-request form. The page renders a hidden
 * field with the time it was shown, signed with the app's secret (so a bot cannot simply send
 * an old time); a submission that comes back sooner than a person could fill in the form, or
 * with a missing, forged or day-old stamp, is refused. Nothing is stored on the server.
 */

/** Nobody types a company, a contact, a topic and a message in less than this. */
export const MIN_FILL_MS = 4_000;
/** A form left open longer must be reloaded (bounds the reuse of one harvested stamp). */
export const MAX_FORM_AGE_MS = 24 * 60 * 60 * 1000;

function signature(issuedAt: string): Buffer {
  const secret = authOptions.secret;
  if (!secret) throw new Error("no signing secret configured");
  // A key of its own, derived from the session secret: a form stamp can never pass as anything else.
  return createHmac("sha256", `${secret}:training-request-form`).update(issuedAt).digest();
}

/** The hidden field's value for a form shown at `now`. */
export function issueFormToken(now: Date = new Date()): string {
  const issuedAt = String(now.getTime());
  return `${issuedAt}.${signature(issuedAt).toString("base64url")}`;
}

export type FormTokenVerdict = "ok" | "too-fast" | "invalid";

export function checkFormToken(token: string, now: Date = new Date()): FormTokenVerdict {
  const match = /^(\d{10,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return "invalid";
  const [, issuedAt, mac] = match as unknown as [string, string, string];
  const expected = signature(issuedAt);
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  const age = now.getTime() - Number(issuedAt);
  if (age > MAX_FORM_AGE_MS) return "invalid";
  // A stamp from the future (clock skew between app instances) counts as just issued.
  if (age < MIN_FILL_MS) return "too-fast";
  return "ok";
}
