import { ArrowRight, CalendarDays, Clock, ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { CatalogCourse } from "@/lib/courses/catalog.queries";
import { formatDayRange, formatKrw } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";
import { SeatBadge } from "./seat-badge";

/** One course in the catalog: what it is, what it costs, and its next sessions with seats left. */
export function CourseCard({ course, locale }: { course: CatalogCourse; locale: AppLocale }) {
  const t = useTranslations("catalog");
  const href = `/courses/${course.slug}`;
  const headingId = `course-${course.id}`;
  return (
    <article
      aria-labelledby={headingId}
      className="flex h-full flex-col gap-4 rounded-lg border border-border bg-card p-5 shadow-sm"
    >
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span className="font-mono font-medium text-muted-foreground">{course.code}</span>
        <Badge variant="secondary">{t(`categories.${course.category}`)}</Badge>
        <Badge variant="outline">{t(`levels.${course.level}`)}</Badge>
      </div>
      <div className="flex flex-col gap-2">
        <h3 id={headingId} className="text-lg leading-snug font-semibold">
          <Link href={href} className="hover:text-primary hover:underline underline-offset-4">
            {course.title}
          </Link>
        </h3>
        <p className="line-clamp-3 text-sm leading-relaxed text-muted-foreground">
          {course.summary}
        </p>
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        <div className="flex items-center gap-1.5">
          <dt>
            <Clock aria-hidden="true" className="size-4 text-muted-foreground" />
            <span className="sr-only">{t("card.duration")}</span>
          </dt>
          <dd>{t("card.durationValue", { days: course.durationDays, hours: course.durationHours })}</dd>
        </div>
        <div className="flex items-center gap-1.5">
          <dt className="text-muted-foreground">{t("card.price")}</dt>
          <dd className="font-semibold tabular-nums">{formatKrw(course.listPriceKrw, locale)}</dd>
        </div>
        {course.requiresApproval || course.hasPrerequisites ? (
          <div className="flex items-center gap-1.5">
            <dt>
              <ShieldCheck aria-hidden="true" className="size-4 text-muted-foreground" />
              <span className="sr-only">{t("card.conditions")}</span>
            </dt>
            <dd>
              {course.requiresApproval ? t("card.requiresApproval") : t("card.hasPrerequisites")}
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="mt-auto flex flex-col gap-2 border-t border-border pt-4">
        <h4 className="text-sm font-semibold">{t("card.nextSessions")}</h4>
        {course.nextSessions.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("card.noSessions")}</p>
        ) : (
          <ul className="flex flex-col gap-2.5">
            {course.nextSessions.map((session) => (
              <li key={session.id} className="flex flex-col gap-1.5 text-sm">
                <span className="flex items-center gap-1.5 font-medium">
                  <CalendarDays aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
                  <time dateTime={session.startsAt.toISOString()}>
                    {formatDayRange(session.startsAt, session.endsAt, locale)}
                  </time>
                </span>
                <span className="flex flex-wrap gap-1.5 pl-5.5">
                  <Badge variant="outline">{t(`sessionLanguages.${session.language}`)}</Badge>
                  <SeatBadge session={session} locale={locale} />
                </span>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2 text-sm">
          {course.moreSessions > 0 ? (
            <Link
              href={`${href}#sessions`}
              className="text-muted-foreground underline underline-offset-4 hover:text-foreground"
            >
              {t("card.moreSessions", { count: course.moreSessions })}
            </Link>
          ) : (
            <span />
          )}
          <Link
            href={href}
            className="inline-flex items-center gap-1 font-medium text-primary underline-offset-4 hover:underline"
          >
            {t("card.details")}
            <span className="sr-only">: {course.title}</span>
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        </div>
      </div>
    </article>
  );
}
