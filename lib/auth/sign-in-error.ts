/**
 * The sign-in failure codes as they reach the browser (next-auth's `error`), and their
 * translation keys in the `auth` namespace. Pure: used by the client form.
 */
export type ParsedSignInError = {
  code:
    "INVALID_CREDENTIALS" | "EMAIL_NOT_VERIFIED" | "ACCOUNT_INACTIVE" | "RATE_LIMITED" | "UNKNOWN";
  retryAfterMinutes?: number;
};

const KNOWN = new Set([
  "INVALID_CREDENTIALS",
  "EMAIL_NOT_VERIFIED",
  "ACCOUNT_INACTIVE",
  "RATE_LIMITED",
]);

export function parseSignInError(error: string | null | undefined): ParsedSignInError {
  const [code = "", seconds] = (error ?? "").split(":");
  // next-auth's own generic code when authorize returns null.
  if (code === "CredentialsSignin") return { code: "INVALID_CREDENTIALS" };
  if (!KNOWN.has(code)) return { code: "UNKNOWN" };
  const parsed: ParsedSignInError = { code: code as ParsedSignInError["code"] };
  const n = Number(seconds);
  if (code === "RATE_LIMITED" && Number.isFinite(n) && n > 0)
    parsed.retryAfterMinutes = Math.ceil(n / 60);
  return parsed;
}
