import { BookOpen, MessageSquarePlus, SearchX, X } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LinkButton } from "@/components/site/link-button";
import { Button } from "@/components/ui/button";
import { PageShell } from "@/components/site/page-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { getCatalogMonths, getCatalogPage } from "@/lib/courses/catalog-cache";
import { catalogSearchParams, hasAnyFilter, type CatalogQuery } from "@/lib/courses/catalog.schemas";
import { routing, type AppLocale } from "@/lib/i18n/routing";
import { CatalogFilters } from "./catalog-filters";
import { catalogHref } from "./catalog-href";
import { CourseCard } from "./course-card";

/**
 * The catalog, rendered by two routes: app/[locale]/courses/page.tsx (any query, at request
 * time) and app/[locale]/catalog-static/[page] (the unfiltered pages, fully static; proxy.ts
 * sends `/ko/courses` there). Its data comes from the cached, tagged reads of catalog-cache.ts.
 */

/** Title, description and the canonical URL: every variant of the catalog points at /courses. */
export async function catalogMetadata(locale: string): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "catalog" });
  return {
    title: t("metaTitle"),
    description: t("metaDescription"),
    alternates: {
      canonical: `/${locale}/courses`,
      languages: Object.fromEntries(routing.locales.map((l) => [l, `/${l}/courses`])),
    },
    openGraph: { title: t("metaTitle"), description: t("metaDescription"), url: `/${locale}/courses` },
  };
}

export async function CatalogShell({ locale, children }: { locale: AppLocale; children: ReactNode }) {
  const t = await getTranslations({ locale, namespace: "catalog" });
  return (
    <PageShell title={t("title")} description={t("description")}>
      {children}
    </PageShell>
  );
}

export async function CatalogView({ query, locale }: { query: CatalogQuery; locale: AppLocale }) {
  const [data, months, t] = await Promise.all([
    getCatalogPage(query, locale),
    getCatalogMonths(),
    getTranslations({ locale, namespace: "catalog" }),
  ]);
  const filtered = hasAnyFilter(query);
  const filters = catalogSearchParams(query, { page: 1 });

  let results: ReactNode;
  if (data.items.length > 0) {
    results = (
      <ul className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
        {data.items.map((course) => (
          <li key={course.id}>
            <CourseCard course={course} locale={locale} />
          </li>
        ))}
      </ul>
    );
  } else if (data.total > 0) {
    results = (
      <EmptyState
        headingLevel="h3"
        icon={BookOpen}
        title={t("beyondLastPage.title")}
        description={t("beyondLastPage.description", { pageCount: data.pageCount })}
        action={
          <CatalogLink query={filters} locale={locale} variant="outline">
            {t("beyondLastPage.action")}
          </CatalogLink>
        }
      />
    );
  } else if (filtered) {
    results = (
      <EmptyState
        headingLevel="h3"
        icon={SearchX}
        title={query.q ? t("noResults.titleWithSearch", { q: query.q }) : t("noResults.title")}
        description={t("noResults.description")}
        action={
          <>
            <LinkButton href="/courses" icon={X}>
              {t("noResults.clear")}
            </LinkButton>
            {query.q && filters.q && Object.keys(filters).length > 1 ? (
              <CatalogLink query={{ q: query.q }} locale={locale} variant="outline">
                {t("noResults.searchOnly")}
              </CatalogLink>
            ) : null}
            <LinkButton href="/training-requests/new" variant="outline" icon={MessageSquarePlus}>
              {t("noResults.request")}
            </LinkButton>
          </>
        }
      />
    );
  } else {
    results = (
      <EmptyState
        headingLevel="h3"
        icon={BookOpen}
        title={t("empty.title")}
        description={t("empty.description")}
        action={
          <LinkButton href="/training-requests/new" icon={MessageSquarePlus}>
            {t("empty.action")}
          </LinkButton>
        }
      />
    );
  }

  return (
    <div className="flex flex-col gap-8">
      <CatalogFilters query={query} months={months} locale={locale} />
      <section aria-labelledby="catalog-results-heading" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="catalog-results-heading" className="text-lg font-semibold">
            {t("results.heading")}
          </h2>
          {/* Announced after a client-side filter change. */}
          <p role="status" className="text-sm text-muted-foreground">
            {data.total > 0
              ? t("results.count", { total: data.total, page: data.page, pageCount: data.pageCount })
              : t("results.none")}
          </p>
        </div>
        {results}
        <Pagination
          className="mt-4"
          page={data.page}
          pageCount={data.pageCount}
          pathname="/courses"
          query={filters}
          documentLinks
        />
      </section>
    </div>
  );
}

/**
 * A link to a filtered catalog view that loads the page as a document: proxy.ts chooses the
 * catalog's route by the query string, which a client-side navigation would not ask it about.
 */
function CatalogLink({
  query,
  locale,
  variant,
  children,
}: {
  query: Record<string, string>;
  locale: AppLocale;
  variant?: "outline";
  children: ReactNode;
}) {
  return (
    <Button asChild variant={variant}>
      <a href={catalogHref(query, locale)}>{children}</a>
    </Button>
  );
}
