import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { isAppLocale, routing, type AppLocale } from "@/lib/i18n/routing";
import { authOptions } from "@/lib/auth/auth-options";
import { can, type Permission } from "@/lib/auth/permissions";
import { safeCallbackPath } from "@/lib/auth/callback-url";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: AppLocale;
  organizationId: string | null;
};

/**
 * The user behind a session, read fresh from the database. An inactive account, or one whose
 * email is not verified, is treated as signed out — so deactivating a user or changing their
 * role takes effect on their very next request, whatever their session cookie says.
 */
export async function loadCurrentUser(
  userId: string | null | undefined,
): Promise<CurrentUser | null> {
  if (!userId) return null;
  const user = await db.user.findFirst({
    where: { id: userId, active: true, emailVerifiedAt: { not: null } },
    select: { id: true, email: true, name: true, role: true, locale: true, organizationId: true },
  });
  if (!user) return null;
  return { ...user, locale: isAppLocale(user.locale) ? user.locale : routing.defaultLocale };
}

/** The signed-in user of this request, or null. One session read and one query per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  return loadCurrentUser(session?.userId);
});

async function requestLocale(locale?: string): Promise<AppLocale> {
  if (isAppLocale(locale)) return locale;
  const current = await getLocale();
  return isAppLocale(current) ? current : routing.defaultLocale;
}

/**
 * For pages: the signed-in user, or a redirect to the sign-in page that comes back here.
 * The current path comes from the `x-pathname` header that proxy.ts sets.
 */
export async function requireUser(locale?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const resolved = await requestLocale(locale);
  const callbackUrl = safeCallbackPath((await headers()).get("x-pathname"), resolved);
  redirect(`/${resolved}/sign-in?${new URLSearchParams({ callbackUrl })}`);
}

/**
 * For pages: signed in (or redirected to sign-in) and holding `permission` — otherwise the
 * page is replaced by the translated 403 page (app/[locale]/forbidden.tsx, HTTP 403).
 */
export async function requirePagePermission(
  permission: Permission,
  locale?: string,
): Promise<CurrentUser> {
  const user = await requireUser(locale);
  if (!can(user, permission)) forbidden();
  return user;
}
