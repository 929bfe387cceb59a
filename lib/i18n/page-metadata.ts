import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/**
 * `generateMetadata` for a page whose title is `<namespace>.metaTitle`. Account and staff pages
 * are kept out of search engines (`index: false`, the default); public ones pass `index: true`.
 */
export function translatedMetadata(namespace: string, { index = false }: { index?: boolean } = {}) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace });
    return index ? { title: t("metaTitle") } : { title: t("metaTitle"), robots: { index: false } };
  };
}
