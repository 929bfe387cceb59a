"use client";

import { Wand2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactElement } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/action-result";
import {
  COURSE_CATEGORIES,
  COURSE_LEVELS,
  DELIVERY_LANGUAGES,
} from "@/lib/courses/catalog.schemas";
import type { PrerequisiteOption } from "@/lib/courses/courses.queries";
import {
  COURSE_CODE_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  SLUG_MAX_LENGTH,
  SUMMARY_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  slugify,
} from "@/lib/courses/courses.schemas";
import { isAppLocale, type AppLocale } from "@/lib/i18n/routing";
import { CoursePreview, type CoursePreviewValues, type PreviewMessages } from "./course-preview";
import { OutcomesEditor } from "./outcomes-editor";
import type { CourseEditorValues } from "./editor-values";
import { PrerequisitePicker } from "./prerequisite-picker";

type TextField =
  | "code"
  | "slug"
  | "titleKo"
  | "titleEn"
  | "summaryKo"
  | "summaryEn"
  | "descriptionKo"
  | "descriptionEn"
  | "durationDays"
  | "durationHours"
  | "listPriceKrw"
  | "defaultCapacity"
  | "completionMinAttendancePct";

/**
 * Create or edit a course: both languages side by side, a live preview in either language, the
 * catalog settings and the prerequisites. One form, one server action; on a refused save every
 * field keeps what was typed (text inputs are controlled; selects and checkboxes take the
 * echoed values as their defaults, which React's form reset returns them to).
 */
export function CourseEditor({
  action,
  courseId,
  initial,
  prerequisiteOptions,
  previewMessages,
}: {
  /** createCourseAction or updateCourseAction (lib/courses/courses.actions.ts), from the page. */
  action: (previous: ActionResult, formData: FormData) => Promise<ActionResult>;
  /** Absent for a new course. */
  courseId?: string;
  initial: CourseEditorValues;
  prerequisiteOptions: PrerequisiteOption[];
  previewMessages: PreviewMessages;
}) {
  const editing = Boolean(courseId);
  return (
    <ActionForm
      action={action}
      messages="adminCourses.editor"
      submitKeys={
        editing ? { label: "save", pending: "saving" } : { label: "create", pending: "creating" }
      }
      submitClassName="self-start"
    >
      {(state) => (
        <CourseFields
          state={state}
          courseId={courseId}
          initial={initial}
          prerequisiteOptions={prerequisiteOptions}
          previewMessages={previewMessages}
        />
      )}
    </ActionForm>
  );
}

/** "a,b" (how a checkbox group is echoed) → ["a", "b"]. */
const echoedList = (value: string | undefined) => (value ? value.split(",").filter(Boolean) : []);

function CourseFields({
  state,
  courseId,
  initial,
  prerequisiteOptions,
  previewMessages,
}: {
  state: ActionResult;
  courseId?: string;
  initial: CourseEditorValues;
  prerequisiteOptions: PrerequisiteOption[];
  previewMessages: PreviewMessages;
}) {
  const t = useTranslations("adminCourses");
  // Topic and level names are the public catalog's, so both sides call them the same.
  const tCatalog = useTranslations("catalog");
  const uiLocale = useLocale();
  const locale: AppLocale = isAppLocale(uiLocale) ? uiLocale : "ko";
  const errors = state.fieldErrors ?? {};
  // After a submit, the echoed values are what the uncontrolled controls were left at.
  const echoed = state.values && Object.keys(state.values).length > 0 ? state.values : null;
  const defaults = {
    category: echoed ? (echoed.category ?? "") : initial.category,
    level: echoed ? (echoed.level ?? "") : initial.level,
    deliveryLanguages: echoed ? echoedList(echoed.deliveryLanguages) : initial.deliveryLanguages,
    requiresApproval: echoed ? echoed.requiresApproval === "on" : initial.requiresApproval,
    prerequisiteIds: echoed ? echoedList(echoed.prerequisiteIds) : initial.prerequisiteIds,
  };

  const [text, setText] = useState<Record<TextField, string>>(() => ({
    code: initial.code,
    slug: initial.slug,
    titleKo: initial.titleKo,
    titleEn: initial.titleEn,
    summaryKo: initial.summaryKo,
    summaryEn: initial.summaryEn,
    descriptionKo: initial.descriptionKo,
    descriptionEn: initial.descriptionEn,
    durationDays: initial.durationDays,
    durationHours: initial.durationHours,
    listPriceKrw: initial.listPriceKrw,
    defaultCapacity: initial.defaultCapacity,
    completionMinAttendancePct: initial.completionMinAttendancePct,
  }));
  // A new course's slug follows the English title until someone edits it; a stored course's
  // slug is its public address and changes only on purpose.
  const [slugFollowsTitle, setSlugFollowsTitle] = useState(!courseId && !initial.slug);
  const [outcomes, setOutcomes] = useState({ ko: initial.outcomesKo, en: initial.outcomesEn });
  const [choices, setChoices] = useState({
    category: defaults.category,
    level: defaults.level,
    deliveryLanguages: defaults.deliveryLanguages,
    requiresApproval: defaults.requiresApproval,
  });

  const set = (field: TextField) => (value: string) =>
    setText((current) => {
      const next = { ...current, [field]: value };
      if (field === "titleEn" && slugFollowsTitle) next.slug = slugify(value);
      return next;
    });
  const bind = (field: TextField) => ({
    name: field,
    value: text[field],
    onChange: (e: { target: { value: string } }) => set(field)(e.target.value),
  });

  // After a refused save, take the reader to the first field to fix.
  const anchor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.ok || !state.fieldErrors) return;
    const form = anchor.current?.closest("form");
    form
      ?.querySelector<HTMLElement>(
        'input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"]',
      )
      ?.focus();
  }, [state]);

  const preview: CoursePreviewValues = {
    code: text.code.toUpperCase(),
    titleKo: text.titleKo,
    titleEn: text.titleEn,
    summaryKo: text.summaryKo,
    summaryEn: text.summaryEn,
    descriptionKo: text.descriptionKo,
    descriptionEn: text.descriptionEn,
    outcomesKo: outcomes.ko,
    outcomesEn: outcomes.en,
    category: choices.category,
    level: choices.level,
    durationDays: text.durationDays,
    durationHours: text.durationHours,
    deliveryLanguages: choices.deliveryLanguages,
    listPriceKrw: text.listPriceKrw,
    requiresApproval: choices.requiresApproval,
  };

  const bilingual = (
    label: "title" | "summary" | "description",
    render: (lang: "ko" | "en", field: TextField) => ReactElement,
  ) =>
    (["ko", "en"] as const).map((lang) => {
      const field = `${label}${lang === "ko" ? "Ko" : "En"}` as TextField;
      return (
        <FormField
          key={field}
          label={t(`editor.fields.${label}`, { language: t(`languages.${lang}`) })}
          description={t.has(`editor.hints.${label}`) ? t(`editor.hints.${label}`) : undefined}
          errors={errors[field]}
          required
        >
          {render(lang, field)}
        </FormField>
      );
    });

  return (
    <div ref={anchor} className="flex flex-col gap-6">
      {courseId ? <input type="hidden" name="courseId" value={courseId} /> : null}

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("editor.contentTitle")}</CardTitle>
          <CardDescription>{t("editor.contentHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <div className="grid gap-x-6 gap-y-5 md:grid-cols-2">
            {/* Column heads for sighted readers; every label names its language itself. */}
            <p
              aria-hidden="true"
              lang="ko"
              className="hidden border-b border-border pb-2 text-sm font-semibold md:block"
            >
              한국어
            </p>
            <p
              aria-hidden="true"
              lang="en"
              className="hidden border-b border-border pb-2 text-sm font-semibold md:block"
            >
              English
            </p>
            {bilingual("title", (lang, field) => (
              <Input lang={lang} maxLength={TITLE_MAX_LENGTH} required {...bind(field)} />
            ))}
            {bilingual("summary", (lang, field) => (
              <Textarea
                lang={lang}
                rows={3}
                maxLength={SUMMARY_MAX_LENGTH}
                required
                {...bind(field)}
              />
            ))}
            {bilingual("description", (lang, field) => (
              <Textarea
                lang={lang}
                rows={9}
                maxLength={DESCRIPTION_MAX_LENGTH}
                required
                {...bind(field)}
              />
            ))}
            {(["ko", "en"] as const).map((lang) => {
              const name = lang === "ko" ? "outcomesKo" : "outcomesEn";
              const lineErrors = Object.entries(errors)
                .filter(([key]) => key === name || key.startsWith(`${name}.`))
                .flatMap(([, messages]) => messages);
              return (
                <OutcomesEditor
                  key={name}
                  name={name}
                  lang={lang}
                  legend={t("editor.fields.outcomes", { language: t(`languages.${lang}`) })}
                  description={t("editor.hints.outcomes")}
                  initial={lang === "ko" ? initial.outcomesKo : initial.outcomesEn}
                  errors={lineErrors.length > 0 ? [...new Set(lineErrors)] : undefined}
                  onChange={(lines) => setOutcomes((current) => ({ ...current, [lang]: lines }))}
                />
              );
            })}
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardContent>
          <CoursePreview values={preview} messages={previewMessages} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("editor.catalogTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-5 md:grid-cols-2">
          <FormField
            label={t("editor.fields.code")}
            description={t("editor.hints.code")}
            errors={errors.code}
            required
          >
            <Input
              name="code"
              value={text.code}
              onChange={(e) => set("code")(e.target.value.toUpperCase())}
              maxLength={COURSE_CODE_MAX_LENGTH}
              autoCapitalize="characters"
              spellCheck={false}
              className="font-mono"
              required
            />
          </FormField>
          <div className="flex flex-col gap-2">
            <FormField
              label={t("editor.fields.slug")}
              description={t("editor.hints.slug", {
                path: `/${locale}/courses/${text.slug || "…"}`,
              })}
              errors={errors.slug}
              required
            >
              <Input
                name="slug"
                value={text.slug}
                onChange={(e) => {
                  setSlugFollowsTitle(false);
                  set("slug")(e.target.value.toLowerCase());
                }}
                maxLength={SLUG_MAX_LENGTH}
                spellCheck={false}
                autoCapitalize="none"
                className="font-mono"
                required
              />
            </FormField>
            <Button
              size="sm"
              variant="outline"
              className="self-start"
              disabled={!slugify(text.titleEn)}
              onClick={() => {
                setSlugFollowsTitle(!courseId);
                set("slug")(slugify(text.titleEn));
              }}
            >
              <Wand2 aria-hidden="true" />
              {t("editor.generateSlug")}
            </Button>
          </div>
          <FormField label={t("editor.fields.category")} errors={errors.category} required>
            <Select
              // React applies a select's defaultValue only when it mounts: a new key remounts it
              // with the echoed choice, which the form reset after the action then keeps.
              key={`category-${defaults.category}`}
              name="category"
              defaultValue={defaults.category}
              onChange={(e) => setChoices((c) => ({ ...c, category: e.target.value }))}
              required
            >
              <option value="">{t("editor.choose")}</option>
              {COURSE_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {tCatalog(`categories.${category}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("editor.fields.level")} errors={errors.level} required>
            <Select
              key={`level-${defaults.level}`}
              name="level"
              defaultValue={defaults.level}
              onChange={(e) => setChoices((c) => ({ ...c, level: e.target.value }))}
              required
            >
              <option value="">{t("editor.choose")}</option>
              {COURSE_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {tCatalog(`levels.${level}`)}
                </option>
              ))}
            </Select>
          </FormField>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("editor.enrollmentTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-5 md:grid-cols-2">
          <FormField label={t("editor.fields.durationDays")} errors={errors.durationDays} required>
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              max={60}
              required
              {...bind("durationDays")}
            />
          </FormField>
          <FormField
            label={t("editor.fields.durationHours")}
            description={t("editor.hints.durationHours")}
            errors={errors.durationHours}
            required
          >
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              max={500}
              required
              {...bind("durationHours")}
            />
          </FormField>
          <FormField
            label={t("editor.fields.listPriceKrw")}
            description={t("editor.hints.listPriceKrw")}
            errors={errors.listPriceKrw}
            required
          >
            <Input
              type="number"
              inputMode="numeric"
              min={0}
              step={1000}
              required
              {...bind("listPriceKrw")}
            />
          </FormField>
          <FormField
            label={t("editor.fields.defaultCapacity")}
            description={t("editor.hints.defaultCapacity")}
            errors={errors.defaultCapacity}
            required
          >
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              max={200}
              required
              {...bind("defaultCapacity")}
            />
          </FormField>
          <FormField
            label={t("editor.fields.completionMinAttendancePct")}
            description={t("editor.hints.completionMinAttendancePct")}
            errors={errors.completionMinAttendancePct}
            required
          >
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              required
              {...bind("completionMinAttendancePct")}
            />
          </FormField>
          <LanguageChoice
            legend={t("editor.fields.deliveryLanguages")}
            defaultSelected={defaults.deliveryLanguages}
            errors={errors.deliveryLanguages}
            onChange={(deliveryLanguages) => setChoices((c) => ({ ...c, deliveryLanguages }))}
          />
          <FormField
            label={t("editor.fields.requiresApproval")}
            description={t("editor.hints.requiresApproval")}
            errors={errors.requiresApproval}
            orientation="horizontal"
            className="md:col-span-2"
          >
            <Checkbox
              name="requiresApproval"
              defaultChecked={defaults.requiresApproval}
              onChange={(e) => setChoices((c) => ({ ...c, requiresApproval: e.target.checked }))}
            />
          </FormField>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("editor.prerequisites.legend")}</CardTitle>
        </CardHeader>
        <CardContent>
          <PrerequisitePicker
            options={prerequisiteOptions}
            defaultSelected={defaults.prerequisiteIds}
            locale={locale}
            errors={errors.prerequisiteIds}
          />
        </CardContent>
      </Card>
    </div>
  );
}

/** The delivery languages as a checkbox group (`deliveryLanguages`), at least one. */
function LanguageChoice({
  legend,
  defaultSelected,
  errors,
  onChange,
}: {
  legend: string;
  defaultSelected: string[];
  errors?: string[];
  onChange: (languages: string[]) => void;
}) {
  const t = useTranslations("adminCourses");
  const [selected, setSelected] = useState(defaultSelected);
  const invalid = Boolean(errors && errors.length > 0);
  return (
    <fieldset
      className="flex flex-col gap-2"
      aria-describedby={invalid ? "delivery-languages-error" : undefined}
    >
      <legend className="mb-1.5 text-sm leading-tight font-medium">
        {legend}
        <span aria-hidden="true" className="ml-0.5 text-destructive">
          *
        </span>
      </legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {DELIVERY_LANGUAGES.map((lang) => (
          <label key={lang} className="flex items-center gap-2 text-sm">
            <Checkbox
              name="deliveryLanguages"
              value={lang}
              defaultChecked={defaultSelected.includes(lang)}
              aria-invalid={invalid || undefined}
              onChange={(e) => {
                const next = e.target.checked
                  ? DELIVERY_LANGUAGES.filter((l) => l === lang || selected.includes(l))
                  : selected.filter((l) => l !== lang);
                setSelected(next);
                onChange(next);
              }}
            />
            {t(`languages.${lang}`)}
          </label>
        ))}
      </div>
      <div id="delivery-languages-error" aria-live="polite">
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
