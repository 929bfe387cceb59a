import { Award, CalendarCheck, ListPlus, MapPin, Search, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { HomeSection, ItemText } from "@/components/site/home/section";

const steps: readonly { key: string; icon: LucideIcon }[] = [
  { key: "browse", icon: Search },
  { key: "enroll", icon: ListPlus },
  { key: "confirm", icon: CalendarCheck },
  { key: "attend", icon: MapPin },
  { key: "certificate", icon: Award },
];

/** The enrolment journey as an ordered list; a connecting line joins the steps on wide screens. */
export function HomeSteps() {
  const t = useTranslations("home.steps");
  return (
    <HomeSection id="how-to-enroll" tone="tinted" eyebrow={t("eyebrow")} title={t("title")}>
      <ol className="relative grid gap-6 lg:grid-cols-5 lg:gap-4">
        <span
          aria-hidden="true"
          className="absolute top-6 right-[10%] left-[10%] hidden h-0.5 bg-brand-200 lg:block"
        />
        {steps.map(({ key, icon: Icon }, index) => (
          <li key={key} className="relative flex gap-4 lg:flex-col lg:items-center lg:text-center">
            <span className="relative flex size-12 shrink-0 items-center justify-center rounded-full border-2 border-brand-600 bg-background text-brand-700">
              <Icon aria-hidden="true" className="size-5" />
              <span
                aria-hidden="true"
                className="absolute -top-1.5 -right-1.5 flex size-6 items-center justify-center rounded-full bg-primary text-xs font-bold text-primary-foreground"
              >
                {index + 1}
              </span>
            </span>
            <ItemText title={t(`${key}.title`)} description={t(`${key}.description`)} />
          </li>
        ))}
      </ol>
    </HomeSection>
  );
}
