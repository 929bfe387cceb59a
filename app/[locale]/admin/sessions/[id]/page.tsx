import { ArrowLeft, ClipboardCheck, Pencil, Users } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { z } from "zod";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
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
import { can } from "@/lib/auth/permissions";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { seoulDate } from "@/lib/calendar/session-ics";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime, formatDayRange, formatKrw, formatMeetingRange } from "@/lib/i18n/format";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { nextWorkingDay } from "@/lib/sessions/form-values";
import { getSessionOverview } from "@/lib/sessions/sessions.queries";
import { addCalendarDays } from "@/lib/sessions/seoul-time";
import { SessionStatusBadge } from "../status-badge";
import { CancelSessionForm, CloneForm, PublishForm } from "./session-actions";

export const generateMetadata = translatedMetadata("adminSessions.overview");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

const searchParamsSchema = z.object({
  notice: z.enum(["created", "updated", "cloned", "published", "cancelled"]).optional().catch(undefined),
  notified: z.coerce.number().int().min(0).catch(0).default(0),
});

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-sm text-muted-foreground">{term}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

export default async function SessionOverviewPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/sessions/[id]">) {
  const { locale, user } = await openProtectedPage(params, "session:read:any");
  const { id } = await params;
  const { notice, notified } = searchParamsSchema.parse(await searchParams);
  const session = await getSessionOverview(user, id, locale).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations({ locale, namespace: "adminSessions.overview" });
  const tForm = await getTranslations({ locale, namespace: "adminSessions.form" });
  const tEnrollment = await getTranslations({ locale, namespace: "adminSessions.enrollmentStatus" });

  const schedules = can(user, "session:schedule");
  const open = session.status === "DRAFT" || session.status === "PUBLISHED";
  const first = session.meetings[0];
  const last = session.meetings[session.meetings.length - 1];
  // A clone's default first day: one week after this run's last day.
  const cloneDate = last ? nextWorkingDay(addCalendarDays(seoulDate(last.startsAt), 6)) : seoulDate(new Date());
  const percent = Math.round((session.seatsHeld / session.capacity) * 100);

  return (
    <PageShell
      eyebrow={session.course.code}
      title={session.course.title}
      description={
        <span className="flex flex-wrap items-center gap-2">
          <SessionStatusBadge status={session.status} />
          <span>
            {first && last ? formatDayRange(first.startsAt, last.endsAt, locale) : t("noMeetings")}
          </span>
        </span>
      }
      actions={
        <>
          <LinkButton href="/admin/sessions" variant="ghost" icon={ArrowLeft}>
            {t("back")}
          </LinkButton>
          <LinkButton href={`/sessions/${session.id}/roster`} variant="outline" icon={Users}>
            {t("roster")}
          </LinkButton>
          <LinkButton href={`/sessions/${session.id}/attendance`} variant="outline" icon={ClipboardCheck}>
            {t("attendance")}
          </LinkButton>
          {schedules && open ? (
            <LinkButton href={`/admin/sessions/${session.id}/edit`} icon={Pencil}>
              {t("edit")}
            </LinkButton>
          ) : null}
        </>
      }
    >
      <div className="flex flex-col gap-6">
        {notice ? <Alert variant="success">{t(`notice.${notice}`, { count: notified })}</Alert> : null}
        {session.status === "CANCELLED" ? (
          <Alert variant="warning" title={t("cancelledTitle")}>
            {t("cancelledDescription", {
              reason: session.cancelReason ?? "—",
              when: session.cancelledAt ? formatDateTime(session.cancelledAt, locale) : "—",
            })}
          </Alert>
        ) : null}
        {session.status === "DRAFT" ? <Alert variant="info">{t("draftNotice")}</Alert> : null}

        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="flex min-w-0 flex-col gap-6">
            <Card>
              <CardHeader>
                <CardTitle>{t("meetingsTitle", { count: session.meetings.length })}</CardTitle>
              </CardHeader>
              <CardContent>
                {session.meetings.length === 0 ? (
                  <EmptyState title={t("noMeetings")} headingLevel="h3" />
                ) : (
                  <Table aria-label={t("meetingsTitle", { count: session.meetings.length })}>
                    <TableHeader>
                      <TableRow>
                        <TableHead>{t("columns.number")}</TableHead>
                        <TableHead>{t("columns.when")}</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {session.meetings.map((m, index) => (
                        <TableRow key={m.id}>
                          <TableCell>{index + 1}</TableCell>
                          <TableCell>
                            <time dateTime={m.startsAt.toISOString()} data-ends-at={m.endsAt.toISOString()}>
                              {formatMeetingRange(m.startsAt, m.endsAt, locale)}
                            </time>
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
              </CardContent>
            </Card>

            <Card>
              <CardHeader>
                <CardTitle>{t("resourcesTitle")}</CardTitle>
              </CardHeader>
              <CardContent>
                <dl className="grid gap-4 sm:grid-cols-2">
                  <Fact term={t("room")}>
                    {session.room ? t("roomValue", { room: session.room.name, capacity: session.room.capacity }) : "—"}
                  </Fact>
                  <Fact term={t("instructors")}>
                    {session.instructors.length === 0 ? (
                      "—"
                    ) : (
                      <ul className="flex flex-col gap-1">
                        {session.instructors.map((i) => (
                          <li key={i.id} className="flex items-center gap-2">
                            {i.name}
                            {i.lead ? <Badge variant="secondary">{tForm("lead")}</Badge> : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </Fact>
                  <Fact term={t("equipment")}>
                    {session.equipment.length === 0 ? (
                      t("noEquipment")
                    ) : (
                      <ul className="flex flex-col gap-1 font-normal">
                        {session.equipment.map((e) => (
                          <li key={e.id}>{e.name}</li>
                        ))}
                      </ul>
                    )}
                  </Fact>
                </dl>
              </CardContent>
            </Card>

            <Card>
              <CardHeader>
                <CardTitle>{t("settingsTitle")}</CardTitle>
              </CardHeader>
              <CardContent>
                <dl className="grid gap-4 sm:grid-cols-2">
                  <Fact term={tForm("registrationOpensAt")}>{formatDateTime(session.registrationOpensAt, locale)}</Fact>
                  <Fact term={tForm("registrationClosesAt")}>{formatDateTime(session.registrationClosesAt, locale)}</Fact>
                  <Fact term={tForm("cancellationCutoffAt")}>{formatDateTime(session.cancellationCutoffAt, locale)}</Fact>
                  <Fact term={tForm("language")}>{tForm(`languages.${session.language}`)}</Fact>
                  <Fact term={tForm("priceKrw")}>{formatKrw(session.priceKrw, locale)}</Fact>
                  <Fact term={tForm("waitlistMode")}>
                    {tForm(`waitlistModes.${session.waitlistMode}`)}
                    {session.waitlistMode === "OFFER" ? ` · ${t("offerHoursValue", { hours: session.offerHours })}` : ""}
                  </Fact>
                  <Fact term={t("approval")}>{session.course.requiresApproval ? t("approvalRequired") : t("approvalNone")}</Fact>
                  <Fact term={t("created")}>
                    {session.createdByName
                      ? t("createdBy", { when: formatDateTime(session.createdAt, locale), name: session.createdByName })
                      : formatDateTime(session.createdAt, locale)}
                  </Fact>
                </dl>
                {session.notes ? (
                  <div className="mt-4 flex flex-col gap-1">
                    <h3 className="text-sm text-muted-foreground">{tForm("notes")}</h3>
                    <p className="whitespace-pre-line">{session.notes}</p>
                  </div>
                ) : null}
              </CardContent>
            </Card>
          </div>

          <div className="flex flex-col gap-6">
            <Card>
              <CardHeader>
                <CardTitle>{t("seatsTitle")}</CardTitle>
              </CardHeader>
              <CardContent>
                <dl className="grid grid-cols-2 gap-4">
                  <Fact term={t("fill")}>{t("fillValue", { held: session.seatsHeld, capacity: session.capacity, percent })}</Fact>
                  <Fact term={tForm("minEnrollment")}>{session.minEnrollment}</Fact>
                  {(["CONFIRMED", "OFFERED", "WAITLISTED", "PENDING_APPROVAL"] as const).map((status) => (
                    <Fact key={status} term={tEnrollment(status)}>
                      {session.counts[status] ?? 0}
                    </Fact>
                  ))}
                </dl>
              </CardContent>
            </Card>

            {schedules && open ? (
              <Card>
                <CardHeader>
                  <CardTitle>{t("actionsTitle")}</CardTitle>
                </CardHeader>
                <CardContent className="flex flex-col gap-6">
                  {session.status === "DRAFT" ? (
                    <PublishForm sessionId={session.id} hasMeetings={session.meetings.length > 0} />
                  ) : null}
                  <CloneForm sessionId={session.id} defaultDate={cloneDate} />
                  <CancelSessionForm sessionId={session.id} notify={session.activeEnrollments} />
                </CardContent>
              </Card>
            ) : schedules && session.meetings.length > 0 ? (
              <Card>
                <CardHeader>
                  <CardTitle>{t("actionsTitle")}</CardTitle>
                </CardHeader>
                <CardContent>
                  <CloneForm sessionId={session.id} defaultDate={cloneDate} />
                </CardContent>
              </Card>
            ) : null}
          </div>
        </div>
      </div>
    </PageShell>
  );
}
