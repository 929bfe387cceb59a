import { ArrowLeft } from "lucide-react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { getCohort } from "@/lib/cohorts/cohorts.queries";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/cohorts/cohorts.schemas";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { ImportFlow } from "./import-flow";

export const generateMetadata = translatedMetadata("cohortImport");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

/** The columns the reader recognises, with the Korean and English titles it accepts first. */
const COLUMNS = [
  { field: "name", titles: "이름 · name", required: true },
  { field: "email", titles: "이메일 · email", required: true },
  { field: "studentNumber", titles: "학번 · student number", required: false },
  { field: "department", titles: "학과 · department", required: false },
  { field: "locale", titles: "언어 · language", required: false },
] as const;

export default async function ImportMembersPage({
  params,
}: PageProps<"/[locale]/partner/cohorts/[id]/import">) {
  const { locale, user } = await openProtectedPage(params, "cohort:manage:own-org");
  const { id } = await params;
  const [cohort, t, tDetail] = await Promise.all([
    getCohort(user, id, locale),
    getTranslations({ locale, namespace: "cohortImport" }),
    getTranslations({ locale, namespace: "cohorts.detail" }),
  ]);
  if (!cohort) notFound();

  return (
    <PageShell
      eyebrow={cohort.name}
      title={t("title")}
      actions={
        <LinkButton href={`/partner/cohorts/${cohort.id}`} variant="outline" icon={ArrowLeft}>
          {t("back")}
        </LinkButton>
      }
    >
      {cohort.archivedAt ? (
        <Alert variant="warning">{tDetail("archivedNotice")}</Alert>
      ) : (
        <div className="flex flex-col gap-8">
          <section aria-labelledby="import-how" className="flex flex-col gap-4">
            <h2 id="import-how" className="text-xl font-semibold">
              {t("howTitle")}
            </h2>
            <p className="max-w-3xl text-sm">{t("howIntro")}</p>
            <Table>
              <TableCaption>{t("columnsCaption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("columnHeader")}</TableHead>
                  <TableHead>{t("columnRequired")}</TableHead>
                  <TableHead>{t("columnNote")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {COLUMNS.map((column) => (
                  <TableRow key={column.field}>
                    <TableCell className="font-medium whitespace-nowrap">{column.titles}</TableCell>
                    <TableCell>
                      <Badge variant={column.required ? "default" : "neutral"}>
                        {column.required ? t("required") : t("optional")}
                      </Badge>
                    </TableCell>
                    <TableCell>{t(`columnNotes.${column.field}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <ul className="flex max-w-3xl list-disc flex-col gap-1 pl-5 text-sm text-muted-foreground">
              <li>
                {t("limits", {
                  maxMb: IMPORT_MAX_BYTES / (1024 * 1024),
                  maxRows: IMPORT_MAX_ROWS.toLocaleString(locale === "ko" ? "ko-KR" : "en-US"),
                })}
              </li>
              <li>{t("emptyCellsNote")}</li>
              <li>{t("formulaNote")}</li>
              <li>{t("nothingSavedNote")}</li>
            </ul>
          </section>
          <ImportFlow cohortId={cohort.id} />
        </div>
      )}
    </PageShell>
  );
}
