import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { formatDateTime } from "@/lib/i18n/format";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { listPartnerOrganizationOptions, listPendingInvitations } from "@/lib/users/users.queries";
import { InviteForm } from "./invite-form";

export const generateMetadata = translatedMetadata("users.invite");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function InviteUserPage({
  params,
}: PageProps<"/[locale]/admin/users/invite">) {
  const { locale, user: viewer } = await openProtectedPage(params, "user:invite");
  const [partnerOptions, pending, t, tRoles] = await Promise.all([
    listPartnerOrganizationOptions(viewer, locale),
    listPendingInvitations(viewer),
    getTranslations({ locale, namespace: "users.invite" }),
    getTranslations({ locale, namespace: "users.roles" }),
  ]);

  return (
    <PageShell
      title={t("title")}
      description={t("description")}
      actions={
        <LinkButton href="/admin/users" variant="outline" icon={ArrowLeft}>
          {t("back")}
        </LinkButton>
      }
    >
      <div className="grid gap-8 lg:grid-cols-[minmax(0,24rem)_1fr]">
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("formTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <InviteForm partnerOrganizations={partnerOptions} />
          </CardContent>
        </Card>
        <section aria-labelledby="pending-heading" className="flex min-w-0 flex-col gap-4">
          <h2 id="pending-heading" className="text-lg font-semibold">
            {t("pendingTitle")}
          </h2>
          {pending.length === 0 ? (
            <EmptyState title={t("pendingEmpty")} headingLevel="h3" />
          ) : (
            <Table aria-label={t("pendingTitle")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("columns.email")}</TableHead>
                  <TableHead>{t("columns.role")}</TableHead>
                  <TableHead>{t("columns.organization")}</TableHead>
                  <TableHead>{t("columns.invitedBy")}</TableHead>
                  <TableHead>{t("columns.expires")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {pending.map((invitation) => (
                  <TableRow key={invitation.id}>
                    <TableCell className="font-medium">{invitation.email}</TableCell>
                    <TableCell>{tRoles(invitation.role)}</TableCell>
                    <TableCell>{invitation.organizationName ?? "—"}</TableCell>
                    <TableCell>{invitation.invitedByName ?? "—"}</TableCell>
                    <TableCell className="whitespace-nowrap">
                      {formatDateTime(invitation.expiresAt, locale)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      </div>
    </PageShell>
  );
}
