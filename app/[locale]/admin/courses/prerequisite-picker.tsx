"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { PrerequisiteOption } from "@/lib/courses/courses.queries";
import type { AppLocale } from "@/lib/i18n/routing";

/**
 * Prerequisites as a filterable checkbox list (`prerequisiteIds`). Courses that already depend
 * on this one are offered disabled with the reason: choosing them would make a loop (the
 * server refuses it too). Filtering only hides rows, so hidden choices are still submitted.
 * The boxes are uncontrolled (`defaultChecked` from the last submission) because React's form
 * reset after an action does not spare controlled checkboxes.
 */
export function PrerequisitePicker({
  options,
  defaultSelected,
  locale,
  errors,
}: {
  options: PrerequisiteOption[];
  defaultSelected: string[];
  locale: AppLocale;
  errors?: string[];
}) {
  const t = useTranslations("adminCourses.editor.prerequisites");
  const id = useId();
  const [filter, setFilter] = useState("");
  const [selected, setSelected] = useState(() => new Set(defaultSelected));
  const needle = filter.trim().toLowerCase();
  const matches = (o: PrerequisiteOption) =>
    !needle || [o.code, o.titleKo, o.titleEn].some((s) => s.toLowerCase().includes(needle));
  const visible = options.filter(matches).length;
  const invalid = Boolean(errors && errors.length > 0);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  return (
    <fieldset
      className="flex min-w-0 flex-col gap-3"
      aria-describedby={[hintId, invalid ? errorId : null].filter(Boolean).join(" ")}
    >
      <legend className="sr-only">{t("legend")}</legend>
      <p id={hintId} className="text-sm text-muted-foreground">
        {t("hint")}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex w-full flex-col gap-1.5 sm:w-72">
          <Label htmlFor={`${id}-filter`}>{t("filter")}</Label>
          <Input
            id={`${id}-filter`}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            // Enter in the filter must not submit the course.
            onKeyDown={(e) => {
              if (e.key === "Enter") e.preventDefault();
            }}
          />
        </div>
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {t("selectedCount", { count: selected.size })}
          {needle ? ` · ${t("shownCount", { count: visible })}` : null}
        </p>
      </div>
      {options.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("none")}</p>
      ) : (
        <ul className="flex max-h-80 flex-col divide-y divide-border overflow-y-auto rounded-md border border-border">
          {options.map((option) => {
            const checkboxId = `${id}-${option.id}`;
            const title = locale === "en" ? option.titleEn : option.titleKo;
            const blocked = option.dependsOnCourse && !selected.has(option.id);
            return (
              <li
                key={option.id}
                hidden={!matches(option)}
                className="flex items-start gap-2.5 px-3 py-2.5"
              >
                <Checkbox
                  id={checkboxId}
                  name="prerequisiteIds"
                  value={option.id}
                  className="mt-0.5"
                  defaultChecked={defaultSelected.includes(option.id)}
                  disabled={blocked}
                  aria-describedby={blocked ? `${checkboxId}-why` : undefined}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.target.checked) next.add(option.id);
                    else next.delete(option.id);
                    setSelected(next);
                  }}
                />
                <Label
                  htmlFor={checkboxId}
                  className="flex flex-wrap items-center gap-x-2 gap-y-1 font-normal"
                >
                  <span className="font-mono text-xs text-muted-foreground">{option.code}</span>
                  <span>{title}</span>
                  {option.archived ? <Badge variant="warning">{t("archived")}</Badge> : null}
                </Label>
                {blocked ? (
                  <span id={`${checkboxId}-why`} className="ml-auto text-xs text-muted-foreground">
                    {t("dependsOnCourse")}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <div id={errorId} aria-live="polite">
        {invalid ? (
          <ul className="flex flex-col gap-0.5 text-sm font-medium text-destructive">
            {errors!.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </fieldset>
  );
}
