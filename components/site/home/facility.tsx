import { Columns3, FlaskConical, Presentation, ScanSearch, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { HomeSection, IconItem } from "@/components/site/home/section";

const labs: readonly { key: string; icon: LucideIcon }[] = [
  { key: "upstreamLab", icon: FlaskConical },
  { key: "downstreamLab", icon: Columns3 },
  { key: "analyticsLab", icon: ScanSearch },
  { key: "classrooms", icon: Presentation },
];

const services = ["analysis", "production", "consulting", "pilot"] as const;

export function HomeFacility() {
  const t = useTranslations("home.facility");
  return (
    <HomeSection id="facility" tone="tinted" eyebrow={t("eyebrow")} title={t("title")}>
      <div className="grid gap-10 lg:grid-cols-[1fr_1.1fr] lg:gap-14">
        <div className="flex flex-col gap-6">
          <p className="text-base leading-relaxed text-foreground sm:text-lg">{t("body")}</p>
          <div className="flex flex-col gap-3">
            <h3 className="text-sm font-semibold text-brand-800">{t("servicesTitle")}</h3>
            <ul className="flex flex-wrap gap-2">
              {services.map((key) => (
                <li
                  key={key}
                  className="rounded-full border border-brand-200 bg-background px-3 py-1 text-sm font-medium text-brand-800"
                >
                  {t(`services.${key}`)}
                </li>
              ))}
            </ul>
          </div>
        </div>
        <div className="rounded-2xl border border-brand-100 bg-background p-2 shadow-sm">
          <h3 className="sr-only">{t("labsTitle")}</h3>
          <ul className="divide-y divide-border">
            {labs.map(({ key, icon }) => (
              <IconItem
                key={key}
                icon={icon}
                headingLevel="h4"
                title={t(`${key}.title`)}
                description={t(`${key}.description`)}
                className="items-start p-4 sm:p-5"
                textClassName="gap-1"
              />
            ))}
          </ul>
        </div>
      </div>
    </HomeSection>
  );
}
