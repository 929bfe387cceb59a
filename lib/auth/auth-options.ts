import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { routing } from "@/lib/i18n/routing";
import { authorizeCredentials, encodeSignInFailure } from "@/lib/auth/sign-in";
import { clientIp } from "@/lib/auth/client-ip";

/**
 * Used only when NEXTAUTH_SECRET is unset outside production, so that `npm run dev` and the
 * tests work on a fresh checkout. lib/env.ts refuses to start in production without a secret,
 * and next-auth itself refuses a missing secret in production, so this never signs real
 * sessions.
 */
const DEVELOPMENT_SECRET = "fast-trak-enroll-development-only-secret-0f3c9a";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export const authOptions: AuthOptions = {
  secret: env.NEXTAUTH_SECRET ?? (env.NODE_ENV === "production" ? undefined : DEVELOPMENT_SECRET),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
  // Stated rather than left to next-auth's guess from NEXTAUTH_URL (which may be unset in
  // tests and `next dev`): the app's public URL says whether it is served over https.
  useSecureCookies: (env.NEXTAUTH_URL ?? env.APP_URL).startsWith("https://"),
  pages: {
    signIn: `/${routing.defaultLocale}/sign-in`,
    error: `/${routing.defaultLocale}/sign-in`,
  },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const outcome = await authorizeCredentials(
          { email: credentials?.email ?? "", password: credentials?.password ?? "" },
          { ip: clientIp(req.headers ?? {}) },
        );
        // The message travels to the browser as `error` (never a stack or SQL: just a code).
        if (!outcome.ok) throw new Error(encodeSignInFailure(outcome));
        return { id: outcome.userId };
      },
    }),
  ],
  callbacks: {
    // The token carries the user id and nothing else: name, role and active flag are re-read
    // from the database on every request (lib/auth/current-user.ts), so a change takes effect
    // at once and nothing stale or personal sits in the cookie.
    jwt({ token, user }) {
      return { sub: user?.id ?? token.sub };
    },
    session({ session, token }) {
      return { expires: session.expires, userId: token.sub };
    },
  },
  logger: {
    error(code, metadata) {
      logger.error({ code, metadata }, "next-auth error");
    },
    warn(code) {
      // Without NEXTAUTH_URL next-auth warns once; the app's URL comes from APP_URL instead.
      if (code !== "NEXTAUTH_URL") logger.warn({ code }, "next-auth warning");
    },
    debug() {},
  },
};
