import { setRequestLocale } from "next-intl/server";
import { requirePagePermission, type CurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/permissions";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * The first lines of every page behind a permission: resolves the route's locale, enables static
 * rendering of translations for it, and sends the visitor to sign-in (no session) or to the 403
 * page (no permission) before anything is loaded.
 *
 * Under Cache Components a protected page also
 * - exports `instant = false` (it reads the session, so it renders per request, blocking), and
 * - is listed in lib/auth/page-access.ts with the same permission: proxy.ts answers from there
 *   with the real HTTP status (307 to sign-in, 403), which a page cannot set once its shell has
 *   been sent. lib/auth/page-access.test.ts checks both.
 */
export async function openProtectedPage(
  params: Promise<{ locale: string }>,
  permission: Permission,
): Promise<{ locale: AppLocale; user: CurrentUser }> {
  // The [locale] segment is validated by the layout (notFound for unknown locales).
  const locale = (await params).locale as AppLocale;
  setRequestLocale(locale);
  const user = await requirePagePermission(permission, locale);
  return { locale, user };
}
