import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
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
import {
  listPendingSeatBlocks,
  listRecentlyDecidedSeatBlocks,
} from "@/lib/cohorts/seat-blocks.queries";
import { formatDate, formatDateTime, formatDayRange } from "@/lib/i18n/format";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { seoulLocalValue } from "@/lib/sessions/seoul-time";
import { SeatBlockStatusBadge } from "../../partner/seat-blocks/status-badge";
import { DecideSeatBlockForm } from "./decide-form";

export const generateMetadata = translatedMetadata("seatBlocks.admin");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

const noticeSchema = z.object({
  notice: z.enum(["approved", "rejected"]).optional().catch(undefined),
  seats: z.coerce.number().int().min(0).catch(0),
});

export default async function AdminSeatBlocksPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/seat-blocks">) {
  const { locale, user } = await openProtectedPage(params, "seat-block:decide");
  const notice = noticeSchema.parse(await searchParams);
  const [pending, recent, t, tl] = await Promise.all([
    listPendingSeatBlocks(user, locale),
    listRecentlyDecidedSeatBlocks(user, locale),
    getTranslations({ locale, namespace: "seatBlocks.admin" }),
    getTranslations({ locale, namespace: "seatBlocks.language" }),
  ]);

  return (
    <PageShell
      title={t("title")}
      description={t("description")}
      actions={
        <LinkButton href="/partner" variant="outline">
          {t("partners")}
        </LinkButton>
      }
    >
      <div className="flex flex-col gap-10">
        {notice.notice ? (
          <Alert variant="success">{t(`notices.${notice.notice}`, { seats: notice.seats })}</Alert>
        ) : null}

        <section aria-labelledby="seat-block-queue" className="flex flex-col gap-4">
          <h2 id="seat-block-queue" className="text-xl font-semibold">
            {t("queueTitle", { count: pending.length })}
          </h2>
          {pending.length === 0 ? (
            <EmptyState headingLevel="h3" title={t("empty")} description={t("emptyHint")} />
          ) : (
            <ul className="flex flex-col gap-6">
              {pending.map((block) => {
                const { session } = block;
                const dates =
                  session.startsAt && session.endsAt
                    ? formatDayRange(session.startsAt, session.endsAt, locale)
                    : "—";
                return (
                  <li key={block.id}>
                    <Card>
                      <CardHeader>
                        <CardTitle as="h3">
                          {t("requestTitle", {
                            organization: block.organizationName,
                            seats: block.requestedSeats,
                          })}
                        </CardTitle>
                        <CardDescription>
                          {`${session.courseCode} ${session.courseTitle} · ${dates} · ${tl(session.language)}`}
                        </CardDescription>
                      </CardHeader>
                      <CardContent className="flex flex-col gap-5">
                        <dl className="grid gap-x-8 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                          <dt className="text-muted-foreground">{t("cohort")}</dt>
                          <dd>{block.cohort.name}</dd>
                          <dt className="text-muted-foreground">{t("requestedBy")}</dt>
                          <dd>
                            {t("requestedByOn", {
                              name: block.requestedByName ?? "—",
                              date: formatDateTime(block.createdAt, locale),
                            })}
                          </dd>
                          <dt className="text-muted-foreground">{t("sessionSeats")}</dt>
                          <dd>
                            {t("sessionSeatsValue", {
                              held: block.seatsHeld,
                              capacity: block.capacity,
                              free: block.free,
                            })}
                            {block.waitlisted > 0
                              ? ` · ${t("waitlisted", { count: block.waitlisted })}`
                              : ""}
                          </dd>
                          {block.note ? (
                            <>
                              <dt className="text-muted-foreground">{t("note")}</dt>
                              <dd className="whitespace-pre-line">{block.note}</dd>
                            </>
                          ) : null}
                        </dl>
                        {block.free < block.requestedSeats ? (
                          <Alert variant="warning">
                            {t("notEnoughFree", { free: block.free, requested: block.requestedSeats })}
                          </Alert>
                        ) : null}
                        <DecideSeatBlockForm
                          blockId={block.id}
                          requested={block.requestedSeats}
                          suggestedSeats={Math.max(1, Math.min(block.requestedSeats, block.free))}
                          defaultReleaseAt={
                            block.defaultReleaseAt ? seoulLocalValue(block.defaultReleaseAt) : ""
                          }
                          firstMeeting={
                            session.startsAt ? formatDateTime(session.startsAt, locale) : "—"
                          }
                        />
                      </CardContent>
                    </Card>
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <section aria-labelledby="seat-block-recent" className="flex flex-col gap-4">
          <h2 id="seat-block-recent" className="text-xl font-semibold">
            {t("recentTitle")}
          </h2>
          {recent.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("recentEmpty")}</p>
          ) : (
            <Table>
              <TableCaption>{t("recentCaption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("columns.session")}</TableHead>
                  <TableHead>{t("columns.partner")}</TableHead>
                  <TableHead>{t("columns.status")}</TableHead>
                  <TableHead className="text-right">{t("columns.seats")}</TableHead>
                  <TableHead>{t("columns.decidedAt")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {recent.map((block) => (
                  <TableRow key={block.id}>
                    <TableCell>
                      <div className="flex flex-col">
                        <span className="font-medium">{block.session.courseTitle}</span>
                        <span className="text-muted-foreground">
                          {block.session.courseCode}
                          {block.session.startsAt ? ` · ${formatDate(block.session.startsAt, locale)}` : ""}
                        </span>
                      </div>
                    </TableCell>
                    <TableCell>
                      <div className="flex flex-col">
                        <span>{block.organizationName}</span>
                        <span className="text-muted-foreground">{block.cohort.name}</span>
                      </div>
                    </TableCell>
                    <TableCell>
                      <SeatBlockStatusBadge status={block.displayStatus} />
                    </TableCell>
                    <TableCell className="text-right whitespace-nowrap tabular-nums">
                      {t("seatsValue", {
                        requested: block.requestedSeats,
                        approved: block.approvedSeats,
                        claimed: block.claimedSeats,
                      })}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {block.decidedAt ? formatDateTime(block.decidedAt, locale) : "—"}
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
