import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Pagination } from "@/components/ui/pagination";
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
import { can } from "@/lib/auth/permissions";
import { openProtectedPage } from "@/lib/auth/protected-page";
import {
  listRequestableCohorts,
  listRequestableSessions,
  listSeatBlocks,
} from "@/lib/cohorts/seat-blocks.queries";
import {
  listSeatBlocksQuerySchema,
  SEAT_BLOCK_STATUSES,
} from "@/lib/cohorts/seat-blocks.schemas";
import { formatDate, formatDayRange } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { RequestSeatBlockForm } from "./seat-block-forms";
import { SeatBlockStatusBadge } from "./status-badge";

export const generateMetadata = translatedMetadata("seatBlocks.list");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function PartnerSeatBlocksPage({
  params,
  searchParams,
}: PageProps<"/[locale]/partner/seat-blocks">) {
  const { locale, user } = await openProtectedPage(params, "seat-block:request:own-org");
  const query = listSeatBlocksQuerySchema.parse(await searchParams);
  const [data, sessions, cohorts, t, tr, tl] = await Promise.all([
    listSeatBlocks(user, query, locale),
    listRequestableSessions(user, locale),
    listRequestableCohorts(user, locale),
    getTranslations({ locale, namespace: "seatBlocks.list" }),
    getTranslations({ locale, namespace: "seatBlocks.request" }),
    getTranslations({ locale, namespace: "seatBlocks.language" }),
  ]);
  // Admins see every partner's blocks, so the organization needs a column.
  const showOrganization = can(user, "cohort:manage:any");
  const sessionOptions = sessions.map((s) => ({
    id: s.id,
    label: [
      `${s.courseCode} ${s.courseTitle}`,
      s.startsAt && s.endsAt ? formatDayRange(s.startsAt, s.endsAt, locale) : null,
      tl(s.language),
      tr("free", { free: s.free, capacity: s.capacity }),
    ]
      .filter(Boolean)
      .join(" · "),
  }));
  const cohortOptions = cohorts.map((c) => ({
    id: c.id,
    label: showOrganization ? `${c.name} (${c.organizationName})` : c.name,
  }));

  return (
    <PageShell
      title={t("title")}
      description={t("description")}
      actions={
        <LinkButton href="/partner" variant="ghost" icon={ArrowLeft}>
          {t("dashboard")}
        </LinkButton>
      }
    >
      <div className="flex flex-col gap-10">
        <Card>
          <CardHeader>
            <CardTitle>{tr("title")}</CardTitle>
            <CardDescription>{tr("description")}</CardDescription>
          </CardHeader>
          <CardContent>
            {cohorts.length === 0 ? (
              <EmptyState
                headingLevel="h3"
                title={tr("noCohorts")}
                description={tr("noCohortsHint")}
                action={<LinkButton href="/partner/cohorts">{tr("manageCohorts")}</LinkButton>}
              />
            ) : sessions.length === 0 ? (
              <EmptyState headingLevel="h3" title={tr("noSessions")} description={tr("noSessionsHint")} />
            ) : (
              <RequestSeatBlockForm sessions={sessionOptions} cohorts={cohortOptions} />
            )}
          </CardContent>
        </Card>

        <section aria-labelledby="seat-blocks-heading" className="flex flex-col gap-4">
          <h2 id="seat-blocks-heading" className="text-xl font-semibold">
            {t("blocksTitle")}
          </h2>
          {/* A plain GET form: works without JavaScript and the URL can be shared. */}
          <form
            method="get"
            role="search"
            aria-label={t("filterLabel")}
            className="flex flex-wrap items-end gap-3"
          >
            <div className="flex w-48 flex-col gap-1.5">
              <Label htmlFor="seat-blocks-status">{t("statusFilter")}</Label>
              <Select id="seat-blocks-status" name="status" defaultValue={query.status ?? ""}>
                <option value="">{t("allStatuses")}</option>
                {SEAT_BLOCK_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`storedStatus.${status}`)}
                  </option>
                ))}
              </Select>
            </div>
            <Button type="submit" variant="outline">
              {t("filter")}
            </Button>
          </form>

          {data.items.length === 0 ? (
            <EmptyState
              title={query.status ? t("emptyFiltered") : t("empty")}
              description={query.status ? undefined : t("emptyHint")}
            />
          ) : (
            <>
              <Table>
                <TableCaption>{t("caption", { total: data.total })}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("columns.session")}</TableHead>
                    <TableHead>{t("columns.cohort")}</TableHead>
                    {showOrganization ? <TableHead>{t("columns.organization")}</TableHead> : null}
                    <TableHead>{t("columns.status")}</TableHead>
                    <TableHead className="text-right">{t("columns.seats")}</TableHead>
                    <TableHead>{t("columns.releaseAt")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.items.map((block) => (
                    <TableRow key={block.id}>
                      <TableCell>
                        <div className="flex flex-col gap-0.5">
                          <Link
                            href={`/partner/seat-blocks/${block.id}`}
                            className="font-medium text-primary underline-offset-4 hover:underline"
                          >
                            {block.session.courseTitle}
                          </Link>
                          <span className="text-muted-foreground">
                            {block.session.courseCode}
                            {block.session.startsAt && block.session.endsAt
                              ? ` · ${formatDayRange(block.session.startsAt, block.session.endsAt, locale)}`
                              : ""}
                          </span>
                        </div>
                      </TableCell>
                      <TableCell>{block.cohort.name}</TableCell>
                      {showOrganization ? <TableCell>{block.organizationName}</TableCell> : null}
                      <TableCell>
                        <SeatBlockStatusBadge status={block.displayStatus} />
                      </TableCell>
                      <TableCell className="text-right whitespace-nowrap tabular-nums">
                        {block.status === "APPROVED" || block.status === "RELEASED"
                          ? t("seatsClaimed", {
                              claimed: block.claimedSeats,
                              approved: block.approvedSeats,
                            })
                          : t("seatsRequested", { requested: block.requestedSeats })}
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        {block.releasedAt
                          ? t("releasedOn", { date: formatDate(block.releasedAt, locale) })
                          : block.releaseAt
                            ? formatDate(block.releaseAt, locale)
                            : "—"}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Pagination
                className="mt-2"
                page={data.page}
                pageCount={data.pageCount}
                pathname="/partner/seat-blocks"
                query={{ status: query.status }}
              />
            </>
          )}
        </section>
      </div>
    </PageShell>
  );
}
