import { ArrowLeft } from "lucide-react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { getCohort } from "@/lib/cohorts/cohorts.queries";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { CohortForm } from "../../cohort-form";

export const generateMetadata = translatedMetadata("cohorts.edit");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function EditCohortPage({
  params,
}: PageProps<"/[locale]/partner/cohorts/[id]/edit">) {
  const { locale, user } = await openProtectedPage(params, "cohort:manage:own-org");
  const { id } = await params;
  const [cohort, t, tDetail] = await Promise.all([
    getCohort(user, id, locale),
    getTranslations({ locale, namespace: "cohorts.edit" }),
    getTranslations({ locale, namespace: "cohorts.detail" }),
  ]);
  // Another organization's cohort is simply not there.
  if (!cohort) notFound();
  return (
    <PageShell
      width="narrow"
      eyebrow={cohort.name}
      title={t("title")}
      actions={
        <LinkButton href={`/partner/cohorts/${cohort.id}`} variant="outline" icon={ArrowLeft}>
          {t("back")}
        </LinkButton>
      }
    >
      {cohort.archivedAt ? (
        <Alert variant="warning">{tDetail("archivedNotice")}</Alert>
      ) : (
        <Card>
          <CardContent>
            <CohortForm
              cohortId={cohort.id}
              initial={{
                name: cohort.name,
                program: cohort.program ?? "",
                description: cohort.description ?? "",
                startsOn: cohort.startsOn ? cohort.startsOn.toISOString().slice(0, 10) : "",
              }}
            />
          </CardContent>
        </Card>
      )}
    </PageShell>
  );
}
