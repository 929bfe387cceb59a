import { CalendarDays, MapPin, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { Suspense, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import type { CourseSessionDetail } from "@/lib/courses/course.queries";
import {
  formatDateTime,
  formatDayRange,
  formatKrw,
  formatMeetingRange,
} from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/routing";
import { SeatBadge } from "../seat-badge";
import { EnrollPanel } from "./enroll-panel";
import { viewerEnrollOptions } from "./viewer";

/**
 * One upcoming session on the course page: every meeting, room, instructors, language, seats
 * left, price and deadlines (all the same for everyone, part of the static page), and the
 * viewer's own button, which streams in per request.
 */
export function SessionCard({
  session,
  allSessionIds,
  courseSlug,
  locale,
}: {
  session: CourseSessionDetail;
  allSessionIds: string[];
  courseSlug: string;
  locale: AppLocale;
}) {
  const t = useTranslations("course.session");
  const tc = useTranslations("catalog");
  const headingId = `session-${session.id}-heading`;
  const dayRange = formatDayRange(session.startsAt, session.endsAt, locale);
  return (
    <article
      id={`session-${session.id}`}
      aria-labelledby={headingId}
      className="scroll-mt-24 rounded-lg border border-border bg-card shadow-sm"
    >
      <header className="flex flex-col gap-2 border-b border-border p-5 sm:flex-row sm:items-start sm:justify-between">
        <h3 id={headingId} className="flex items-center gap-2 text-base font-semibold">
          <CalendarDays aria-hidden="true" className="size-5 shrink-0 text-primary" />
          <time dateTime={session.startsAt.toISOString()}>{dayRange}</time>
        </h3>
        <div className="flex flex-wrap gap-1.5">
          <Badge variant="outline">{tc(`sessionLanguages.${session.language}`)}</Badge>
          <SeatBadge session={session} locale={locale} />
        </div>
      </header>
      <div className="grid gap-6 p-5 md:grid-cols-[minmax(0,1fr)_15rem]">
        <dl className="flex flex-col gap-3 text-sm">
          <Fact term={t("meetings", { count: session.meetings.length })}>
            <ol className="flex flex-col gap-1">
              {session.meetings.map((meeting) => (
                <li key={meeting.id}>
                  <time dateTime={meeting.startsAt.toISOString()}>
                    {formatMeetingRange(meeting.startsAt, meeting.endsAt, locale)}
                  </time>
                </li>
              ))}
            </ol>
          </Fact>
          <Fact term={t("room")}>
            {session.room ? (
              <span className="inline-flex items-center gap-1.5">
                <MapPin aria-hidden="true" className="size-4 text-muted-foreground" />
                {session.room.name}
              </span>
            ) : (
              t("roomTbd")
            )}
          </Fact>
          <Fact term={t("instructors")}>
            {session.instructors.length > 0 ? (
              <span className="inline-flex items-center gap-1.5">
                <UserRound aria-hidden="true" className="size-4 text-muted-foreground" />
                {session.instructors.join(", ")}
              </span>
            ) : (
              t("instructorsTbd")
            )}
          </Fact>
          <Fact term={t("language")}>{tc(`sessionLanguages.${session.language}`)}</Fact>
          <Fact term={t("seats")}>
            {t("seatsValue", { left: session.seatsLeft, capacity: session.capacity })}
          </Fact>
          <Fact term={t("registrationCloses")}>
            {formatDateTime(session.registrationClosesAt, locale)}
          </Fact>
          <Fact term={t("cancellationCutoff")}>
            {formatDateTime(session.cancellationCutoffAt, locale)}
          </Fact>
        </dl>
        <div className="flex flex-col gap-3 rounded-md bg-muted/60 p-4">
          <p className="flex flex-col gap-0.5">
            <span className="text-sm text-muted-foreground">{t("price")}</span>
            <span className="text-xl font-bold tabular-nums">
              {formatKrw(session.priceKrw, locale)}
            </span>
            <span className="text-xs text-muted-foreground">{dayRange}</span>
          </p>
          <Suspense fallback={<EnrollFallback />}>
            <EnrollSlot
              sessionId={session.id}
              allSessionIds={allSessionIds}
              signInCallbackUrl={`/${locale}/courses/${courseSlug}#session-${session.id}`}
              locale={locale}
            />
          </Suspense>
        </div>
      </div>
    </article>
  );
}

/**
 * While the viewer's button streams in. Streamed content needs JavaScript; without it this
 * fallback stays, so it says how to enroll instead.
 */
function EnrollFallback() {
  const t = useTranslations("course.enroll");
  const tFooter = useTranslations("footer");
  return (
    <div aria-busy="true">
      <Skeleton className="h-10 w-36" />
      <noscript>
        <p className="text-sm text-muted-foreground">
          {t("needsJavaScript", { email: tFooter("email") })}
        </p>
      </noscript>
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[8rem_minmax(0,1fr)] sm:gap-4">
      <dt className="font-medium text-muted-foreground">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/** The viewer's option for this session (per request: reads the session cookie). */
async function EnrollSlot({
  sessionId,
  allSessionIds,
  signInCallbackUrl,
  locale,
}: {
  sessionId: string;
  allSessionIds: string[];
  signInCallbackUrl: string;
  locale: AppLocale;
}) {
  const options = await viewerEnrollOptions(allSessionIds.join(","));
  const option = options[sessionId] ?? { kind: "closed", reason: "not-published" };
  const dates = {
    offerExpiresAt:
      option.kind === "offered" && option.offerExpiresAt
        ? formatDateTime(option.offerExpiresAt, locale)
        : undefined,
    opensAt:
      option.kind === "closed" && option.opensAt ? formatDateTime(option.opensAt, locale) : undefined,
  };
  return (
    <EnrollPanel
      sessionId={sessionId}
      option={option}
      signInCallbackUrl={signInCallbackUrl}
      dates={dates}
    />
  );
}
