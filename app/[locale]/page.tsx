import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { HomeAudiences } from "@/components/site/home/audiences";
import { HomeCtaBand } from "@/components/site/home/cta-band";
import { HomeFacility } from "@/components/site/home/facility";
import { HomeHero } from "@/components/site/home/hero";
import { HomeStats } from "@/components/site/home/stats";
import { HomeSteps } from "@/components/site/home/steps";
import { HomeTopics } from "@/components/site/home/topics";
import { routing } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "home" });
  return {
    title: { absolute: t("metaTitle") },
    alternates: {
      canonical: `/${locale}`,
      languages: Object.fromEntries(routing.locales.map((l) => [l, `/${l}`])),
    },
  };
}

/** The center's front door: static content from the `home` messages, no database reads. */
export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return (
    <>
      <HomeHero />
      <HomeStats />
      <HomeTopics />
      <HomeFacility />
      <HomeAudiences />
      <HomeSteps />
      <HomeCtaBand />
    </>
  );
}
