import { ArrowLeft, CalendarX2, CircleCheck, CircleDashed, MessageSquarePlus } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import { LinkButton } from "@/components/site/link-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getCoursePage } from "@/lib/courses/catalog-cache";
import { BUILD_PLACEHOLDER_PARAM } from "@/lib/courses/catalog.schemas";
import { courseJsonLd, serializeJsonLd } from "@/lib/courses/course-json-ld";
import type { CourseDetail } from "@/lib/courses/course.queries";
import { env } from "@/lib/env";
import { formatKrw } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { routing, type AppLocale } from "@/lib/i18n/routing";
import { SessionCard } from "./session-card";
import { viewerCompletedCourses } from "./viewer";

/**
 * A course page. Everything but the viewer's own state is static: rendered on the first request
 * for the slug, kept, and rendered again when its cache tags expire (a seat change, see
 * lib/courses/catalog-cache.ts). `params` is awaited outside <Suspense>, so an unknown slug is
 * a real 404. Nothing is rendered at build time (no database then): see BUILD_PLACEHOLDER_PARAM.
 */
export function generateStaticParams() {
  return [{ slug: BUILD_PLACEHOLDER_PARAM }];
}

async function loadCourse(locale: string, slug: string): Promise<CourseDetail | null> {
  if (slug === BUILD_PLACEHOLDER_PARAM) return null;
  return getCoursePage(slug, locale as AppLocale);
}

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/courses/[slug]">): Promise<Metadata> {
  const { locale, slug } = await params;
  const course = await loadCourse(locale, slug);
  if (!course) {
    const t = await getTranslations({ locale, namespace: "common.notFoundPage" });
    return { title: t("metaTitle") };
  }
  const path = (l: string) => `/${l}/courses/${course.slug}`;
  return {
    title: course.title,
    description: course.summary,
    alternates: {
      canonical: path(locale),
      languages: Object.fromEntries(routing.locales.map((l) => [l, path(l)])),
    },
    openGraph: { type: "website", title: course.title, description: course.summary, url: path(locale) },
  };
}

export default async function CoursePage({ params }: PageProps<"/[locale]/courses/[slug]">) {
  const { locale: rawLocale, slug } = await params;
  const locale = rawLocale as AppLocale;
  setRequestLocale(locale);
  const course = await loadCourse(locale, slug);
  if (!course) notFound();
  const [t, tc, tFooter] = await Promise.all([
    getTranslations({ locale, namespace: "course" }),
    getTranslations({ locale, namespace: "catalog" }),
    getTranslations({ locale, namespace: "footer" }),
  ]);
  const url = new URL(`/${locale}/courses/${course.slug}`, env.APP_URL).toString();
  const jsonLd = courseJsonLd({
    course,
    url,
    inLanguage: locale,
    provider: { name: tFooter("centerName"), url: new URL(`/${locale}`, env.APP_URL).toString() },
    address: tFooter("address"),
  });
  const sessionIds = course.sessions.map((s) => s.id);
  const prerequisiteIds = course.prerequisites.map((p) => p.id);
  const paragraphs = course.description.split(/\n\s*\n/).filter(Boolean);

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      <script
        type="application/ld+json"
        // Escaped by serializeJsonLd: nothing from the database can close the script element.
        dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }}
      />
      <Link
        href="/courses"
        className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("back")}
      </Link>
      <header className="mb-8 flex flex-col gap-3 border-b border-border pb-6">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-mono font-medium text-muted-foreground">{course.code}</span>
          <Badge variant="secondary">{tc(`categories.${course.category}`)}</Badge>
          <Badge variant="outline">{tc(`levels.${course.level}`)}</Badge>
        </div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{course.title}</h1>
        <p className="max-w-3xl text-base text-muted-foreground">{course.summary}</p>
      </header>

      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="flex min-w-0 flex-col gap-10">
          <section aria-labelledby="about-heading" className="flex flex-col gap-3">
            <h2 id="about-heading" className="text-xl font-semibold">
              {t("about")}
            </h2>
            {paragraphs.map((paragraph, i) => (
              <p key={i} className="leading-relaxed">
                {paragraph}
              </p>
            ))}
          </section>

          {course.outcomes.length > 0 ? (
            <section aria-labelledby="outcomes-heading" className="flex flex-col gap-3">
              <h2 id="outcomes-heading" className="text-xl font-semibold">
                {t("outcomes")}
              </h2>
              <ul className="flex flex-col gap-2">
                {course.outcomes.map((outcome) => (
                  <li key={outcome} className="flex gap-2 leading-relaxed">
                    <CircleCheck aria-hidden="true" className="mt-1 size-4 shrink-0 text-primary" />
                    <span>{outcome}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {course.prerequisites.length > 0 ? (
            <section aria-labelledby="prerequisites-heading" className="flex flex-col gap-3">
              <h2 id="prerequisites-heading" className="text-xl font-semibold">
                {t("prerequisites.title")}
              </h2>
              <p className="text-sm text-muted-foreground">{t("prerequisites.description")}</p>
              <ul className="flex flex-col gap-2">
                {course.prerequisites.map((p) => (
                  <li
                    key={p.id}
                    className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-border px-4 py-3"
                  >
                    <Link
                      href={`/courses/${p.slug}`}
                      className="font-medium underline-offset-4 hover:text-primary hover:underline"
                    >
                      <span className="mr-2 font-mono text-sm text-muted-foreground">{p.code}</span>
                      {p.title}
                    </Link>
                    <Suspense fallback={null}>
                      <PrerequisiteStatus
                        courseId={p.id}
                        prerequisiteIds={prerequisiteIds}
                        locale={locale}
                      />
                    </Suspense>
                  </li>
                ))}
              </ul>
              <Suspense fallback={null}>
                <PrerequisiteSignInHint locale={locale} />
              </Suspense>
            </section>
          ) : null}

          <section id="sessions" aria-labelledby="sessions-heading" className="flex scroll-mt-24 flex-col gap-4">
            <h2 id="sessions-heading" className="text-xl font-semibold">
              {t("sessions.title")}
            </h2>
            {course.sessions.length === 0 ? (
              <EmptyState
                headingLevel="h3"
                icon={CalendarX2}
                title={t("sessions.emptyTitle")}
                description={t("sessions.emptyDescription")}
                action={
                  <LinkButton href="/training-requests/new" variant="outline" icon={MessageSquarePlus}>
                    {t("sessions.request")}
                  </LinkButton>
                }
              />
            ) : (
              <>
                <p className="text-sm text-muted-foreground">
                  {t("sessions.description", { count: course.sessions.length })}
                </p>
                {course.sessions.map((session) => (
                  <SessionCard
                    key={session.id}
                    session={session}
                    allSessionIds={sessionIds}
                    courseSlug={course.slug}
                    locale={locale}
                  />
                ))}
              </>
            )}
          </section>
        </div>

        <aside aria-labelledby="facts-heading" className="lg:sticky lg:top-24 lg:self-start">
          <div className="flex flex-col gap-4 rounded-lg border border-border bg-card p-5 shadow-sm">
            <h2 id="facts-heading" className="text-base font-semibold">
              {t("facts.title")}
            </h2>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2.5 text-sm">
              <dt className="text-muted-foreground">{t("facts.duration")}</dt>
              <dd>{tc("card.durationValue", { days: course.durationDays, hours: course.durationHours })}</dd>
              <dt className="text-muted-foreground">{t("facts.level")}</dt>
              <dd>{tc(`levels.${course.level}`)}</dd>
              <dt className="text-muted-foreground">{t("facts.category")}</dt>
              <dd>{tc(`categories.${course.category}`)}</dd>
              <dt className="text-muted-foreground">{t("facts.languages")}</dt>
              <dd>{course.deliveryLanguages.map((l) => tc(`languages.${l}`)).join(", ")}</dd>
              <dt className="text-muted-foreground">{t("facts.price")}</dt>
              <dd className="font-semibold tabular-nums">{formatKrw(course.listPriceKrw, locale)}</dd>
              <dt className="text-muted-foreground">{t("facts.enrollment")}</dt>
              <dd>{course.requiresApproval ? t("facts.approval") : t("facts.direct")}</dd>
            </dl>
            <p className="text-xs leading-relaxed text-muted-foreground">{t("facts.invoiceNote")}</p>
            {course.sessions.length > 0 ? (
              <LinkButton href={`/courses/${course.slug}#sessions`}>{t("facts.seeSessions")}</LinkButton>
            ) : null}
          </div>
        </aside>
      </div>
    </div>
  );
}

/** "Completed" or "Not completed yet" for a signed-in viewer; nothing for a visitor. */
async function PrerequisiteStatus({
  courseId,
  prerequisiteIds,
  locale,
}: {
  courseId: string;
  prerequisiteIds: string[];
  locale: AppLocale;
}) {
  const completed = await viewerCompletedCourses(prerequisiteIds.join(","));
  if (!completed) return null;
  const t = await getTranslations({ locale, namespace: "course.prerequisites" });
  return completed.has(courseId) ? (
    <Badge variant="success">
      <CircleCheck aria-hidden="true" />
      {t("completed")}
    </Badge>
  ) : (
    <Badge variant="neutral">
      <CircleDashed aria-hidden="true" />
      {t("notCompleted")}
    </Badge>
  );
}

async function PrerequisiteSignInHint({ locale }: { locale: AppLocale }) {
  if (await getCurrentUser()) return null;
  const t = await getTranslations({ locale, namespace: "course.prerequisites" });
  return <p className="text-sm text-muted-foreground">{t("signInForStatus")}</p>;
}
