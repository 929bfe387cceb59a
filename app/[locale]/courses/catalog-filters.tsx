import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import {
  CATALOG_SORTS,
  catalogSearchParams,
  COURSE_CATEGORIES,
  COURSE_LEVELS,
  DELIVERY_LANGUAGES,
  hasAnyFilter,
  SEARCH_MAX_LENGTH,
  type CatalogQuery,
} from "@/lib/courses/catalog.schemas";
import { formatMonth } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { cn } from "@/lib/utils";
import type { AppLocale } from "@/lib/i18n/routing";
import { CatalogFilterForm } from "./catalog-filter-form";

/** Search, filters and sort of the catalog: a plain GET form (see CatalogFilterForm). */
export function CatalogFilters({
  query,
  months,
  locale,
}: {
  query: CatalogQuery;
  months: string[];
  locale: AppLocale;
}) {
  const t = useTranslations("catalog.filters");
  const tc = useTranslations("catalog");
  // A bookmarked month that has no session left still shows as chosen.
  const monthOptions = query.month && !months.includes(query.month) ? [query.month, ...months] : months;
  const sorts = CATALOG_SORTS.filter((sort) => sort !== "relevance" || query.q);
  return (
    <CatalogFilterForm
      // A new query (a link, back/forward) remounts the form, so its fields show that query.
      key={new URLSearchParams(catalogSearchParams(query, { page: 1 })).toString()}
      action={`/${locale}/courses`}
      role="search"
      aria-label={t("label")}
      className="flex flex-col gap-4 rounded-lg border border-border bg-card p-4 shadow-sm sm:p-5"
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="catalog-q">{t("search")}</Label>
        <div className="flex gap-2">
          <Input
            id="catalog-q"
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            maxLength={SEARCH_MAX_LENGTH}
            placeholder={t("searchPlaceholder")}
            aria-describedby="catalog-q-hint"
            enterKeyHint="search"
          />
          <Button type="submit" className="shrink-0">
            <Search aria-hidden="true" />
            <span className="max-sm:sr-only">{t("submit")}</span>
          </Button>
        </div>
        <p id="catalog-q-hint" className="text-xs text-muted-foreground">
          {t("searchHint")}
        </p>
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <FilterSelect id="catalog-category" name="category" label={t("category")} value={query.category}>
          <option value="">{t("anyCategory")}</option>
          {COURSE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {tc(`categories.${c}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="catalog-level" name="level" label={t("level")} value={query.level}>
          <option value="">{t("anyLevel")}</option>
          {COURSE_LEVELS.map((l) => (
            <option key={l} value={l}>
              {tc(`levels.${l}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="catalog-language" name="language" label={t("language")} value={query.language}>
          <option value="">{t("anyLanguage")}</option>
          {DELIVERY_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {tc(`languages.${l}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="catalog-month" name="month" label={t("month")} value={query.month}>
          <option value="">{t("anyMonth")}</option>
          {monthOptions.map((m) => (
            <option key={m} value={m}>
              {formatMonth(m, locale)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id="catalog-sort"
          name="sort"
          label={t("sort")}
          value={query.sort}
          className="col-span-2 lg:col-span-1"
        >
          {sorts.map((s) => (
            <option key={s} value={s}>
              {tc(`sort.${s}`)}
            </option>
          ))}
        </FilterSelect>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2.5">
          <Checkbox id="catalog-seats" name="seats" value="1" defaultChecked={query.hasSeats} />
          <Label htmlFor="catalog-seats">{t("seats")}</Label>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {hasAnyFilter(query) ? (
            <Button asChild variant="ghost">
              <Link href="/courses">
                <X aria-hidden="true" />
                {t("clear")}
              </Link>
            </Button>
          ) : null}
          <Button type="submit" variant="outline">
            {t("apply")}
          </Button>
        </div>
      </div>
    </CatalogFilterForm>
  );
}

function FilterSelect({
  id,
  name,
  label,
  value,
  className,
  children,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("flex min-w-0 flex-col gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} name={name} defaultValue={value ?? ""}>
        {children}
      </Select>
    </div>
  );
}
