import { Inbox, TriangleAlert } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Badge } from "@/components/ui/badge";
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
import { can } from "@/lib/auth/permissions";
import { openProtectedPage } from "@/lib/auth/protected-page";
import {
  DASHBOARD_MONTHS,
  getDashboard,
  MIN_ENROLLMENT_WINDOW_DAYS,
  UPCOMING_SESSIONS_LIMIT,
  WAITLIST_RUN_THRESHOLD,
} from "@/lib/dashboard/dashboard.queries";
import { formatDateTime, formatKrw, formatMonth } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { DashboardBarChart } from "./_dashboard/bar-chart";
import { FillMeter } from "./_dashboard/fill-meter";

export const generateMetadata = translatedMetadata("dashboard");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function AdminDashboardPage({ params }: PageProps<"/[locale]/admin">) {
  const { locale, user } = await openProtectedPage(params, "dashboard:read");
  // One clock for every section.
  const now = new Date();
  const [data, t, tTypes] = await Promise.all([
    getDashboard(user, { locale, now }),
    getTranslations({ locale, namespace: "dashboard" }),
    getTranslations({ locale, namespace: "dashboard.organizationTypes" }),
  ]);
  const { upcoming } = data;
  const overallFill =
    upcoming.totals.capacity > 0 ? upcoming.totals.seatsHeld / upcoming.totals.capacity : 0;
  const fillLabel = (held: number, capacity: number) =>
    t("fillValue", { held, capacity, rate: capacity > 0 ? held / capacity : 0 });
  const sessionLink = (id: string, children: ReactNode) => (
    <Link
      href={`/admin/sessions/${id}`}
      className="font-medium text-primary underline-offset-4 hover:underline"
    >
      {children}
    </Link>
  );

  const orgTotal = data.byOrganizationType.reduce((sum, row) => sum + row.enrollments, 0);
  const orgChart = data.byOrganizationType.map((row) => ({
    label: tTypes(row.type),
    value: row.enrollments,
  }));
  const months = data.monthly.map((row) => ({
    ...row,
    label: formatMonth(row.month, locale, { month: "short" }),
    short: formatMonth(row.month, locale, { month: "short", year: false }),
  }));
  const monthRange = {
    first: months[0]?.label ?? "",
    last: months.at(-1)?.label ?? "",
  };
  const enrollmentTotal = months.reduce((sum, m) => sum + m.enrollments, 0);
  const revenueTotal = months.reduce((sum, m) => sum + m.revenueKrw, 0);

  return (
    <PageShell
      title={t("title")}
      description={t("description")}
      actions={
        can(user, "training-request:manage") ? (
          <LinkButton href="/admin/training-requests" variant="outline" icon={Inbox}>
            {t("trainingRequestsLink", { count: data.newTrainingRequests })}
          </LinkButton>
        ) : null
      }
    >
      <div className="flex flex-col gap-8">
        {/* Key figures */}
        <section aria-labelledby="dashboard-kpis">
          <h2 id="dashboard-kpis" className="sr-only">
            {t("kpi.heading")}
          </h2>
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Kpi
              term={t("kpi.upcoming")}
              value={upcoming.totals.sessions}
              hint={t("kpi.upcomingHint")}
            />
            <Kpi
              term={t("kpi.fill")}
              value={t("kpi.fillValue", { rate: overallFill })}
              hint={t("kpi.fillHint", {
                held: upcoming.totals.seatsHeld,
                capacity: upcoming.totals.capacity,
              })}
            />
            <Kpi
              term={t("kpi.waiting")}
              value={upcoming.totals.waitlisted}
              hint={t("kpi.waitingHint")}
            />
            <Kpi
              term={t("kpi.belowMinimum")}
              value={data.belowMinimum.length}
              hint={t("kpi.belowMinimumHint", { days: MIN_ENROLLMENT_WINDOW_DAYS })}
            />
          </dl>
        </section>

        {/* Sessions below their minimum, seven days before the start */}
        <Card>
          <CardHeader>
            <CardTitle as="h2" id="dashboard-below-minimum">
              {t("belowMinimum.title")}
            </CardTitle>
            <CardDescription>
              {t("belowMinimum.description", { days: MIN_ENROLLMENT_WINDOW_DAYS })}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {data.belowMinimum.length === 0 ? (
              <EmptyState title={t("belowMinimum.empty")} headingLevel="h3" className="py-8" />
            ) : (
              <Table aria-labelledby="dashboard-below-minimum">
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("columns.session")}</TableHead>
                    <TableHead>{t("columns.starts")}</TableHead>
                    <TableHead>{t("columns.seats")}</TableHead>
                    <TableHead className="text-right">{t("columns.minimum")}</TableHead>
                    <TableHead className="text-right">{t("columns.shortBy")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.belowMinimum.map((s) => (
                    <TableRow key={s.id}>
                      <TableCell>
                        <div className="flex flex-col">
                          {sessionLink(s.id, s.courseTitle)}
                          <span className="text-xs text-muted-foreground">{s.courseCode}</span>
                        </div>
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        <time dateTime={s.startsAt.toISOString()}>
                          {formatDateTime(s.startsAt, locale)}
                        </time>
                      </TableCell>
                      <TableCell>
                        <FillMeter
                          held={s.seatsHeld}
                          capacity={s.capacity}
                          minimum={s.minEnrollment}
                          label={fillLabel(s.seatsHeld, s.capacity)}
                        />
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{s.minEnrollment}</TableCell>
                      <TableCell className="text-right">
                        <Badge variant="warning">
                          <TriangleAlert aria-hidden="true" />
                          {t("belowMinimum.shortBy", { count: s.shortBy })}
                        </Badge>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>

        {/* Upcoming sessions */}
        <Card>
          <CardHeader>
            <CardTitle as="h2" id="dashboard-upcoming">
              {t("upcoming.title")}
            </CardTitle>
            <CardDescription>
              {t("upcoming.description", {
                limit: UPCOMING_SESSIONS_LIMIT,
                total: upcoming.totals.sessions,
              })}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {upcoming.sessions.length === 0 ? (
              <EmptyState title={t("upcoming.empty")} headingLevel="h3" className="py-8" />
            ) : (
              <Table aria-labelledby="dashboard-upcoming">
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("columns.session")}</TableHead>
                    <TableHead>{t("columns.starts")}</TableHead>
                    <TableHead>{t("columns.fill")}</TableHead>
                    <TableHead className="text-right">{t("columns.minimum")}</TableHead>
                    <TableHead className="text-right">{t("columns.waitlist")}</TableHead>
                    <TableHead className="text-right">{t("columns.pending")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {upcoming.sessions.map((s) => (
                    <TableRow key={s.id}>
                      <TableCell>
                        <div className="flex flex-col">
                          {sessionLink(s.id, s.courseTitle)}
                          <span className="text-xs text-muted-foreground">{s.courseCode}</span>
                        </div>
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        <time dateTime={s.startsAt.toISOString()}>
                          {formatDateTime(s.startsAt, locale)}
                        </time>
                      </TableCell>
                      <TableCell>
                        <FillMeter
                          held={s.seatsHeld}
                          capacity={s.capacity}
                          minimum={s.minEnrollment}
                          label={fillLabel(s.seatsHeld, s.capacity)}
                        />
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{s.minEnrollment}</TableCell>
                      <TableCell className="text-right tabular-nums">{s.waitlisted}</TableCell>
                      <TableCell className="text-right tabular-nums">{s.pendingApproval}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>

        {/* Waitlist demand per course */}
        <Card>
          <CardHeader>
            <CardTitle as="h2" id="dashboard-waitlist">
              {t("waitlist.title")}
            </CardTitle>
            <CardDescription>
              {t("waitlist.description", { threshold: WAITLIST_RUN_THRESHOLD })}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {data.waitlistDemand.length === 0 ? (
              <EmptyState title={t("waitlist.empty")} headingLevel="h3" className="py-8" />
            ) : (
              <Table aria-labelledby="dashboard-waitlist">
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("columns.course")}</TableHead>
                    <TableHead className="text-right">{t("columns.waiting")}</TableHead>
                    <TableHead className="text-right">{t("columns.runs")}</TableHead>
                    <TableHead className="text-right">{t("columns.openSeats")}</TableHead>
                    <TableHead>{t("columns.nextRun")}</TableHead>
                    <TableHead>{t("columns.suggestion")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.waitlistDemand.map((c) => (
                    <TableRow key={c.courseId}>
                      <TableCell>
                        <div className="flex flex-col">
                          <span className="font-medium">{c.courseTitle}</span>
                          <span className="text-xs text-muted-foreground">{c.courseCode}</span>
                        </div>
                      </TableCell>
                      <TableCell className="text-right font-semibold tabular-nums">
                        {c.waitlisted}
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{c.upcomingRuns}</TableCell>
                      <TableCell className="text-right tabular-nums">{c.openSeats}</TableCell>
                      <TableCell className="whitespace-nowrap">
                        <time dateTime={c.nextRunStartsAt.toISOString()}>
                          {formatDateTime(c.nextRunStartsAt, locale)}
                        </time>
                      </TableCell>
                      <TableCell>
                        {c.suggestAnotherRun ? (
                          <Badge variant="warning">{t("waitlist.suggest")}</Badge>
                        ) : (
                          <span className="text-sm text-muted-foreground">
                            {t("waitlist.noSuggestion")}
                          </span>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>

        {/* Enrollments by organization type */}
        <ChartCard
          id="dashboard-org-types"
          title={t("byType.title")}
          description={t("byType.description", { months: DASHBOARD_MONTHS })}
          chart={
            <DashboardBarChart
              data={orgChart}
              layout="rows"
              height={240}
              locale={locale}
              seriesName={t("series.enrollments")}
              summary={t("byType.summary", { total: orgTotal })}
            />
          }
          table={
            <Table aria-labelledby="dashboard-org-types">
              <TableCaption>{t("tableCaption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("columns.organizationType")}</TableHead>
                  <TableHead className="text-right">{t("columns.enrollments")}</TableHead>
                  <TableHead className="text-right">{t("columns.share")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.byOrganizationType.map((row) => (
                  <TableRow key={row.type}>
                    <TableHead scope="row" className="font-medium">
                      {tTypes(row.type)}
                    </TableHead>
                    <TableCell className="text-right tabular-nums">{row.enrollments}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {t("share", { rate: orgTotal > 0 ? row.enrollments / orgTotal : 0 })}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          }
        />

        {/* Monthly enrollments and list-price revenue */}
        <div className="grid gap-8 xl:grid-cols-2">
          <ChartCard
            id="dashboard-monthly-enrollments"
            title={t("monthly.enrollmentsTitle")}
            description={t("monthly.enrollmentsDescription", { months: DASHBOARD_MONTHS })}
            chart={
              <DashboardBarChart
                data={months.map((m) => ({ label: m.label, short: m.short, value: m.enrollments }))}
                locale={locale}
                seriesName={t("series.enrollments")}
                summary={t("monthly.enrollmentsSummary", { ...monthRange, total: enrollmentTotal })}
              />
            }
            table={
              <MonthlyTable
                labelledBy="dashboard-monthly-enrollments"
                caption={t("tableCaption")}
                monthHeader={t("columns.month")}
                valueHeader={t("columns.enrollments")}
                rows={months.map((m) => ({
                  month: m.month,
                  label: m.label,
                  value: String(m.enrollments),
                }))}
              />
            }
          />
          <ChartCard
            id="dashboard-monthly-revenue"
            title={t("monthly.revenueTitle")}
            description={t("monthly.revenueDescription", { months: DASHBOARD_MONTHS })}
            chart={
              <DashboardBarChart
                data={months.map((m) => ({ label: m.label, short: m.short, value: m.revenueKrw }))}
                locale={locale}
                format="krw"
                seriesName={t("series.revenue")}
                summary={t("monthly.revenueSummary", {
                  ...monthRange,
                  total: formatKrw(revenueTotal, locale),
                })}
              />
            }
            table={
              <MonthlyTable
                labelledBy="dashboard-monthly-revenue"
                caption={t("tableCaption")}
                monthHeader={t("columns.month")}
                valueHeader={t("columns.revenue")}
                rows={months.map((m) => ({
                  month: m.month,
                  label: m.label,
                  value: formatKrw(m.revenueKrw, locale),
                }))}
              />
            }
          />
        </div>
        <p className="text-sm text-muted-foreground">{t("definitions")}</p>
      </div>
    </PageShell>
  );
}

function Kpi({ term, value, hint }: { term: string; value: ReactNode; hint: string }) {
  return (
    <div className="flex flex-col gap-1 rounded-lg border border-border bg-card p-5 shadow-sm">
      <dt className="text-sm font-medium text-muted-foreground">{term}</dt>
      <dd className="text-3xl font-bold tracking-tight tabular-nums">{value}</dd>
      <dd className="text-sm text-muted-foreground">{hint}</dd>
    </div>
  );
}

/** A chart with its figures as a table right under it (the text alternative). */
function ChartCard({
  id,
  title,
  description,
  chart,
  table,
}: {
  id: string;
  title: string;
  description: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" id={id}>
          {title}
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {chart}
        {table}
      </CardContent>
    </Card>
  );
}

function MonthlyTable({
  labelledBy,
  caption,
  monthHeader,
  valueHeader,
  rows,
}: {
  labelledBy: string;
  caption: string;
  monthHeader: string;
  valueHeader: string;
  rows: { month: string; label: string; value: string }[];
}) {
  return (
    <Table aria-labelledby={labelledBy}>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>{monthHeader}</TableHead>
          <TableHead className="text-right">{valueHeader}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.month}>
            <TableHead scope="row" className="font-medium">
              <time dateTime={row.month}>{row.label}</time>
            </TableHead>
            <TableCell className="text-right tabular-nums">{row.value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
