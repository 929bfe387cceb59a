import "server-only";
import { db } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { loginThrottle, type LoginThrottle } from "@/lib/auth/login-throttle";

export type SignInFailureCode =
  "INVALID_CREDENTIALS" | "EMAIL_NOT_VERIFIED" | "ACCOUNT_INACTIVE" | "RATE_LIMITED";

export type SignInOutcome =
  { ok: true; userId: string } | { ok: false; code: SignInFailureCode; retryAfterSeconds?: number };

/** Longer input is refused before hashing: argon2 over megabytes is a cheap way to burn CPU. */
const MAX_PASSWORD_LENGTH = 1024;

let dummyHash: Promise<string> | undefined;

/**
 * Checks email + password for next-auth's credentials provider.
 *
 * Whether an account exists, is inactive or unverified is only revealed to someone who knows
 * its password; an unknown email costs the same argon2 work as a wrong password, so timing
 * does not tell them apart either.
 */
export async function authorizeCredentials(
  input: { email: string; password: string },
  { ip, throttle = loginThrottle() }: { ip: string; throttle?: LoginThrottle },
): Promise<SignInOutcome> {
  const email = input.email.trim();
  const { password } = input;
  if (!email || !password || password.length > MAX_PASSWORD_LENGTH || email.length > 254) {
    return { ok: false, code: "INVALID_CREDENTIALS" };
  }

  const verdict = await throttle.check(email, ip);
  if (!verdict.allowed)
    return { ok: false, code: "RATE_LIMITED", retryAfterSeconds: verdict.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true, emailVerifiedAt: true },
  });

  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(
        await (dummyHash ??= hashPassword("not-a-real-password")),
        password,
      ).then(() => false);

  if (!user || !passwordOk) {
    await throttle.recordFailure(email, ip);
    return { ok: false, code: "INVALID_CREDENTIALS" };
  }

  await throttle.recordSuccess(email, ip);
  if (!user.active) return { ok: false, code: "ACCOUNT_INACTIVE" };
  if (!user.emailVerifiedAt) return { ok: false, code: "EMAIL_NOT_VERIFIED" };
  return { ok: true, userId: user.id };
}

/**
 * next-auth passes a thrown error's message to the client as `error`; this is its format.
 * Parsed by the sign-in form (lib/auth/sign-in-error.ts).
 */
export function encodeSignInFailure(outcome: Extract<SignInOutcome, { ok: false }>): string {
  return outcome.retryAfterSeconds ? `${outcome.code}:${outcome.retryAfterSeconds}` : outcome.code;
}
