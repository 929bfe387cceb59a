import { CalendarDays, Plus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
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
import { openProtectedPage } from "@/lib/auth/protected-page";
import { formatDayRange } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { listCourseOptions, listSessions } from "@/lib/sessions/sessions.queries";
import { listSessionsQuerySchema, SESSION_STATUSES } from "@/lib/sessions/sessions.schemas";
import { SessionStatusBadge } from "./status-badge";

export const generateMetadata = translatedMetadata("adminSessions.list");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function AdminSessionsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/sessions">) {
  const { locale, user } = await openProtectedPage(params, "session:read:any");
  const query = listSessionsQuerySchema.parse(await searchParams);
  const now = new Date();
  const [data, courses, t] = await Promise.all([
    listSessions(user, query, locale, now),
    listCourseOptions(user, locale),
    getTranslations({ locale, namespace: "adminSessions.list" }),
  ]);
  const tStatus = await getTranslations({ locale, namespace: "adminSessions.status" });
  const filtered = Boolean(query.course || query.status || query.month);

  return (
    <PageShell
      title={t("title")}
      description={t("description")}
      actions={
        <>
          <LinkButton href="/admin/calendar" variant="outline" icon={CalendarDays}>
            {t("calendar")}
          </LinkButton>
          <LinkButton href="/admin/sessions/new" icon={Plus}>
            {t("new")}
          </LinkButton>
        </>
      }
    >
      {/* A plain GET form: works without JavaScript and the URL can be shared. */}
      <form
        method="get"
        role="search"
        aria-label={t("filterLegend")}
        className="mb-6 flex flex-wrap items-end gap-3"
      >
        <div className="flex w-full flex-col gap-1.5 sm:w-80">
          <Label htmlFor="sessions-course">{t("course")}</Label>
          <Select id="sessions-course" name="course" defaultValue={query.course ?? ""}>
            <option value="">{t("allCourses")}</option>
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex w-44 flex-col gap-1.5">
          <Label htmlFor="sessions-status">{t("status")}</Label>
          <Select id="sessions-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("allStatuses")}</option>
            {SESSION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tStatus(s)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex w-48 flex-col gap-1.5">
          <Label htmlFor="sessions-month">{t("month")}</Label>
          <Input id="sessions-month" name="month" type="month" defaultValue={query.month ?? ""} />
        </div>
        <Button type="submit">{t("filter")}</Button>
        {filtered ? (
          <LinkButton href="/admin/sessions" variant="ghost">
            {t("clear")}
          </LinkButton>
        ) : null}
      </form>

      {data.items.length === 0 ? (
        <EmptyState
          title={filtered ? t("emptyFiltered") : t("empty")}
          description={filtered ? t("emptyFilteredHint") : t("emptyHint")}
          action={
            filtered ? undefined : (
              <LinkButton href="/admin/sessions/new" icon={Plus}>
                {t("new")}
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
                <TableHead>{t("columns.session")}</TableHead>
                <TableHead>{t("columns.dates")}</TableHead>
                <TableHead>{t("columns.room")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
                <TableHead>{t("columns.fill")}</TableHead>
                <TableHead>{t("columns.waitlist")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((s) => {
                const past = s.endsAt !== null && s.endsAt < now;
                const belowMinimum =
                  !past && s.status === "PUBLISHED" && s.minEnrollment > 0 && s.seatsHeld < s.minEnrollment;
                const percent = Math.round((s.seatsHeld / s.capacity) * 100);
                return (
                  <TableRow key={s.id}>
                    <TableCell>
                      <div className="flex flex-col">
                        <Link
                          href={`/admin/sessions/${s.id}`}
                          className="font-medium text-primary underline-offset-4 hover:underline"
                        >
                          {s.courseTitle}
                        </Link>
                        <span className="text-muted-foreground">{s.courseCode}</span>
                      </div>
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {s.startsAt && s.endsAt ? (
                        <div className="flex flex-col">
                          <span>{formatDayRange(s.startsAt, s.endsAt, locale)}</span>
                          <span className="text-muted-foreground">
                            {t("meetings", { count: s.meetings })}
                            {past ? ` · ${t("past")}` : ""}
                          </span>
                        </div>
                      ) : (
                        <span className="text-muted-foreground">{t("noMeetings")}</span>
                      )}
                    </TableCell>
                    <TableCell>{s.roomName ?? "—"}</TableCell>
                    <TableCell>
                      <SessionStatusBadge status={s.status} />
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      <div className="flex flex-col gap-1">
                        <span>
                          {t("fill", { held: s.seatsHeld, capacity: s.capacity, percent })}
                        </span>
                        {belowMinimum ? (
                          <Badge variant="warning">{t("belowMinimum", { min: s.minEnrollment })}</Badge>
                        ) : null}
                      </div>
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      <div className="flex flex-col">
                        <span>{t("waitlisted", { count: s.waitlisted })}</span>
                        {s.pending > 0 ? (
                          <span className="text-muted-foreground">{t("pending", { count: s.pending })}</span>
                        ) : null}
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Pagination
            className="mt-6"
            page={data.page}
            pageCount={data.pageCount}
            pathname="/admin/sessions"
            query={{ course: query.course, status: query.status, month: query.month }}
          />
        </>
      )}
    </PageShell>
  );
}
