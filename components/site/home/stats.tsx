import { useTranslations } from "next-intl";

const figures = ["runs", "trainees", "area", "scale"] as const;

/** Key figures as a description list: the value is the term's description, read after its label. */
export function HomeStats() {
  const t = useTranslations("home.stats");
  return (
    <section aria-labelledby="stats-title" className="bg-brand-900 text-white">
      <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
        <h2 id="stats-title" className="sr-only">
          {t("title")}
        </h2>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-8 lg:grid-cols-4">
          {figures.map((key) => (
            <div key={key} className="flex flex-col-reverse gap-1 border-l-2 border-brand-300 pl-4">
              <dt className="text-sm text-brand-100">{t(`${key}.label`)}</dt>
              <dd className="text-xl font-bold tracking-tight whitespace-nowrap tabular-nums sm:text-4xl">
                {t(`${key}.value`)}
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-8 text-xs text-brand-100">{t("note")}</p>
      </div>
    </section>
  );
}
