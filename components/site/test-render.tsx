import { NextIntlClientProvider } from "next-intl";
import {
  PathnameContext,
  SearchParamsContext,
} from "next/dist/shared/lib/hooks-client-context.shared-runtime";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * Test helper: server-renders UI the way a page request would (locale, messages, current
 * pathname) and parses the HTML, so tests assert on the DOM. A missing message fails the test
 * instead of rendering the key. Needs a DOM (happy-dom environment).
 */
export function renderPage(
  node: ReactNode,
  { locale = "ko", pathname }: { locale?: AppLocale; pathname?: string } = {},
) {
  const html = renderToStaticMarkup(
    <PathnameContext.Provider value={pathname ?? `/${locale}`}>
      <SearchParamsContext.Provider value={new URLSearchParams() as never}>
        <NextIntlClientProvider
          locale={locale}
          messages={locale === "ko" ? ko : en}
          timeZone="Asia/Seoul"
          onError={(error) => {
            throw error;
          }}
        >
          {node}
        </NextIntlClientProvider>
      </SearchParamsContext.Provider>
    </PathnameContext.Provider>,
  );
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="${locale}"><body>${html}</body></html>`,
    "text/html",
  );
}

export const hrefs = (root: ParentNode, selector = "a") =>
  [...root.querySelectorAll(selector)].map((a) => a.getAttribute("href"));
