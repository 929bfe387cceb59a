"use client";

import { CheckCircle2, Clock, Languages, ShieldCheck } from "lucide-react";
import { createTranslator, useLocale, useTranslations, type AbstractIntlMessages } from "next-intl";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatKrw, TIME_ZONE } from "@/lib/i18n/format";
import { isAppLocale, type AppLocale } from "@/lib/i18n/routing";

/** What the preview shows, as typed in the editor (strings straight from the inputs). */
export type CoursePreviewValues = {
  code: string;
  titleKo: string;
  titleEn: string;
  summaryKo: string;
  summaryEn: string;
  descriptionKo: string;
  descriptionEn: string;
  outcomesKo: string[];
  outcomesEn: string[];
  category: string;
  level: string;
  durationDays: string;
  durationHours: string;
  deliveryLanguages: string[];
  listPriceKrw: string;
  requiresApproval: boolean;
};

/**
 * The preview's wording in both languages (see preview-messages.ts: the public catalog's own
 * card and page wording, plus a few placeholders), passed from the page: an English preview
 * inside the Korean admin reads exactly as English visitors will see it.
 */
export type PreviewMessages = Record<AppLocale, AbstractIntlMessages>;

type Translate = (key: string, params?: Record<string, string | number>) => string;

const LANGUAGE_NAMES: Record<AppLocale, string> = { ko: "한국어", en: "English" };

const count = (value: string) => {
  const n = Number(value);
  return Number.isFinite(n) && value.trim() !== "" ? n : null;
};

/**
 * A live preview of the catalog card and the top of the course page, in either language,
 * switched on the client. Nothing here is saved; it reads what the editor holds right now.
 */
export function CoursePreview({
  values,
  messages,
}: {
  values: CoursePreviewValues;
  messages: PreviewMessages;
}) {
  const t = useTranslations("adminCourses.editor");
  const uiLocale = useLocale();
  const [lang, setLang] = useState<AppLocale>(isAppLocale(uiLocale) ? uiLocale : "ko");
  const tp = useMemo(
    () =>
      createTranslator({
        locale: lang,
        messages: messages[lang],
        timeZone: TIME_ZONE,
      }) as unknown as Translate,
    [lang, messages],
  );
  const en = lang === "en";
  const title = (en ? values.titleEn : values.titleKo).trim();
  const summary = (en ? values.summaryEn : values.summaryKo).trim();
  const description = (en ? values.descriptionEn : values.descriptionKo).trim();
  const outcomes = (en ? values.outcomesEn : values.outcomesKo)
    .map((o) => o.trim())
    .filter(Boolean);
  const days = count(values.durationDays);
  const hours = count(values.durationHours);
  const price = count(values.listPriceKrw);
  const paragraphs = description.split(/\n\s*\n/).filter((p) => p.trim() !== "");
  const label = (group: string, key: string) =>
    key ? tp(`catalog.${group}.${key}`) : tp("adminCourses.preview.notChosen");

  return (
    <section aria-labelledby="course-preview-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h2 id="course-preview-heading" className="text-lg font-semibold">
            {t("previewTitle")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("previewHint")}</p>
        </div>
        <div role="group" aria-label={t("previewLanguage")} className="flex gap-1">
          {(["ko", "en"] as const).map((option) => (
            <Button
              key={option}
              size="sm"
              lang={option}
              variant={lang === option ? "default" : "outline"}
              aria-pressed={lang === option}
              onClick={() => setLang(option)}
            >
              {LANGUAGE_NAMES[option]}
            </Button>
          ))}
        </div>
      </div>

      <div
        lang={lang}
        className="grid gap-6 rounded-lg border border-dashed border-border bg-muted/40 p-4 sm:p-6 lg:grid-cols-[minmax(0,22rem)_1fr]"
      >
        {/* The catalog card. */}
        <article
          aria-label={tp("adminCourses.preview.cardLabel")}
          className="flex flex-col gap-3 self-start rounded-lg border border-border bg-card p-5 shadow-sm"
        >
          <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
            <span className="font-mono">{values.code || "—"}</span>
            <span aria-hidden="true">·</span>
            <span>{label("categories", values.category)}</span>
          </div>
          <h3 className="text-lg leading-snug font-semibold">
            {title || (
              <span className="text-muted-foreground">{tp("adminCourses.preview.untitled")}</span>
            )}
          </h3>
          <p className="text-sm text-muted-foreground">
            {summary || tp("adminCourses.preview.noSummary")}
          </p>
          <div className="flex flex-wrap gap-1.5">
            <Badge variant="secondary">{label("levels", values.level)}</Badge>
            {values.requiresApproval ? (
              <Badge variant="warning">
                <ShieldCheck aria-hidden="true" />
                {tp("catalog.card.requiresApproval")}
              </Badge>
            ) : null}
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
            <dt className="flex items-center gap-1.5 text-muted-foreground">
              <Clock aria-hidden="true" className="size-4" />
              {tp("catalog.card.duration")}
            </dt>
            <dd>
              {days !== null && hours !== null
                ? tp("catalog.card.durationValue", { days, hours })
                : "—"}
            </dd>
            <dt className="flex items-center gap-1.5 text-muted-foreground">
              <Languages aria-hidden="true" className="size-4" />
              {tp("adminCourses.preview.languages")}
            </dt>
            <dd>
              {values.deliveryLanguages.length > 0
                ? values.deliveryLanguages.map((l) => tp(`adminCourses.languages.${l}`)).join(", ")
                : "—"}
            </dd>
            <dt className="text-muted-foreground">{tp("catalog.card.price")}</dt>
            <dd className="font-semibold tabular-nums">
              {price !== null ? formatKrw(price, lang) : "—"}
            </dd>
          </dl>
        </article>

        {/* The top of the course page. */}
        <div className="flex min-w-0 flex-col gap-4">
          <div className="flex flex-col gap-2">
            <h3 className="text-xl font-bold tracking-tight">
              {title || (
                <span className="text-muted-foreground">{tp("adminCourses.preview.untitled")}</span>
              )}
            </h3>
            {summary ? <p className="text-base text-muted-foreground">{summary}</p> : null}
          </div>
          <div className="flex flex-col gap-2">
            <h4 className="font-semibold">{tp("course.about")}</h4>
            {paragraphs.length > 0 ? (
              paragraphs.map((p, i) => (
                <p key={i} className="text-sm leading-relaxed whitespace-pre-line">
                  {p}
                </p>
              ))
            ) : (
              <p className="text-sm text-muted-foreground">
                {tp("adminCourses.preview.noDescription")}
              </p>
            )}
          </div>
          <div className="flex flex-col gap-2">
            <h4 className="font-semibold">{tp("course.outcomes")}</h4>
            {outcomes.length > 0 ? (
              <ul className="flex flex-col gap-1.5 text-sm">
                {outcomes.map((outcome, i) => (
                  <li key={i} className="flex gap-2">
                    <CheckCircle2
                      aria-hidden="true"
                      className="mt-0.5 size-4 shrink-0 text-primary"
                    />
                    <span>{outcome}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">
                {tp("adminCourses.preview.noOutcomes")}
              </p>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
