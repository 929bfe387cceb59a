import { ArrowLeft } from "lucide-react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { getCohort, getCohortMember } from "@/lib/cohorts/cohorts.queries";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { EditMemberForm } from "../../member-forms";

export const generateMetadata = translatedMetadata("cohorts.editMember");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function EditMemberPage({
  params,
}: PageProps<"/[locale]/partner/cohorts/[id]/members/[memberId]">) {
  const { locale, user } = await openProtectedPage(params, "cohort:manage:own-org");
  const { id, memberId } = await params;
  const [cohort, member, t, tDetail] = await Promise.all([
    getCohort(user, id, locale),
    getCohortMember(user, id, memberId),
    getTranslations({ locale, namespace: "cohorts.editMember" }),
    getTranslations({ locale, namespace: "cohorts.detail" }),
  ]);
  if (!cohort || !member) notFound();
  return (
    <PageShell
      width="narrow"
      eyebrow={cohort.name}
      title={t("title")}
      description={member.name}
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
            <EditMemberForm
              cohortId={cohort.id}
              memberId={member.id}
              joined={member.status === "JOINED"}
              initial={{
                name: member.name,
                email: member.email,
                studentNumber: member.studentNumber ?? "",
                department: member.department ?? "",
                locale: member.invitationLocale ?? locale,
              }}
            />
          </CardContent>
        </Card>
      )}
    </PageShell>
  );
}
