import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageShell } from "@/components/site/page-shell";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { mySessionsQuerySchema } from "@/lib/rosters/rosters.schemas";
import { MySessionsSkeleton, MySessionsSections } from "./my-sessions";

export const generateMetadata = translatedMetadata("roster.mySessions");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function MySessionsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/instructor/sessions">) {
  const { locale, user } = await openProtectedPage(params, "session:read:assigned");
  const query = mySessionsQuerySchema.parse(await searchParams);
  const t = await getTranslations({ locale, namespace: "roster.mySessions" });
  return (
    <PageShell title={t("title")} description={t("description")}>
      <Suspense fallback={<MySessionsSkeleton />}>
        <MySessionsSections user={user} locale={locale} query={query} />
      </Suspense>
    </PageShell>
  );
}
