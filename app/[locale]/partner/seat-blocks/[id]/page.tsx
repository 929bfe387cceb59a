import { ArrowLeft } from "lucide-react";
import { notFound } from "next/navigation";
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
import { getSeatBlock } from "@/lib/cohorts/seat-blocks.queries";
import { env } from "@/lib/env";
import { formatDateTime, formatDayRange } from "@/lib/i18n/format";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import {
  AssignSeatForm,
  ReleaseSeatsForm,
  SendClaimLinksForm,
  WithdrawSeatBlockForm,
} from "../seat-block-forms";
import { SeatBlockStatusBadge } from "../status-badge";

export const generateMetadata = translatedMetadata("seatBlocks.detail");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

const noticeSchema = z.object({
  notice: z.enum(["requested"]).optional().catch(undefined),
});

export default async function PartnerSeatBlockPage({
  params,
  searchParams,
}: PageProps<"/[locale]/partner/seat-blocks/[id]">) {
  const { locale, user } = await openProtectedPage(params, "seat-block:request:own-org");
  const { id } = await params;
  const notice = noticeSchema.parse(await searchParams);
  const block = await getSeatBlock(user, id, locale);
  // Another organization's block (or a made-up id) is simply not there.
  if (!block) notFound();
  const [t, tl, te] = await Promise.all([
    getTranslations({ locale, namespace: "seatBlocks.detail" }),
    getTranslations({ locale, namespace: "seatBlocks.language" }),
    getTranslations({ locale, namespace: "myEnrollments.enrollmentStatus" }),
  ]);
  const open = block.status === "APPROVED" && !block.releasedAt;
  const claimUrl = new URL(`/${locale}/seat-blocks/${block.id}/claim`, env.APP_URL).toString();
  const { session } = block;

  const facts: { key: string; label: string; value: string }[] = [
    {
      key: "dates",
      label: t("dates"),
      value:
        session.startsAt && session.endsAt
          ? formatDayRange(session.startsAt, session.endsAt, locale)
          : "—",
    },
    { key: "language", label: t("language"), value: tl(session.language) },
    { key: "cohort", label: t("cohort"), value: block.cohort.name },
    { key: "requestedBy", label: t("requestedBy"), value: block.requestedByName ?? "—" },
    { key: "requestedAt", label: t("requestedAt"), value: formatDateTime(block.createdAt, locale) },
    ...(block.releaseAt && !block.releasedAt
      ? [{ key: "releaseAt", label: t("releaseAt"), value: formatDateTime(block.releaseAt, locale) }]
      : []),
    ...(block.releasedAt
      ? [{ key: "releasedAt", label: t("releasedAt"), value: formatDateTime(block.releasedAt, locale) }]
      : []),
    ...(block.note ? [{ key: "note", label: t("note"), value: block.note }] : []),
    ...(block.decisionReason
      ? [{ key: "decisionReason", label: t("decisionReason"), value: block.decisionReason }]
      : []),
  ];
  const stats = [
    { key: "requested", value: block.requestedSeats },
    { key: "approved", value: block.approvedSeats },
    { key: "claimed", value: block.claimedSeats },
    { key: "unclaimed", value: block.unclaimedSeats },
  ] as const;

  return (
    <PageShell
      eyebrow={`${block.organizationName} · ${session.courseCode}`}
      title={session.courseTitle}
      description={t("subtitle", { cohort: block.cohort.name })}
      actions={
        <LinkButton href="/partner/seat-blocks" variant="ghost" icon={ArrowLeft}>
          {t("back")}
        </LinkButton>
      }
    >
      <div className="flex flex-col gap-8">
        {notice.notice ? <Alert variant="success">{t(`notices.${notice.notice}`)}</Alert> : null}

        <section aria-labelledby="block-summary" className="flex flex-col gap-4">
          <div className="flex flex-wrap items-center gap-3">
            <h2 id="block-summary" className="text-xl font-semibold">
              {t("summary")}
            </h2>
            <SeatBlockStatusBadge status={block.displayStatus} />
          </div>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {stats.map((stat) => (
              <div key={stat.key} className="rounded-lg border border-border p-4">
                <dt className="text-sm text-muted-foreground">{t(`stats.${stat.key}`)}</dt>
                <dd className="text-2xl font-semibold tabular-nums">{stat.value}</dd>
              </div>
            ))}
          </dl>
          <dl className="grid gap-x-8 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            {facts.map((fact) => (
              <div key={fact.key} className="contents">
                <dt className="text-muted-foreground">{fact.label}</dt>
                <dd className="whitespace-pre-line">{fact.value}</dd>
              </div>
            ))}
          </dl>
          {block.status === "REQUESTED" ? (
            <Alert variant="info">{t("pendingNotice")}</Alert>
          ) : null}
          {block.status === "REJECTED" ? <Alert variant="warning">{t("rejectedNotice")}</Alert> : null}
          {block.status === "RELEASED" ? <Alert variant="info">{t("releasedNotice")}</Alert> : null}
          {block.status === "CANCELLED" ? <Alert variant="info">{t("cancelledNotice")}</Alert> : null}
          {open && block.claimRefusal === "SEAT_BLOCK_RELEASED" ? (
            <Alert variant="info">{t("releasingNotice")}</Alert>
          ) : null}
          {block.status === "REQUESTED" ? <WithdrawSeatBlockForm blockId={block.id} /> : null}
        </section>

        {open && !block.claimRefusal ? (
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle>{t("assign.title")}</CardTitle>
                <CardDescription>{t("assign.description")}</CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-3">
                {block.assignable.length === 0 ? (
                  <p className="text-sm text-muted-foreground">{t("assign.noMembers")}</p>
                ) : (
                  <AssignSeatForm
                    blockId={block.id}
                    members={block.assignable.map((m) => ({
                      id: m.id,
                      label: [m.name, m.studentNumber, m.email].filter(Boolean).join(" · "),
                    }))}
                  />
                )}
                {block.notJoined > 0 ? (
                  <p className="text-sm text-muted-foreground">
                    {t("assign.notJoined", { count: block.notJoined })}
                  </p>
                ) : null}
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>{t("claimLinks.title")}</CardTitle>
                <CardDescription>{t("claimLinks.description")}</CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-3">
                <div className="flex flex-col gap-1 text-sm">
                  <span className="text-muted-foreground">{t("claimLinks.address")}</span>
                  <code className="rounded bg-muted px-2 py-1 break-all">{claimUrl}</code>
                </div>
                {block.lastClaimLinksAt ? (
                  <p className="text-sm text-muted-foreground">
                    {t("claimLinks.lastSent", { date: formatDateTime(block.lastClaimLinksAt, locale) })}
                  </p>
                ) : null}
                <SendClaimLinksForm blockId={block.id} />
              </CardContent>
            </Card>
          </div>
        ) : null}

        {open && block.unclaimedSeats > 0 ? (
          <Card>
            <CardHeader>
              <CardTitle>{t("release.title")}</CardTitle>
              <CardDescription>{t("release.description")}</CardDescription>
            </CardHeader>
            <CardContent>
              <ReleaseSeatsForm blockId={block.id} unclaimed={block.unclaimedSeats} />
            </CardContent>
          </Card>
        ) : null}

        <section aria-labelledby="block-seats" className="flex flex-col gap-3">
          <h2 id="block-seats" className="text-xl font-semibold">
            {t("seats.title")}
          </h2>
          {block.seats.length === 0 ? (
            <EmptyState headingLevel="h3" title={t("seats.empty")} description={t("seats.emptyHint")} />
          ) : (
            <Table>
              <TableCaption>{t("seats.caption", { count: block.seats.length })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("seats.columns.member")}</TableHead>
                  <TableHead>{t("seats.columns.status")}</TableHead>
                  <TableHead>{t("seats.columns.how")}</TableHead>
                  <TableHead>{t("seats.columns.confirmedAt")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {block.seats.map((seat) => (
                  <TableRow key={seat.enrollmentId}>
                    <TableCell>
                      <div className="flex flex-col">
                        <span className="font-medium">{seat.name}</span>
                        <span className="text-muted-foreground">{seat.email}</span>
                      </div>
                    </TableCell>
                    <TableCell>{te(seat.status)}</TableCell>
                    <TableCell>{seat.how ? t(`seats.how.${seat.how}`) : "—"}</TableCell>
                    <TableCell className="whitespace-nowrap">
                      {seat.confirmedAt ? formatDateTime(seat.confirmedAt, locale) : "—"}
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
