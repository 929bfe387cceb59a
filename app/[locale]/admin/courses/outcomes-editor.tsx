"use client";

import { ArrowDown, ArrowUp, Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MAX_OUTCOMES, OUTCOME_MAX_LENGTH } from "@/lib/courses/courses.schemas";

type Line = { key: number; text: string };

/**
 * The learning outcomes of one language, one input per line: add, remove and reorder lines;
 * Enter adds a line below. Every line is submitted under `name` (blank lines are dropped by
 * the schema). The inputs are controlled, so a failed save keeps them as typed.
 */
export function OutcomesEditor({
  name,
  lang,
  legend,
  description,
  initial,
  errors,
  onChange,
}: {
  name: "outcomesKo" | "outcomesEn";
  lang: "ko" | "en";
  legend: string;
  description: string;
  initial: string[];
  errors?: string[];
  onChange: (lines: string[]) => void;
}) {
  const t = useTranslations("adminCourses.editor.outcomes");
  const id = useId();
  const [lines, setLines] = useState<Line[]>(() =>
    (initial.length > 0 ? initial : [""]).map((text, key) => ({ key, text })),
  );
  /** A line with a key no current line has (keys keep React's inputs attached to their text). */
  const line = (text: string): Line => ({
    key: lines.reduce((max, l) => Math.max(max, l.key), -1) + 1,
    text,
  });
  const inputs = useRef(new Map<number, HTMLInputElement>());
  const focusLater = (key: number) => requestAnimationFrame(() => inputs.current.get(key)?.focus());

  const update = (next: Line[]) => {
    setLines(next);
    onChange(next.map((l) => l.text));
  };
  const insertAfter = (index: number) => {
    if (lines.length >= MAX_OUTCOMES) return;
    const added = line("");
    update([...lines.slice(0, index + 1), added, ...lines.slice(index + 1)]);
    focusLater(added.key);
  };
  const remove = (index: number) => {
    const next = lines.filter((_, i) => i !== index);
    const kept = next.length > 0 ? next : [line("")];
    update(kept);
    focusLater(kept[Math.min(index, kept.length - 1)]!.key);
  };
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= lines.length) return;
    const next = [...lines];
    [next[index], next[target]] = [next[target]!, next[index]!];
    update(next);
    focusLater(next[target]!.key);
  };
  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter would submit the whole form; here it starts the next outcome instead.
    if (event.key === "Enter" && !event.nativeEvent.isComposing) {
      event.preventDefault();
      insertAfter(index);
    }
  };

  const invalid = Boolean(errors && errors.length > 0);
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className="flex min-w-0 flex-col gap-2"
      aria-describedby={[descriptionId, invalid ? errorId : null].filter(Boolean).join(" ")}
    >
      <legend className="mb-1.5 text-sm leading-tight font-medium">
        {legend}
        <span aria-hidden="true" className="ml-0.5 text-destructive">
          *
        </span>
      </legend>
      <p id={descriptionId} className="-mt-1 text-sm text-muted-foreground">
        {description}
      </p>
      <ol className="flex flex-col gap-2">
        {lines.map((l, index) => {
          const label = t("line", { list: legend, number: index + 1 });
          return (
            <li key={l.key} className="flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className="w-5 shrink-0 text-right text-sm text-muted-foreground tabular-nums"
              >
                {index + 1}.
              </span>
              <Input
                ref={(el) => {
                  if (el) inputs.current.set(l.key, el);
                  else inputs.current.delete(l.key);
                }}
                name={name}
                lang={lang}
                aria-label={label}
                aria-invalid={invalid || undefined}
                value={l.text}
                maxLength={OUTCOME_MAX_LENGTH}
                onChange={(e) =>
                  update(lines.map((x, i) => (i === index ? { ...x, text: e.target.value } : x)))
                }
                onKeyDown={onKeyDown(index)}
              />
              <Button
                size="icon"
                variant="ghost"
                className="size-9"
                aria-label={t("moveUp", { line: label })}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                <ArrowUp aria-hidden="true" />
              </Button>
              <Button
                size="icon"
                variant="ghost"
                className="size-9"
                aria-label={t("moveDown", { line: label })}
                disabled={index === lines.length - 1}
                onClick={() => move(index, 1)}
              >
                <ArrowDown aria-hidden="true" />
              </Button>
              <Button
                size="icon"
                variant="ghost"
                className="size-9"
                aria-label={t("remove", { line: label })}
                onClick={() => remove(index)}
              >
                <X aria-hidden="true" />
              </Button>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          size="sm"
          variant="outline"
          onClick={() => insertAfter(lines.length - 1)}
          disabled={lines.length >= MAX_OUTCOMES}
          aria-label={t("addTo", { list: legend })}
        >
          <Plus aria-hidden="true" />
          {t("add")}
        </Button>
        <span className="text-xs text-muted-foreground">
          {t("count", { count: lines.filter((l) => l.text.trim()).length, max: MAX_OUTCOMES })}
        </span>
      </div>
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
