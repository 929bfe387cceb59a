import { ArrowRight, Check, MessageSquareText } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { HeroIllustration } from "@/components/site/home/hero-illustration";
import { Link } from "@/lib/i18n/navigation";

const highlights = ["facility", "scale", "region"] as const;

export function HomeHero() {
  const t = useTranslations("home.hero");
  return (
    <section
      aria-labelledby="hero-title"
      className="relative overflow-hidden border-b border-border"
    >
      {/* soft brand glow behind the text; purely decorative */}
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 bg-[radial-gradient(60rem_30rem_at_10%_-10%,var(--color-brand-100),transparent_70%)]"
      />
      <div className="relative mx-auto grid max-w-6xl items-center gap-12 px-4 py-14 sm:px-6 sm:py-20 lg:grid-cols-[1.1fr_1fr] lg:py-24">
        <div className="flex flex-col gap-6">
          <p className="inline-flex w-fit items-center gap-2 rounded-full border border-brand-200 bg-background/80 px-3 py-1 text-sm font-medium text-brand-800">
            <span aria-hidden="true" className="size-2 rounded-full bg-brand-500" />
            {t("eyebrow")}
          </p>
          <h1
            id="hero-title"
            className="text-3xl leading-tight font-bold tracking-tight text-balance sm:text-5xl sm:leading-[1.15]"
          >
            {t("title")}
          </h1>
          <p className="max-w-xl text-base leading-relaxed text-muted-foreground sm:text-lg">
            {t("lead")}
          </p>
          <div className="flex flex-col gap-3 sm:flex-row">
            <Button asChild size="lg">
              <Link href="/courses">
                {t("primaryCta")}
                <ArrowRight aria-hidden="true" />
              </Link>
            </Button>
            <Button asChild size="lg" variant="outline">
              <Link href="/training-requests/new">
                <MessageSquareText aria-hidden="true" />
                {t("secondaryCta")}
              </Link>
            </Button>
          </div>
          <ul className="mt-2 flex flex-col gap-2 text-sm text-foreground">
            {highlights.map((key) => (
              <li key={key} className="flex items-start gap-2">
                <Check aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
                {t(`highlights.${key}`)}
              </li>
            ))}
          </ul>
        </div>
        <HeroIllustration className="mx-auto w-full max-w-md lg:max-w-none" />
      </div>
    </section>
  );
}
