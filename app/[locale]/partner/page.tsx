import { Download, Inbox } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { getPartnerDashboard, listMemberProgress } from "@/lib/cohorts/partner-dashboard.queries";
import {
  MEMBER_PROGRESS_EXPORT_MAX,
  partnerDashboardQuerySchema,
} from "@/lib/cohorts/partner-dashboard.schemas";
import { listSeatBlocks } from "@/lib/cohorts/seat-blocks.queries";
import { formatDate, formatDayRange } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { cn } from "@/lib/utils";
import { MemberProgressTable } from "./_dashboard/member-progress-table";
import { SeatBlockStatusBadge } from "./seat-blocks/status-badge";

export const generateMetadata = translatedMetadata("partnerDashboard");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

/** How many seat blocks the dashboard lists (the newest); the seat-block page has them all. */
const BLOCKS_SHOWN = 8;

export default async function PartnerDashboardPage({
  params,
  searchParams,
}: PageProps<"/[locale]/partner">) {
  const { locale, user } = await openProtectedPage(params, "cohort:manage:own-org");
  const query = partnerDashboardQuerySchema.parse(await searchParams);
  const dashboard = await getPartnerDashboard(user, query, locale);
  const organizationId = dashboard.selectedOrganizationId;
  // A cohort filter only counts when the cohort is in view (another partner's id shows nothing).
  const cohortId = dashboard.cohorts.some((c) => c.id === query.cohortId) ? query.cohortId : undefined;
  const filters = { organizationId: organizationId ?? undefined, cohortId };
  const [members, blocks, t] = await Promise.all([
    listMemberProgress(user, { ...filters, page: query.page }, locale),
    listSeatBlocks(user, { page: 1, organizationId }, locale),
    getTranslations({ locale, namespace: "partnerDashboard" }),
  ]);
  const own = dashboard.allPartners ? null : (dashboard.partners[0] ?? null);
  const exportQuery = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  const exportHref = (format: "csv" | "xlsx") =>
    `/${locale}/partner/export.${format}${exportQuery ? `?${exportQuery}` : ""}`;
  const agreement = (p: { agreementStartsOn: Date | null; agreementEndsOn: Date | null }) =>
    p.agreementStartsOn && p.agreementEndsOn
      ? t("agreement", {
          from: formatDate(p.agreementStartsOn, locale),
          to: formatDate(p.agreementEndsOn, locale),
        })
      : t("noAgreement");

  return (
    <PageShell
      eyebrow={own ? own.name : undefined}
      title={t("title")}
      description={dashboard.allPartners ? t("adminDescription") : t("description")}
      actions={
        <>
          <LinkButton href="/partner/cohorts" variant="outline">
            {t("cohorts.manage")}
          </LinkButton>
          <LinkButton href="/partner/seat-blocks">{t("seatBlocks.request")}</LinkButton>
        </>
      }
    >
      <div className="flex flex-col gap-10">
        {own ? <p className="text-sm text-muted-foreground">{agreement(own)}</p> : null}

        {dashboard.allPartners ? (
          <>
            {dashboard.pendingRequests > 0 ? (
              <Alert variant="warning" title={t("queue.title", { count: dashboard.pendingRequests })}>
                <Link href="/admin/seat-blocks" className="font-medium underline underline-offset-4">
                  {t("queue.open")}
                </Link>
              </Alert>
            ) : null}
            <section aria-labelledby="partners-heading" className="flex flex-col gap-4">
              <h2 id="partners-heading" className="text-xl font-semibold">
                {t("partners.title")}
              </h2>
              <form
                method="get"
                role="search"
                aria-label={t("partners.filterLabel")}
                className="flex flex-wrap items-end gap-3"
              >
                <div className="flex w-full flex-col gap-1.5 sm:w-72">
                  <Label htmlFor="partner-filter">{t("partners.filter")}</Label>
                  <Select id="partner-filter" name="organizationId" defaultValue={organizationId ?? ""}>
                    <option value="">{t("partners.all")}</option>
                    {dashboard.partners.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </Select>
                </div>
                <Button type="submit" variant="outline">
                  {t("filter")}
                </Button>
              </form>
              {dashboard.partners.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("partners.empty")}</p>
              ) : (
                <Table>
                  <TableCaption>{t("partners.caption", { count: dashboard.partners.length })}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t("partners.columns.name")}</TableHead>
                      <TableHead>{t("partners.columns.agreement")}</TableHead>
                      <TableHead className="text-right">{t("partners.columns.cohorts")}</TableHead>
                      <TableHead className="text-right">{t("partners.columns.members")}</TableHead>
                      <TableHead className="text-right">{t("partners.columns.blocks")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {dashboard.partners.map((p) => (
                      <TableRow
                        key={p.id}
                        className={cn(p.id === organizationId && "bg-muted/60")}
                      >
                        <TableCell>
                          <Link
                            href={{ pathname: "/partner", query: { organizationId: p.id } }}
                            aria-current={p.id === organizationId ? "true" : undefined}
                            className="font-medium text-primary underline-offset-4 hover:underline"
                          >
                            {p.name}
                          </Link>
                        </TableCell>
                        <TableCell>{agreement(p)}</TableCell>
                        <TableCell className="text-right tabular-nums">{p.cohorts}</TableCell>
                        <TableCell className="text-right tabular-nums">
                          {t("joinedOf", { joined: p.joined, total: p.members })}
                        </TableCell>
                        <TableCell className="text-right tabular-nums whitespace-nowrap">
                          {t("partners.blocksValue", { active: p.activeBlocks, pending: p.pendingBlocks })}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </section>
          </>
        ) : null}

        <div className="grid gap-10 lg:grid-cols-2">
          <section aria-labelledby="cohorts-heading" className="flex flex-col gap-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="cohorts-heading" className="text-xl font-semibold">
                {t("cohorts.title")}
              </h2>
              <Link href="/partner/cohorts" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
                {t("cohorts.manage")}
              </Link>
            </div>
            {dashboard.cohorts.length === 0 ? (
              <EmptyState headingLevel="h3" title={t("cohorts.empty")} description={t("cohorts.emptyHint")} />
            ) : (
              <Table>
                <TableCaption className="sr-only">{t("cohorts.caption")}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("cohorts.columns.name")}</TableHead>
                    <TableHead className="text-right">{t("cohorts.columns.members")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {dashboard.cohorts.map((c) => (
                    <TableRow key={c.id}>
                      <TableCell>
                        <div className="flex flex-col gap-0.5">
                          <Link
                            href={`/partner/cohorts/${c.id}`}
                            className="font-medium text-primary underline-offset-4 hover:underline"
                          >
                            {c.name}
                          </Link>
                          {dashboard.allPartners ? (
                            <span className="text-muted-foreground">{c.organizationName}</span>
                          ) : null}
                          {c.archived ? <Badge variant="neutral">{t("cohorts.archived")}</Badge> : null}
                        </div>
                      </TableCell>
                      <TableCell className="text-right tabular-nums whitespace-nowrap">
                        {t("joinedOf", { joined: c.joined, total: c.members })}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>

          <section aria-labelledby="blocks-heading" className="flex flex-col gap-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="blocks-heading" className="text-xl font-semibold">
                {t("seatBlocks.title")}
              </h2>
              <Link href="/partner/seat-blocks" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
                {t("seatBlocks.viewAll", { count: blocks.total })}
              </Link>
            </div>
            {blocks.items.length === 0 ? (
              <EmptyState
                headingLevel="h3"
                icon={Inbox}
                title={t("seatBlocks.empty")}
                description={t("seatBlocks.emptyHint")}
              />
            ) : (
              <Table>
                <TableCaption className="sr-only">{t("seatBlocks.caption")}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("seatBlocks.columns.session")}</TableHead>
                    <TableHead>{t("seatBlocks.columns.status")}</TableHead>
                    <TableHead className="text-right">{t("seatBlocks.columns.seats")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {blocks.items.slice(0, BLOCKS_SHOWN).map((b) => (
                    <TableRow key={b.id}>
                      <TableCell>
                        <div className="flex flex-col gap-0.5">
                          <Link
                            href={`/partner/seat-blocks/${b.id}`}
                            className="font-medium text-primary underline-offset-4 hover:underline"
                          >
                            {b.session.courseTitle}
                          </Link>
                          <span className="text-muted-foreground">
                            {[
                              b.cohort.name,
                              b.session.startsAt && b.session.endsAt
                                ? formatDayRange(b.session.startsAt, b.session.endsAt, locale)
                                : null,
                            ]
                              .filter(Boolean)
                              .join(" · ")}
                          </span>
                        </div>
                      </TableCell>
                      <TableCell>
                        <SeatBlockStatusBadge status={b.displayStatus} />
                      </TableCell>
                      <TableCell className="text-right tabular-nums whitespace-nowrap">
                        {b.status === "APPROVED" || b.status === "RELEASED"
                          ? t("seatBlocks.claimedOf", { claimed: b.claimedSeats, approved: b.approvedSeats })
                          : t("seatBlocks.requested", { requested: b.requestedSeats })}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>
        </div>

        <section aria-labelledby="members-heading" className="flex flex-col gap-4">
          <div className="flex flex-col gap-1">
            <h2 id="members-heading" className="text-xl font-semibold">
              {t("members.title")}
            </h2>
            <p className="text-sm text-muted-foreground">{t("members.description")}</p>
          </div>
          <div className="flex flex-wrap items-end justify-between gap-3">
            <form
              method="get"
              role="search"
              aria-label={t("members.filterLabel")}
              className="flex flex-wrap items-end gap-3"
            >
              {organizationId ? <input type="hidden" name="organizationId" value={organizationId} /> : null}
              <div className="flex w-full flex-col gap-1.5 sm:w-72">
                <Label htmlFor="cohort-filter">{t("members.cohortFilter")}</Label>
                <Select id="cohort-filter" name="cohortId" defaultValue={cohortId ?? ""}>
                  <option value="">{t("members.allCohorts")}</option>
                  {dashboard.cohorts
                    .filter((c) => !c.archived)
                    .map((c) => (
                      <option key={c.id} value={c.id}>
                        {dashboard.allPartners ? `${c.name} (${c.organizationName})` : c.name}
                      </option>
                    ))}
                </Select>
              </div>
              <Button type="submit" variant="outline">
                {t("filter")}
              </Button>
            </form>
            <div className="flex flex-wrap gap-2" role="group" aria-label={t("members.export.label")}>
              {/* Plain links: route handlers that answer with a file download. */}
              <a href={exportHref("csv")} className={buttonVariants({ variant: "outline", size: "sm" })}>
                <Download aria-hidden="true" />
                {t("members.export.csv")}
              </a>
              <a href={exportHref("xlsx")} className={buttonVariants({ variant: "outline", size: "sm" })}>
                <Download aria-hidden="true" />
                {t("members.export.xlsx")}
              </a>
            </div>
          </div>
          <p className="text-xs text-muted-foreground">
            {t("members.export.hint", { max: MEMBER_PROGRESS_EXPORT_MAX })}
          </p>
          <MemberProgressTable
            locale={locale}
            members={members}
            query={{ organizationId: organizationId ?? undefined, cohortId }}
          />
        </section>
      </div>
    </PageShell>
  );
}
