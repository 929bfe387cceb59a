import type { Metadata } from "next";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import { LogoMark } from "@/components/site/wordmark";

/*
 * The fallback 404 for requests outside any locale (the proxy skips paths with a file
 * extension, e.g. /missing.txt). There is no locale and no <html> from a layout here (the root
 * layout is a pass-through), so this page renders the document itself and speaks both
 * languages, reading its text from the message files.
 */
const text = { ko: ko.common.notFoundPage, en: en.common.notFoundPage };

export const metadata: Metadata = { title: `${text.ko.metaTitle} · ${text.en.metaTitle}` };

export default function GlobalNotFound() {
  return (
    <html lang="ko">
      <body className="flex min-h-dvh items-center justify-center px-4 py-16">
        <main className="flex w-full max-w-xl flex-col items-center gap-8 text-center">
          <LogoMark className="size-12" />
          <p className="text-sm font-semibold tracking-widest text-primary">404</p>
          {(["ko", "en"] as const).map((locale, index) => (
            <section key={locale} lang={locale} className="flex flex-col items-center gap-3">
              {index === 0 ? (
                <h1 className="text-2xl font-bold tracking-tight">{text[locale].title}</h1>
              ) : (
                <h2 className="text-xl font-bold tracking-tight">{text[locale].title}</h2>
              )}
              <p className="leading-relaxed text-muted-foreground">{text[locale].description}</p>
              <div className="flex flex-wrap justify-center gap-x-5 gap-y-2 text-sm font-medium">
                <a className="text-brand-800 underline underline-offset-4" href={`/${locale}`}>
                  {text[locale].home}
                </a>
                <a
                  className="text-brand-800 underline underline-offset-4"
                  href={`/${locale}/courses`}
                >
                  {text[locale].catalog}
                </a>
              </div>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
