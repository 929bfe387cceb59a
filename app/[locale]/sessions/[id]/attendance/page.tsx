import { FileDown, Users } from "lucide-react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/site/page-shell";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
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
import { getAttendanceSheet, type AttendanceSheet } from "@/lib/attendance/attendance.queries";
import { attendancePageQuerySchema } from "@/lib/attendance/attendance.schemas";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { certificatePdfPath } from "@/lib/certificates/certificate-links";
import { formatDateTime, formatDayRange, formatMeetingRange } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import type { AppLocale } from "@/lib/i18n/routing";
import { cn } from "@/lib/utils";
import { AttendanceRow, AttendanceRowReadOnly } from "./attendance-row";
import { CompleteSessionForm, MarkAllPresentForm, RevokeCertificateForm } from "./attendance-forms";

export const generateMetadata = translatedMetadata("attendance");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/**
 * Taking attendance in the lab (phone-sized first): pick the meeting, mark each confirmed
 * trainee present, late or absent (each mark saved on its own), then complete the session,
 * which decides completions and issues certificates. Admins reach every session; instructors
 * the sessions they teach (anything else is 404).
 */
export default async function AttendancePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, user } = await openProtectedPage(params, "attendance:record:assigned");
  const { id } = await params;
  const query = attendancePageQuerySchema.parse(await searchParams);
  // One clock for the whole render: which meeting is open and whether completion is allowed agree.
  const now = new Date();
  const sheet = await getAttendanceSheet(user, { sessionId: id, meetingId: query.meeting }, locale, now);
  if (!sheet) notFound();
  const t = await getTranslations({ locale, namespace: "attendance" });
  const { session, meeting } = sheet;

  return (
    <PageShell
      width="medium"
      title={t("title")}
      description={`${session.courseCode} · ${session.courseTitle}`}
      actions={
        meeting ? (
          <Button asChild variant="outline">
            {/* A file, not a page: a plain link, no client-side navigation. */}
            <a href={`/${locale}/sessions/${session.id}/attendance/sign-in-sheet/${meeting.id}`}>
              <FileDown aria-hidden="true" />
              {t("signInSheet")}
            </a>
          </Button>
        ) : undefined
      }
    >
      <div className="flex flex-col gap-6">
        <SessionFacts sheet={sheet} locale={locale} t={t} />
        {session.status !== "PUBLISHED" ? (
          <Alert variant={session.status === "COMPLETED" ? "success" : "warning"}>
            {t(`readOnly.${session.status}`)}
          </Alert>
        ) : null}
        {sheet.meetings.length > 1 ? <MeetingPicker sheet={sheet} t={t} /> : null}
        {meeting ? (
          <MeetingAttendance sheet={sheet} locale={locale} t={t} />
        ) : null}
        <Completion sheet={sheet} locale={locale} t={t} />
      </div>
    </PageShell>
  );
}

function SessionFacts({ sheet, locale, t }: { sheet: AttendanceSheet; locale: AppLocale; t: Translate }) {
  const { session } = sheet;
  return (
    <ul className="flex flex-col gap-1 text-sm text-muted-foreground sm:flex-row sm:flex-wrap sm:gap-x-6">
      {session.startsAt && session.endsAt ? (
        <li>{formatDayRange(session.startsAt, session.endsAt, locale)}</li>
      ) : null}
      {session.room ? <li>{t("room", { room: session.room })}</li> : null}
      {session.instructors.length > 0 ? (
        <li>{t("instructors", { names: session.instructors.join(", ") })}</li>
      ) : null}
    </ul>
  );
}

function MeetingPicker({ sheet, t }: { sheet: AttendanceSheet; t: Translate }) {
  return (
    <nav aria-label={t("meetings")}>
      <ul className="flex gap-2 overflow-x-auto pb-1">
        {sheet.meetings.map((m) => {
          const current = m.id === sheet.meeting?.id;
          return (
            <li key={m.id} className="shrink-0">
              <Link
                href={{ pathname: `/sessions/${sheet.session.id}/attendance`, query: { meeting: m.id } }}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "flex min-h-11 items-center rounded-full border px-4 text-sm font-medium whitespace-nowrap",
                  current
                    ? "border-primary bg-primary text-primary-foreground"
                    : "border-input bg-background hover:bg-accent",
                )}
              >
                {t("meetingItem", { index: m.index })}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function MeetingAttendance({ sheet, locale, t }: { sheet: AttendanceSheet; locale: AppLocale; t: Translate }) {
  const meeting = sheet.meeting!;
  const recordedText = (row: AttendanceSheet["rows"][number]) =>
    row.recordedAt && row.recordedByName
      ? t("row.recorded", { by: row.recordedByName, at: formatDateTime(row.recordedAt, locale) })
      : null;
  return (
    <section aria-labelledby="meeting-heading" className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h2 id="meeting-heading" className="text-lg font-semibold">
          {t("meetingHeading", {
            index: meeting.index,
            time: formatMeetingRange(meeting.startsAt, meeting.endsAt, locale),
          })}
        </h2>
        <p className="text-sm text-muted-foreground">
          {t("summary", {
            present: sheet.counts.PRESENT,
            late: sheet.counts.LATE,
            absent: sheet.counts.ABSENT,
            unrecorded: sheet.counts.unrecorded,
          })}
        </p>
      </div>
      {sheet.recordingOpensAt ? (
        <Alert variant="info">{t("notRecordableYet", { time: formatDateTime(sheet.recordingOpensAt, locale) })}</Alert>
      ) : null}
      {sheet.rows.length === 0 ? (
        <EmptyState icon={Users} title={t("empty.title")} description={t("empty.description")} />
      ) : (
        <>
          {sheet.recordable ? (
            <MarkAllPresentForm
              key={meeting.id}
              sessionId={sheet.session.id}
              meetingId={meeting.id}
            />
          ) : null}
          <ul className="flex flex-col gap-3">
            {sheet.rows.map((row) => {
              const organization = row.organization ?? t("row.noOrganization");
              return sheet.recordable ? (
                <AttendanceRow
                  key={`${row.enrollmentId}-${meeting.id}`}
                  sessionId={sheet.session.id}
                  meetingId={meeting.id}
                  enrollmentId={row.enrollmentId}
                  name={row.name}
                  organization={organization}
                  status={row.status}
                  recorded={recordedText(row)}
                />
              ) : (
                <AttendanceRowReadOnly
                  key={row.enrollmentId}
                  name={row.name}
                  organization={organization}
                  statusLabel={row.status ? t(`status.${row.status}`) : t("row.notRecorded")}
                  recorded={recordedText(row)}
                />
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function preview(
  completion: Extract<AttendanceSheet["completion"], { kind: "ready" }>,
  t: Translate,
): string {
  return t("completion.preview", {
    completed: completion.completed,
    noShow: completion.noShow,
    closed: completion.closed,
  });
}

function Completion({ sheet, locale, t }: { sheet: AttendanceSheet; locale: AppLocale; t: Translate }) {
  const { completion, session } = sheet;
  if (completion.kind === "closed") return null;
  const meetings = sheet.meetings.length;
  const rule =
    session.minAttendancePct >= 100
      ? t("completion.ruleAll", { meetings })
      : t("completion.rulePct", { meetings, pct: session.minAttendancePct });

  if (completion.kind === "completed") {
    return (
      <section aria-labelledby="results-heading" className="flex flex-col gap-3">
        <h2 id="results-heading" className="text-lg font-semibold">
          {t("completion.completedTitle")}
        </h2>
        <p className="text-sm text-muted-foreground">{rule}</p>
        <Table>
          <TableCaption className="sr-only">{t("completion.caption", { total: completion.results.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("completion.columns.name")}</TableHead>
              <TableHead>{t("completion.columns.result")}</TableHead>
              <TableHead>{t("completion.columns.attended")}</TableHead>
              <TableHead>{t("completion.columns.certificate")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {completion.results.map((r) => (
              <TableRow key={r.enrollmentId}>
                <TableCell className="font-medium">{r.name}</TableCell>
                <TableCell>
                  <Badge variant={r.status === "COMPLETED" ? "success" : "neutral"}>
                    {t(`completion.outcome.${r.status}`)}
                  </Badge>
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {t("completion.attendedValue", { attended: r.attended, meetings })}
                </TableCell>
                <TableCell>
                  {r.certificate ? (
                    <div className="flex flex-col items-start gap-1.5">
                      <span className="font-mono text-sm">{r.certificate.code}</span>
                      {r.certificate.revoked ? (
                        <Badge variant="danger">{t("completion.revoked")}</Badge>
                      ) : (
                        <div className="flex flex-wrap items-center gap-2">
                          <a
                            href={certificatePdfPath(r.certificate.code, locale)}
                            aria-label={t("completion.downloadLabel", { name: r.name })}
                            className="inline-flex min-h-9 items-center gap-1 font-medium text-primary underline underline-offset-4"
                          >
                            <FileDown aria-hidden="true" className="size-4" />
                            {t("completion.download")}
                          </a>
                          {sheet.canRevoke ? <RevokeCertificateForm code={r.certificate.code} name={r.name} /> : null}
                        </div>
                      )}
                    </div>
                  ) : (
                    "—"
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("completion.title")}</CardTitle>
        <CardDescription>{rule}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {completion.kind === "not-yet" ? (
          <p className="text-sm">{t("completion.notYet", { at: formatDateTime(completion.lastMeetingStartsAt, locale) })}</p>
        ) : completion.kind === "incomplete" ? (
          <Alert variant="warning">{t("completion.incomplete", { missing: completion.missing })}</Alert>
        ) : (
          <CompleteSessionForm sessionId={session.id} preview={preview(completion, t)} />
        )}
      </CardContent>
    </Card>
  );
}
