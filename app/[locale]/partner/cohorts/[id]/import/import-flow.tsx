"use client";

import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { LocaleSelectField } from "@/components/forms/locale-select-field";
import { ActionResultAlert, Alert } from "@/components/ui/alert";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { initialActionResult } from "@/lib/actions/action-result";
import { translateDescriptor, type KeyTranslator } from "@/lib/actions/zod-issues";
import {
  confirmImportAction,
  previewImportAction,
  type ImportPreviewState,
} from "@/lib/cohorts/cohorts.actions";
import type { ImportPreview, ImportRowReport } from "@/lib/cohorts/cohorts.service";
import type { ImportField, ImportOutcome } from "@/lib/cohorts/import";
import { IMPORT_ACCEPT, IMPORT_MAX_BYTES } from "@/lib/cohorts/cohorts.schemas";

const MAX_MB = IMPORT_MAX_BYTES / (1024 * 1024);
const OUTCOMES = [
  "added",
  "updated",
  "duplicate",
  "invalid",
] as const satisfies readonly ImportOutcome[];
const OUTCOME_BADGE: Record<ImportOutcome, BadgeVariant> = {
  added: "success",
  updated: "info",
  duplicate: "neutral",
  invalid: "danger",
};

/**
 * Upload → preview → confirm. The upload posts the file; the server answers with the report of
 * every row and a sealed copy of the rows it would apply, which the confirm form posts back.
 * Nothing is saved before the confirmation.
 */
export function ImportFlow({ cohortId }: { cohortId: string }) {
  const t = useTranslations("cohortImport.upload");
  const locale = useLocale();
  const [state, action] = useActionState<ImportPreviewState, FormData>(
    previewImportAction,
    initialActionResult,
  );
  // Said before the upload starts, so a file over the limit is not sent at all.
  const [tooLarge, setTooLarge] = useState(false);
  const fileErrors = tooLarge ? [t("fileTooLarge", { maxMb: MAX_MB })] : state.fieldErrors?.file;

  return (
    <div className="flex flex-col gap-8">
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <form
            action={action}
            noValidate
            className="flex flex-col gap-4"
            onSubmit={(event) => {
              if (tooLarge) event.preventDefault();
            }}
          >
            {tooLarge ? null : <ActionResultAlert state={state.ok ? null : state} />}
            <input type="hidden" name="cohortId" value={cohortId} />
            <FormField
              label={t("file")}
              description={t("fileHint", { maxMb: MAX_MB })}
              errors={fileErrors}
              required
            >
              <Input
                name="file"
                type="file"
                accept={[...IMPORT_ACCEPT, "text/csv"].join(",")}
                required
                className="h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-secondary file:px-3 file:py-1 file:text-secondary-foreground"
                onChange={(event) => {
                  const file = event.currentTarget.files?.[0];
                  setTooLarge(Boolean(file && file.size > IMPORT_MAX_BYTES));
                }}
              />
            </FormField>
            <LocaleSelectField
              label={t("locale")}
              description={t("localeHint")}
              errors={state.fieldErrors?.locale}
              defaultValue={state.values?.locale ?? locale}
            />
            <SubmitButton pendingLabel={t("submitting")} className="self-start">
              {t("submit")}
            </SubmitButton>
          </form>
        </CardContent>
      </Card>
      {state.ok && state.preview ? (
        // A new preview starts a new confirmation (its error, if any, belongs to the old one).
        <PreviewReport key={state.preview.sealed} cohortId={cohortId} preview={state.preview} />
      ) : null}
    </div>
  );
}

export function PreviewReport({ cohortId, preview }: { cohortId: string; preview: ImportPreview }) {
  const t = useTranslations("cohortImport.preview");
  const [shown, setShown] = useState<ImportOutcome | "all">("all");
  const rows = shown === "all" ? preview.rows : preview.rows.filter((r) => r.outcome === shown);
  const format =
    preview.format === "xlsx"
      ? t("formats.xlsx")
      : t("formats.csv", { encoding: t(`encodings.${preview.encoding ?? "utf-8"}`) });
  const formulaRows = preview.rows.filter((r) => r.formulaLike.length > 0).length;

  return (
    <section aria-labelledby="preview-heading" className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h2 id="preview-heading" className="text-xl font-semibold break-all">
          {t("title", { fileName: preview.fileName })}
        </h2>
        <p className="text-sm text-muted-foreground">{t("format", { format })}</p>
        {preview.ignoredColumns.length ? (
          <p className="text-sm text-muted-foreground">
            {t("ignoredColumns", { columns: preview.ignoredColumns.join(", ") })}
          </p>
        ) : null}
      </div>

      <h3 className="sr-only">{t("summaryLabel")}</h3>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {OUTCOMES.map((outcome) => (
          <div key={outcome} className="rounded-lg border border-border p-4">
            <dt>
              <Badge variant={OUTCOME_BADGE[outcome]}>{t(`counts.${outcome}`)}</Badge>
            </dt>
            <dd className="mt-2 text-2xl font-semibold tabular-nums">{preview.counts[outcome]}</dd>
          </div>
        ))}
      </dl>
      {preview.counts.added > 0 ? (
        <p className="text-sm">
          {t("welcomeSummary", { invited: preview.counts.invited, linked: preview.counts.linked })}
        </p>
      ) : null}
      {formulaRows > 0 ? (
        <Alert variant="info">{t("formulaNotice", { count: formulaRows })}</Alert>
      ) : null}

      <div role="group" aria-label={t("filterLabel")} className="flex flex-wrap gap-2">
        {(["all", ...OUTCOMES] as const).map((key) => (
          <Button
            key={key}
            size="sm"
            variant={shown === key ? "default" : "outline"}
            aria-pressed={shown === key}
            onClick={() => setShown(key)}
          >
            {key === "all" ? t("all") : t(`counts.${key}`)} (
            {key === "all" ? preview.rows.length : preview.counts[key]})
          </Button>
        ))}
      </div>

      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noRows")}</p>
      ) : (
        <Table>
          <TableCaption>
            {t("caption", { shown: rows.length, total: preview.rows.length })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead className="text-right">{t("columns.line")}</TableHead>
              <TableHead>{t("columns.outcome")}</TableHead>
              <TableHead>{t("columns.name")}</TableHead>
              <TableHead>{t("columns.email")}</TableHead>
              <TableHead>{t("columns.studentNumber")}</TableHead>
              <TableHead>{t("columns.department")}</TableHead>
              <TableHead>{t("columns.details")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.line}>
                <TableCell className="text-right tabular-nums">{row.line}</TableCell>
                <TableCell>
                  <Badge variant={OUTCOME_BADGE[row.outcome]}>{t(`counts.${row.outcome}`)}</Badge>
                </TableCell>
                {/* Cells are shown as text, exactly as read: nothing in them is evaluated. */}
                <TableCell className="break-words">{row.cells.name}</TableCell>
                <TableCell className="break-all">{row.cells.email}</TableCell>
                <TableCell>{row.cells.studentNumber}</TableCell>
                <TableCell>{row.cells.department}</TableCell>
                <TableCell className="min-w-56">
                  <RowDetails row={row} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <ConfirmImport cohortId={cohortId} preview={preview} />
    </section>
  );
}

function RowDetails({ row }: { row: ImportRowReport }) {
  const t = useTranslations("cohortImport.preview");
  const translate = useTranslations() as unknown as KeyTranslator;
  const field = (f: ImportField) => t(`fields.${f}`);
  const lines: string[] = [];
  for (const issue of row.issues) {
    lines.push(
      t("issue", {
        field: field(issue.field),
        message: translateDescriptor(translate, issue, "validation.invalid"),
      }),
    );
  }
  if (row.outcome === "duplicate")
    lines.push(
      row.duplicateOfLine
        ? t("duplicateInFile", { line: row.duplicateOfLine })
        : t("duplicateInCohort"),
    );
  for (const change of row.changes ?? [])
    lines.push(
      t("change", {
        field: field(change.field),
        from: change.from ?? t("emptyValue"),
        to: change.to,
      }),
    );
  if (row.welcome) lines.push(t(`welcome.${row.welcome}`));
  if (row.formulaLike.length)
    lines.push(t("formulaLike", { fields: row.formulaLike.map(field).join(", ") }));
  if (lines.length === 0) return null;
  return (
    <ul className="flex flex-col gap-0.5 text-xs">
      {lines.map((line, i) => (
        <li
          key={i}
          className={
            row.outcome === "invalid" && i < row.issues.length
              ? "font-medium text-destructive"
              : undefined
          }
        >
          {line}
        </li>
      ))}
    </ul>
  );
}

function ConfirmImport({ cohortId, preview }: { cohortId: string; preview: ImportPreview }) {
  const t = useTranslations("cohortImport.preview");
  const [state, action] = useActionState(confirmImportAction, initialActionResult);
  const count = preview.counts.added + preview.counts.updated;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">{t("confirmTitle")}</CardTitle>
        <CardDescription>{t("confirmHint")}</CardDescription>
      </CardHeader>
      <CardContent>
        {count === 0 ? (
          <Alert variant="warning">{t("nothingToImport")}</Alert>
        ) : (
          <form action={action} noValidate className="flex flex-col gap-4">
            <ActionResultAlert state={state} />
            <input type="hidden" name="cohortId" value={cohortId} />
            <input type="hidden" name="preview" value={preview.sealed} />
            <SubmitButton pendingLabel={t("confirming")} className="self-start">
              {t("confirm", { count })}
            </SubmitButton>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
