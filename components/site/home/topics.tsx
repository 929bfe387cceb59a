import {
  BadgeCheck,
  ChartScatter,
  Columns3,
  Funnel,
  Microscope,
  Package,
  ScanSearch,
  Syringe,
  TestTubes,
  type LucideIcon,
} from "lucide-react";
import { useTranslations } from "next-intl";
import { HomeSection, IconItem } from "@/components/site/home/section";

/** The center's course topics, in the order a process runs: upstream, downstream, then quality. */
const topics: readonly { key: string; icon: LucideIcon }[] = [
  { key: "upstream", icon: Microscope },
  { key: "bioreactors", icon: TestTubes },
  { key: "cellTherapy", icon: Syringe },
  { key: "filtration", icon: Funnel },
  { key: "chromatography", icon: Columns3 },
  { key: "doe", icon: ChartScatter },
  { key: "analytics", icon: ScanSearch },
  { key: "singleUse", icon: Package },
  { key: "gmp", icon: BadgeCheck },
];

export function HomeTopics() {
  const t = useTranslations("home.topics");
  return (
    <HomeSection id="topics" eyebrow={t("eyebrow")} title={t("title")} lead={t("lead")}>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {topics.map(({ key, icon }) => (
          <IconItem
            key={key}
            icon={icon}
            title={t(`${key}.title`)}
            description={t(`${key}.description`)}
            className="rounded-xl border border-border bg-card p-5 shadow-xs transition-shadow hover:shadow-md"
          />
        ))}
      </ul>
    </HomeSection>
  );
}
