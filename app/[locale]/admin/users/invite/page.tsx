import type { Metadata } from "next";
import { ArrowLeft } from "lucide-react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { requirePagePermission } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";
import { listPartnerOrganizations, listPendingInvitations } from "@/lib/users/users.queries";
import { InviteForm } from "./invite-form";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/admin/users/invite">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "users.invite" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function InviteUserPage({
  params,
}: PageProps<"/[locale]/admin/users/invite">) {
  const { locale: rawLocale } = await params;
  const locale = rawLocale as AppLocale;
  setRequestLocale(locale);
  const viewer = await requirePagePermission("user:invite", locale);
  const [partners, pending, t, tRoles] = await Promise.all([
    listPartnerOrganizations(viewer),
    listPendingInvitations(viewer),
    getTranslations({ locale, namespace: "users.invite" }),
    getTranslations({ locale, namespace: "users.roles" }),
  ]);
  const partnerOptions = partners.map((o) => ({
    id: o.id,
    label: locale === "en" && o.nameEn ? o.nameEn : o.name,
  }));

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild variant="outline">
            <Link href="/admin/users">
              <ArrowLeft aria-hidden="true" />
              {t("back")}
            </Link>
          </Button>
        }
      />
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
    </div>
  );
}
