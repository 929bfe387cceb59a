import { ChevronLeft, ChevronRight } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import type { ComponentProps, ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { pageWindow } from "@/components/ui/page-window";
import { cn } from "@/lib/utils";

type Query = Record<string, string | string[] | undefined>;

export type PaginationProps = {
  /** 1-based current page. */
  page: number;
  pageCount: number;
  /** Locale-less pathname of the list, e.g. "/courses". */
  pathname: string;
  /** The list's other search params (filters), kept on every link. */
  query?: Query;
  pageParam?: string;
  /**
   * Plain links that load the whole page instead of a client-side navigation: for a list whose
   * route depends on the query string (the catalog, which proxy.ts serves from two routes).
   */
  documentLinks?: boolean;
  className?: string;
};

/** Plain links (no client JS), so lists paginate with server rendering and work without hydration. */
export function Pagination({
  page,
  pageCount,
  pathname,
  query = {},
  pageParam = "page",
  documentLinks = false,
  className,
}: PaginationProps) {
  const t = useTranslations("common.pagination");
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, page), pageCount);
  const href = (p: number) => ({
    pathname,
    query: { ...definedOnly(query), [pageParam]: String(p) },
  });

  // Previous/next at either end are inert text rather than links to nowhere.
  const edge = (target: number, enabled: boolean, children: ReactNode) =>
    enabled ? (
      <PageLink
        href={href(target)}
        documentLinks={documentLinks}
        rel={target < current ? "prev" : "next"}
        className={buttonVariants({ variant: "ghost", size: "sm" })}
      >
        {children}
      </PageLink>
    ) : (
      <span
        className={cn(
          buttonVariants({ variant: "ghost", size: "sm" }),
          "text-muted-foreground hover:bg-transparent",
        )}
      >
        {children}
      </span>
    );

  return (
    <nav aria-label={t("label")} className={cn("flex justify-center", className)}>
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          {edge(
            current - 1,
            current > 1,
            <>
              <ChevronLeft aria-hidden="true" />
              <span className="max-sm:sr-only">{t("previous")}</span>
            </>,
          )}
        </li>
        {pageWindow(current, pageCount).map((p, index) =>
          p === null ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-muted-foreground">
              …
            </li>
          ) : (
            <li key={p}>
              <PageLink
                href={href(p)}
                documentLinks={documentLinks}
                aria-current={p === current ? "page" : undefined}
                aria-label={t("page", { page: p })}
                className={cn(
                  buttonVariants({ variant: p === current ? "default" : "ghost", size: "sm" }),
                  "min-w-9 px-2 tabular-nums",
                )}
              >
                {p}
              </PageLink>
            </li>
          ),
        )}
        <li>
          {edge(
            current + 1,
            current < pageCount,
            <>
              <span className="max-sm:sr-only">{t("next")}</span>
              <ChevronRight aria-hidden="true" />
            </>,
          )}
        </li>
      </ul>
    </nav>
  );
}

function PageLink({
  href,
  documentLinks,
  ...props
}: Omit<ComponentProps<"a">, "href"> & {
  href: { pathname: string; query: Record<string, string | string[]> };
  documentLinks: boolean;
}) {
  const locale = useLocale();
  return documentLinks ? (
    <a href={getPathname({ href, locale })} {...props} />
  ) : (
    <Link href={href} {...props} />
  );
}

function definedOnly(query: Query): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(query).filter(
      (entry): entry is [string, string | string[]] => entry[1] !== undefined,
    ),
  );
}
