import { setRequestLocale } from "next-intl/server";
import { parseCatalogQuery } from "@/lib/courses/catalog.schemas";
import type { AppLocale } from "@/lib/i18n/routing";
import { CatalogShell, CatalogView, catalogMetadata } from "./catalog-view";

export async function generateMetadata({ params }: PageProps<"/[locale]/courses">) {
  return catalogMetadata((await params).locale);
}

/**
 * Rendered per request in one piece (no <Suspense> around the list): streamed content needs
 * JavaScript to appear, and the filters must work without it. The data itself comes from the
 * cache, so this costs a render, not queries.
 */
export const instant = false;

/**
 * The catalog with filters, search, sorting or a page from the query string. The unfiltered
 * catalog is served fully static by app/[locale]/catalog-static (proxy.ts sends `/ko/courses`
 * and `/ko/courses?page=2` there), with the same components.
 */
export default async function CatalogPage({ params, searchParams }: PageProps<"/[locale]/courses">) {
  const locale = (await params).locale as AppLocale;
  setRequestLocale(locale);
  const query = parseCatalogQuery(await searchParams);
  return (
    <CatalogShell locale={locale}>
      <CatalogView query={query} locale={locale} />
    </CatalogShell>
  );
}
