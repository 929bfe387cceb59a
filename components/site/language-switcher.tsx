"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { getPathname, usePathname } from "@/lib/i18n/navigation";
import { locales, type AppLocale } from "@/lib/i18n/routing";
import { cn } from "@/lib/utils";

/** Each language is named in itself (an endonym), so it is never translated. */
const endonyms: Record<AppLocale, string> = { ko: "한국어", en: "English" };

type Query = Record<string, string | string[]>;

/**
 * 한국어 | English. Real links to the same page in the other language (query string kept), so it
 * works before hydration. They load the whole page (replacing the history entry, so the
 * language change stays out of the back button) rather than navigating client-side: the
 * proxy may serve one URL from different routes depending on its query string (the catalog),
 * which a client-side navigation cannot know.
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  // useSearchParams needs a Suspense boundary on statically rendered pages; the fallback is the
  // same switcher without the query string.
  return (
    <Suspense fallback={<LanguageLinks query={{}} className={className} />}>
      <LanguageLinksWithQuery className={className} />
    </Suspense>
  );
}

function LanguageLinksWithQuery({ className }: { className?: string }) {
  const searchParams = useSearchParams();
  const query: Query = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return <LanguageLinks query={query} className={className} />;
}

function LanguageLinks({ query, className }: { query: Query; className?: string }) {
  const t = useTranslations("language");
  const current = useLocale() as AppLocale;
  const pathname = usePathname();
  return (
    <div
      role="group"
      aria-label={t("label")}
      className={cn(
        "inline-flex items-center rounded-md border border-border bg-background p-0.5 text-sm",
        className,
      )}
    >
      {locales.map((locale) =>
        locale === current ? (
          <span
            key={locale}
            lang={locale}
            aria-current="true"
            className="rounded-[0.3rem] bg-secondary px-2.5 py-1 font-semibold text-secondary-foreground"
          >
            {endonyms[locale]}
          </span>
        ) : (
          <a
            key={locale}
            href={getPathname({
              href: Object.keys(query).length > 0 ? { pathname, query } : pathname,
              locale,
            })}
            lang={locale}
            hrefLang={locale}
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              window.location.replace(event.currentTarget.href);
            }}
            className="rounded-[0.3rem] px-2.5 py-1 text-muted-foreground transition-colors hover:bg-accent hover:text-foreground"
          >
            {endonyms[locale]}
          </a>
        ),
      )}
    </div>
  );
}
