import { createTranslator } from "next-intl";
import ko from "@/messages/ko.json";
import en from "@/messages/en.json";
import { TIME_ZONE } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * A translator for server code that runs outside a page render (server actions, and the same
 * code under test). It uses next-intl's own `createTranslator` over the same message files as
 * `getTranslations`, so wording and ICU formatting are identical; unlike `getTranslations` it
 * needs no Next.js request, which keeps `runAction` testable with an explicit locale.
 */
export type Translate = {
  (key: string, params?: Record<string, string | number | Date>): string;
  has(key: string): boolean;
};

const MESSAGES = { ko, en } as const;
const cache = new Map<AppLocale, Translate>();

export function serverTranslator(locale: AppLocale): Translate {
  let t = cache.get(locale);
  if (!t) {
    const base = createTranslator({ locale, messages: MESSAGES[locale], timeZone: TIME_ZONE });
    // The message catalogue is typed loosely here on purpose: keys arrive at run time from
    // domain error codes and zod issues.
    const loose = base as unknown as Translate;
    t = Object.assign(
      (key: string, params?: Record<string, string | number | Date>) => loose(key, params),
      {
        has: (key: string) => loose.has(key),
      },
    );
    cache.set(locale, t);
  }
  return t;
}
