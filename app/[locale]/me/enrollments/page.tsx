import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { z } from "zod";
import { PageShell } from "@/components/site/page-shell";
import { pageField } from "@/lib/actions/fields";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { EnrollmentSections, PAST_PAGE_PARAM } from "./enrollment-sections";
import { SectionsSkeleton } from "./sections-skeleton";

export const generateMetadata = translatedMetadata("myEnrollments");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

const searchParamsSchema = z.object({ [PAST_PAGE_PARAM]: pageField() });

export default async function MyEnrollmentsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/me/enrollments">) {
  // Signed in and allowed before anything streams, so the redirect or 403 keeps its status.
  const { locale, user } = await openProtectedPage(params, "enrollment:read:own");
  const query = searchParamsSchema.parse(await searchParams);
  const t = await getTranslations({ locale, namespace: "myEnrollments" });
  // One clock for the whole render: sections, cut-offs and the countdown's first frame agree.
  const now = new Date();
  return (
    <PageShell width="medium" title={t("title")} description={t("description")}>
      <Suspense fallback={<SectionsSkeleton />}>
        <EnrollmentSections
          user={user}
          locale={locale}
          pastPage={query[PAST_PAGE_PARAM]}
          now={now}
        />
      </Suspense>
    </PageShell>
  );
}
