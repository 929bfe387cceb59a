import "server-only";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { loadCurrentUser } from "@/lib/auth/current-user";
import { protectedPagePermission } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/permissions";
import { logger } from "@/lib/logger";

export type PageGate =
  | { kind: "open" }
  | { kind: "sign-in"; location: string }
  | { kind: "forbidden" };

/**
 * proxy.ts's decision for a protected page (lib/auth/page-access.ts), taken before rendering so
 * the response carries the right status: sign in first (307) or not allowed (403). Reads the
 * session cookie and the user, as the page itself will. When the user cannot be read (the
 * database is down) it lets the request through: the page's own check then decides.
 */
export async function gatePage(
  request: NextRequest,
  locale: string,
  localelessPath: string,
): Promise<PageGate> {
  const permission = protectedPagePermission(localelessPath);
  if (!permission) return { kind: "open" };
  try {
    const token = await getToken({
      req: request,
      secret: authOptions.secret,
      secureCookie: authOptions.useSecureCookies,
    });
    const user = await loadCurrentUser(token?.sub);
    if (!user) {
      const callbackUrl = safeCallbackPath(
        `${request.nextUrl.pathname}${request.nextUrl.search}`,
        locale,
      );
      return {
        kind: "sign-in",
        location: `/${locale}/sign-in?${new URLSearchParams({ callbackUrl })}`,
      };
    }
    return can(user, permission) ? { kind: "open" } : { kind: "forbidden" };
  } catch (err) {
    logger.warn({ err, path: localelessPath }, "page gate could not read the user");
    return { kind: "open" };
  }
}
