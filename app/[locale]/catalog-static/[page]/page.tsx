import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { BUILD_PLACEHOLDER_PARAM, staticCatalogQuery } from "@/lib/courses/catalog.schemas";
import type { AppLocale } from "@/lib/i18n/routing";
import { CatalogShell, CatalogView, catalogMetadata } from "../../courses/catalog-view";

/**
 * The unfiltered catalog pages, fully static: proxy.ts rewrites `/ko/courses` and
 * `/ko/courses?page=N` here (and refuses this path asked for directly). A page is rendered on
 * its first request, kept, and rendered again when a seat change expires its cache tag or its
 * lifetime runs out (lib/courses/catalog-cache.ts). Nothing is rendered at build time, which
 * has no database: the one build-time param is a placeholder that renders a 404.
 */
export function generateStaticParams() {
  return [{ page: BUILD_PLACEHOLDER_PARAM }];
}

export async function generateMetadata({ params }: PageProps<"/[locale]/catalog-static/[page]">) {
  return catalogMetadata((await params).locale);
}

export default async function StaticCatalogPage({
  params,
}: PageProps<"/[locale]/catalog-static/[page]">) {
  const { locale, page } = await params;
  setRequestLocale(locale);
  const query = staticCatalogQuery(page);
  if (!query) notFound();
  return (
    <CatalogShell locale={locale as AppLocale}>
      <CatalogView query={query} locale={locale as AppLocale} />
    </CatalogShell>
  );
}
