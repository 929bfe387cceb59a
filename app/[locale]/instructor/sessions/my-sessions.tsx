import { CalendarClock, History, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { LinkButton } from "@/components/site/link-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { CurrentUser } from "@/lib/auth/current-user";
import { formatDayRange } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/routing";
import {
  listMySessions,
  type MySessionItem,
  type MySessionsSection,
} from "@/lib/rosters/rosters.queries";
import type { MySessionsQuery } from "@/lib/rosters/rosters.schemas";
import { SESSION_STATUS_VARIANT } from "@/lib/rosters/status-variants";

const PAGE_PATH = "/instructor/sessions";

type SectionKey = "upcoming" | "past";

/** Loads the instructor's sessions and renders both sections (inside the page's Suspense). */
export async function MySessionsSections({
  user,
  locale,
  query,
}: {
  user: CurrentUser;
  locale: AppLocale;
  query: MySessionsQuery;
}) {
  const data = await listMySessions(user, { ...query, locale });
  return (
    <div className="flex flex-col gap-12">
      <SessionsSection
        id="upcoming"
        icon={CalendarClock}
        section={data.upcoming}
        locale={locale}
        query={query}
      />
      <SessionsSection id="past" icon={History} section={data.past} locale={locale} query={query} />
    </div>
  );
}

export function SessionsSection({
  id,
  icon,
  section,
  locale,
  query,
}: {
  id: SectionKey;
  icon: LucideIcon;
  section: MySessionsSection;
  locale: AppLocale;
  query: MySessionsQuery;
}) {
  const t = useTranslations("roster.mySessions");
  const headingId = `${id}-heading`;
  const pageParam = id === "upcoming" ? "upcomingPage" : "pastPage";
  // Each section pages on its own; the other section's page stays where it was.
  const otherQuery =
    id === "upcoming" ? { pastPage: String(query.pastPage) } : { upcomingPage: String(query.upcomingPage) };
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-4 flex items-center gap-2 text-xl font-semibold">
        {t(`${id}.title`)}{" "}
        <Badge variant={section.total > 0 ? "default" : "neutral"}>{section.total}</Badge>
      </h2>
      {section.items.length === 0 ? (
        <EmptyState
          headingLevel="h3"
          icon={icon}
          title={t(`${id}.empty`)}
          description={t(`${id}.emptyHint`)}
          className="py-8"
        />
      ) : (
        <>
          <Table>
            <TableCaption>{t("caption", { total: section.total })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.course")}</TableHead>
                <TableHead>{t("columns.dates")}</TableHead>
                <TableHead>{t("columns.room")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
                <TableHead className="text-right">{t("columns.seats")}</TableHead>
                <TableHead className="text-right">{t("columns.waitlisted")}</TableHead>
                <TableHead className="text-right">{t("columns.pending")}</TableHead>
                <TableHead>{t("columns.roster")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {section.items.map((session) => (
                <SessionRow key={session.id} session={session} locale={locale} />
              ))}
            </TableBody>
          </Table>
          <Pagination
            className="mt-6"
            page={section.page}
            pageCount={section.pageCount}
            pathname={PAGE_PATH}
            pageParam={pageParam}
            query={otherQuery}
          />
        </>
      )}
    </section>
  );
}

function SessionRow({ session, locale }: { session: MySessionItem; locale: AppLocale }) {
  const t = useTranslations("roster");
  const dates =
    session.startsAt && session.endsAt
      ? formatDayRange(session.startsAt, session.endsAt, locale)
      : t("datesTbd");
  return (
    <TableRow>
      <TableHead scope="row" className="h-auto py-2.5 font-normal whitespace-normal">
        <div className="flex min-w-48 flex-col gap-0.5">
          <span className="text-xs font-medium text-muted-foreground">{session.course.code}</span>
          <span className="font-medium">{session.course.title}</span>
          {session.lead ? (
            <Badge variant="outline" className="mt-1">
              {t("mySessions.lead")}
            </Badge>
          ) : null}
        </div>
      </TableHead>
      <TableCell className="whitespace-nowrap">{dates}</TableCell>
      <TableCell>{session.room ?? t("roomTbd")}</TableCell>
      <TableCell>
        <Badge variant={SESSION_STATUS_VARIANT[session.status]}>
          {t(`sessionStatus.${session.status}`)}
        </Badge>
      </TableCell>
      <TableCell className="text-right whitespace-nowrap tabular-nums">
        {t("mySessions.seats", { held: session.seatsHeld, capacity: session.capacity })}
      </TableCell>
      <TableCell className="text-right tabular-nums">{session.waitlisted}</TableCell>
      <TableCell className="text-right tabular-nums">{session.pending}</TableCell>
      <TableCell>
        <div className="flex flex-wrap gap-2">
          <LinkButton href={`/sessions/${session.id}/roster`} variant="outline" className="h-9 px-3">
            {t("mySessions.openRoster")}
            <span className="sr-only">
              : {t("mySessions.openRosterFor", { course: session.course.title, dates })}
            </span>
          </LinkButton>
          <LinkButton href={`/sessions/${session.id}/attendance`} variant="outline" className="h-9 px-3">
            {t("mySessions.openAttendance")}
            <span className="sr-only">
              : {t("mySessions.openRosterFor", { course: session.course.title, dates })}
            </span>
          </LinkButton>
        </div>
      </TableCell>
    </TableRow>
  );
}

/** Shown while the sessions load (a Suspense fallback inside the page). */
export function MySessionsSkeleton() {
  const t = useTranslations("common");
  return (
    <div aria-busy="true" className="flex flex-col gap-8">
      <p role="status" className="sr-only">
        {t("loading")}
      </p>
      {Array.from({ length: 2 }, (_, i) => (
        <div key={i} className="flex flex-col gap-4">
          <Skeleton className="h-7 w-48" />
          <Skeleton className="h-56 w-full" />
        </div>
      ))}
    </div>
  );
}
