import { Plus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { listCohorts } from "@/lib/cohorts/cohorts.queries";
import { listCohortsQuerySchema } from "@/lib/cohorts/cohorts.schemas";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { cn } from "@/lib/utils";

export const generateMetadata = translatedMetadata("cohorts.list");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function CohortsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/partner/cohorts">) {
  const { locale, user } = await openProtectedPage(params, "cohort:manage:own-org");
  const query = listCohortsQuerySchema.parse(await searchParams);
  const [data, t] = await Promise.all([
    listCohorts(user, query, locale),
    getTranslations({ locale, namespace: "cohorts.list" }),
  ]);
  // Admins see every partner's cohorts, so the organization needs a column.
  const showOrganization = can(user, "cohort:manage:any");

  const views = [
    { key: "active", archived: false, href: "/partner/cohorts" },
    { key: "archived", archived: true, href: "/partner/cohorts?archived=1" },
  ] as const;

  return (
    <PageShell
      title={t("title")}
      description={t("description")}
      actions={
        <LinkButton href="/partner/cohorts/new" icon={Plus}>
          {t("newCohort")}
        </LinkButton>
      }
    >
      <nav aria-label={t("viewLabel")} className="mb-6">
        <ul className="flex gap-1 border-b border-border">
          {views.map((view) => {
            const current = view.archived === query.archived;
            return (
              <li key={view.key}>
                <Link
                  href={view.href}
                  aria-current={current ? "page" : undefined}
                  className={cn(
                    buttonVariants({ variant: "ghost", size: "sm" }),
                    "-mb-px rounded-b-none border-b-2",
                    current
                      ? "border-primary text-foreground"
                      : "border-transparent text-muted-foreground",
                  )}
                >
                  {t(view.key)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {data.items.length === 0 ? (
        <EmptyState
          title={query.archived ? t("emptyArchived") : t("empty")}
          description={query.archived ? t("emptyArchivedHint") : t("emptyHint")}
          action={
            query.archived ? undefined : (
              <LinkButton href="/partner/cohorts/new" icon={Plus}>
                {t("newCohort")}
              </LinkButton>
            )
          }
        />
      ) : (
        <>
          <Table>
            <TableCaption>{t("caption", { total: data.total })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.name")}</TableHead>
                {showOrganization ? <TableHead>{t("columns.organization")}</TableHead> : null}
                <TableHead className="text-right">{t("columns.members")}</TableHead>
                <TableHead className="text-right">{t("columns.joined")}</TableHead>
                <TableHead>{t("columns.startsOn")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((cohort) => (
                <TableRow key={cohort.id}>
                  <TableCell>
                    <div className="flex flex-col gap-0.5">
                      <Link
                        href={`/partner/cohorts/${cohort.id}`}
                        className="font-medium text-primary underline-offset-4 hover:underline"
                      >
                        {cohort.name}
                      </Link>
                      {cohort.program ? (
                        <span className="text-muted-foreground">{cohort.program}</span>
                      ) : null}
                      {cohort.archivedAt ? <Badge variant="neutral">{t("archived")}</Badge> : null}
                    </div>
                  </TableCell>
                  {showOrganization ? <TableCell>{cohort.organizationName}</TableCell> : null}
                  <TableCell className="text-right tabular-nums">
                    {t("memberCount", { count: cohort.memberCount })}
                  </TableCell>
                  <TableCell className="text-right tabular-nums whitespace-nowrap">
                    {t("joinedOf", { joined: cohort.joinedCount, total: cohort.memberCount })}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {cohort.startsOn ? formatDate(cohort.startsOn, locale) : "—"}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination
            className="mt-6"
            page={data.page}
            pageCount={data.pageCount}
            pathname="/partner/cohorts"
            query={{ archived: query.archived ? "1" : undefined }}
          />
        </>
      )}
    </PageShell>
  );
}
