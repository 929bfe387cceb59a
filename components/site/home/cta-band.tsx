import { ArrowRight, MessageSquareText } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";

/** Closing call to action on a dark teal band; buttons and focus rings are re-coloured for it. */
export function HomeCtaBand() {
  const t = useTranslations("home.cta");
  return (
    <section aria-labelledby="cta-title" className="px-4 py-16 sm:px-6 sm:py-20">
      <div className="relative mx-auto flex max-w-6xl flex-col gap-8 overflow-hidden rounded-3xl bg-brand-800 px-6 py-12 text-white sm:px-12 lg:flex-row lg:items-center lg:justify-between">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute -top-24 -right-24 size-72 rounded-full border-[3rem] border-brand-700/70"
        />
        <div className="relative flex max-w-2xl flex-col gap-3">
          <h2 id="cta-title" className="text-2xl font-bold tracking-tight text-balance sm:text-3xl">
            {t("title")}
          </h2>
          <p className="leading-relaxed text-brand-50">{t("body")}</p>
        </div>
        <div className="relative flex flex-col gap-3 sm:flex-row lg:shrink-0">
          <Button
            asChild
            size="lg"
            className="bg-white text-brand-900 hover:bg-brand-50 focus-visible:outline-white"
          >
            <Link href="/training-requests/new">
              <MessageSquareText aria-hidden="true" />
              {t("request")}
            </Link>
          </Button>
          <Button
            asChild
            size="lg"
            variant="ghost"
            className="border border-white/70 text-white hover:bg-white/10 hover:text-white focus-visible:outline-white"
          >
            <Link href="/courses">
              {t("catalog")}
              <ArrowRight aria-hidden="true" />
            </Link>
          </Button>
        </div>
      </div>
    </section>
  );
}
