import { forbidden } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { translatedMetadata } from "@/lib/i18n/page-metadata";

export const generateMetadata = translatedMetadata("auth.forbidden");

/**
 * The 403 page as a route of its own: proxy.ts rewrites a protected page here when the
 * signed-in user lacks its permission. `forbidden()` runs while this page is prerendered, so
 * it is served with HTTP 403 (a page that refuses at request time can only answer 200 under
 * Cache Components); it renders app/[locale]/forbidden.tsx.
 */
export default async function AccessDeniedPage({ params }: PageProps<"/[locale]/access-denied">) {
  setRequestLocale((await params).locale);
  forbidden();
}
