import { Factory, GraduationCap, Rocket, University, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { HomeSection, IconTile } from "@/components/site/home/section";

const audiences: readonly { key: string; icon: LucideIcon }[] = [
  { key: "industry", icon: Factory },
  { key: "universities", icon: GraduationCap },
  { key: "startups", icon: Rocket },
];

const partners = ["kopo", "snu", "inha", "jeiu"] as const;

/** Who the training is for, followed by the partner universities that run curricula with the center. */
export function HomeAudiences() {
  const t = useTranslations("home.audiences");
  const p = useTranslations("home.partners");
  return (
    <HomeSection id="audiences" eyebrow={t("eyebrow")} title={t("title")}>
      <ul className="grid gap-4 md:grid-cols-3">
        {audiences.map(({ key, icon: Icon }) => (
          <li
            key={key}
            className="flex flex-col gap-4 rounded-xl border border-border bg-card p-6 shadow-xs"
          >
            <IconTile>
              <Icon aria-hidden="true" />
            </IconTile>
            <h3 className="text-lg font-semibold">{t(`${key}.title`)}</h3>
            <p className="text-sm leading-relaxed text-muted-foreground">
              {t(`${key}.description`)}
            </p>
          </li>
        ))}
      </ul>

      <div className="mt-14 rounded-2xl border border-border bg-muted/50 p-6 sm:p-8">
        <div className="flex flex-col gap-2">
          <h3 id="partners-title" className="text-lg font-semibold">
            {p("title")}
          </h3>
          <p className="text-sm text-muted-foreground">{p("lead")}</p>
        </div>
        <ul
          aria-labelledby="partners-title"
          className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
        >
          {partners.map((key) => (
            <li
              key={key}
              className="flex items-center gap-3 rounded-lg border border-border bg-background px-4 py-3 text-sm font-medium"
            >
              <University aria-hidden="true" className="size-5 shrink-0 text-brand-700" />
              {p(key)}
            </li>
          ))}
        </ul>
      </div>
    </HomeSection>
  );
}
