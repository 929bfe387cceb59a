import { ArrowLeft, ClipboardCheck, FileDown, FileSpreadsheet } from "lucide-react";
import { LinkButton } from "@/components/site/link-button";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/site/page-shell";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { openProtectedPage } from "@/lib/auth/protected-page";
import type { EnrollmentStatus } from "@/lib/generated/prisma/enums";
import { formatDateTime, formatDayRange } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { getRoster, listMoveTargets, type RosterRow } from "@/lib/rosters/rosters.queries";
import { SESSION_STATUS_VARIANT } from "@/lib/rosters/status-variants";
import { AddTraineeForm, CapacityForm } from "./roster-tools";
import { RosterTable, type RosterTableRow, type MoveOption } from "./roster-table";

export const generateMetadata = translatedMetadata("roster");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

/** The roster's reading order: what needs a decision first, then seats, the waitlist, history. */
const STATUS_ORDER: readonly EnrollmentStatus[] = [
  "PENDING_APPROVAL",
  "OFFERED",
  "CONFIRMED",
  "WAITLISTED",
  "COMPLETED",
  "NO_SHOW",
  "CANCELLED",
  "DECLINED",
  "EXPIRED",
  "REJECTED",
];

function byRosterOrder(a: RosterRow, b: RosterRow): number {
  return (
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
    (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
    a.enrolledAt.getTime() - b.enrolledAt.getTime()
  );
}

export default async function RosterPage({ params }: PageProps<"/[locale]/sessions/[id]/roster">) {
  const { locale, user } = await openProtectedPage(params, "roster:manage:assigned");
  const { id } = await params;
  // Outside the viewer's scope (a session someone else teaches) is not found, like a wrong id.
  const roster = await getRoster(user, id, locale);
  if (!roster) notFound();
  const [moveTargets, t] = await Promise.all([
    listMoveTargets(user, id),
    getTranslations({ locale, namespace: "roster" }),
  ]);
  const { session, counts } = roster;
  const dates =
    session.startsAt && session.endsAt
      ? formatDayRange(session.startsAt, session.endsAt, locale)
      : t("datesTbd");

  // Dates are formatted here, on the server, so the browser's Intl cannot render them differently.
  const rows: RosterTableRow[] = [...roster.rows].sort(byRosterOrder).map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    organization: row.organization,
    status: row.status,
    source: row.source,
    waitlistPosition: row.waitlistPosition,
    paymentStatus: row.paymentStatus,
    invoiceRef: row.invoiceRef,
    enrolledAt: row.enrolledAt.getTime(),
    enrolledAtLabel: formatDateTime(row.enrolledAt, locale),
    requestNote: row.requestNote,
    offerUntilLabel: row.offerExpiresAt ? formatDateTime(row.offerExpiresAt, locale) : null,
  }));
  const moveOptions: MoveOption[] = moveTargets.map((target) => ({
    id: target.id,
    label: t("move.option", {
      dates:
        target.startsAt && target.endsAt
          ? formatDayRange(target.startsAt, target.endsAt, locale)
          : t("datesTbd"),
      seats: target.seatsLeft,
    }),
  }));
  const open = session.status !== "CANCELLED" && session.status !== "COMPLETED";
  const exportBase = `/${locale}/sessions/${session.id}/roster`;
  const back = roster.can.changeCapacity
    ? { href: `/admin/sessions/${session.id}`, label: t("backAdmin") }
    : { href: "/instructor/sessions", label: t("backMine") };

  const summary: { label: string; value: string | number }[] = [
    { label: t("summary.capacity"), value: session.capacity },
    { label: t("summary.seatsHeld"), value: session.seatsHeld },
    { label: t("summary.confirmed"), value: counts.confirmed },
    { label: t("summary.offered"), value: counts.offered },
    { label: t("summary.waitlisted"), value: counts.waitlisted },
    { label: t("summary.pending"), value: counts.pending },
    { label: t("summary.minEnrollment"), value: session.minEnrollment },
  ];

  return (
    <PageShell
      eyebrow={
        <div className="flex flex-col gap-2">
          <Link
            href={back.href}
            className="inline-flex w-fit items-center gap-1 text-muted-foreground underline-offset-4 hover:underline"
          >
            <ArrowLeft aria-hidden="true" className="size-4" />
            {back.label}
          </Link>
          <span>{t("eyebrow", { code: session.course.code })}</span>
        </div>
      }
      title={session.course.title}
      description={
        <div className="flex flex-col gap-1 text-sm">
          <p>
            {dates} ·{" "}
            <Badge variant={SESSION_STATUS_VARIANT[session.status]} className="align-middle">
              {t(`sessionStatus.${session.status}`)}
            </Badge>
          </p>
          <p>{session.room ? t("room", { room: session.room }) : t("roomTbd")}</p>
          <p>
            {session.instructors.length > 0
              ? t("instructors", { names: session.instructors.join(", ") })
              : t("noInstructors")}
          </p>
        </div>
      }
      actions={
        <>
          <LinkButton href={`/sessions/${session.id}/attendance`} variant="outline">
            <ClipboardCheck aria-hidden="true" />
            {t("attendanceLink")}
          </LinkButton>
          {/* Plain links: the files come from route handlers, not pages. */}
          <a href={`${exportBase}/export.csv`} download className={buttonVariants({ variant: "outline" })}>
            <FileDown aria-hidden="true" />
            {t("export.csv")}
          </a>
          <a href={`${exportBase}/export.xlsx`} download className={buttonVariants({ variant: "outline" })}>
            <FileSpreadsheet aria-hidden="true" />
            {t("export.xlsx")}
          </a>
        </>
      }
    >
      <section aria-labelledby="summary-heading" className="mb-8">
        <h2 id="summary-heading" className="sr-only">
          {t("summary.heading")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
          {summary.map((item) => (
            <div key={item.label} className="rounded-lg border border-border bg-card p-3">
              <dt className="text-xs text-muted-foreground">{item.label}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{item.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {open ? (
        <div className="mb-10 grid gap-6 md:grid-cols-2">
          <AddTraineeForm sessionId={session.id} />
          {roster.can.changeCapacity ? (
            <CapacityForm
              sessionId={session.id}
              capacity={session.capacity}
              held={session.seatsHeld}
              roomCapacity={session.roomCapacity}
            />
          ) : null}
        </div>
      ) : null}

      <RosterTable
        rows={rows}
        moveOptions={moveOptions}
        can={roster.can}
        courseTitle={session.course.title}
        waitlistLength={counts.waitlisted}
      />
    </PageShell>
  );
}
