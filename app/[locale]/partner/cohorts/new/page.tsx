import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Card, CardContent } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { listPartnerOrganizationOptions } from "@/lib/users/users.queries";
import { CohortForm } from "../cohort-form";

export const generateMetadata = translatedMetadata("cohorts.new");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function NewCohortPage({
  params,
}: PageProps<"/[locale]/partner/cohorts/new">) {
  const { locale, user } = await openProtectedPage(params, "cohort:manage:own-org");
  const t = await getTranslations({ locale, namespace: "cohorts.new" });
  // Only admins choose the organization; a coordinator's is fixed by their account.
  const organizations = can(user, "cohort:manage:any")
    ? await listPartnerOrganizationOptions(user, locale)
    : undefined;
  return (
    <PageShell
      width="narrow"
      title={t("title")}
      description={t("description")}
      actions={
        <LinkButton href="/partner/cohorts" variant="outline" icon={ArrowLeft}>
          {t("back")}
        </LinkButton>
      }
    >
      <Card>
        <CardContent>
          <CohortForm organizations={organizations} />
        </CardContent>
      </Card>
    </PageShell>
  );
}
