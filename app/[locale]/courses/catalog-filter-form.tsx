"use client";

import { useLocale } from "next-intl";
import type { ComponentProps } from "react";
import { catalogSearchParams, parseCatalogQuery } from "@/lib/courses/catalog.schemas";
import { catalogHref } from "./catalog-href";

/**
 * The catalog's GET form. Without JavaScript the browser submits it as is (every field in the
 * query string); with JavaScript only what differs from the defaults goes into the URL, so the
 * unfiltered catalog stays `/ko/courses` (the static one). Either way the filters live in the
 * URL, and the page is loaded as a document: proxy.ts picks the catalog's route by the query
 * string, which a client-side navigation would not ask it about.
 */
export function CatalogFilterForm({
  children,
  ...props
}: Omit<ComponentProps<"form">, "method" | "onSubmit">) {
  const locale = useLocale();
  return (
    <form
      method="get"
      {...props}
      onSubmit={(event) => {
        event.preventDefault();
        const fields: Record<string, string> = {};
        for (const [key, value] of new FormData(event.currentTarget)) {
          if (typeof value === "string") fields[key] = value;
        }
        const query = catalogSearchParams(parseCatalogQuery(fields), { page: 1 });
        window.location.assign(catalogHref(query, locale));
      }}
    >
      {children}
    </form>
  );
}
