import "server-only";
import { serverTranslator } from "@/lib/actions/translator";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { AppLocale } from "@/lib/i18n/routing";
import { seoulWallClock } from "@/lib/sessions/seoul-time";
import {
  toCsv,
  toXlsx,
  type SpreadsheetCell,
  type SpreadsheetTable,
} from "@/lib/rosters/spreadsheet";
import {
  listAllMemberProgress,
  type MemberEnrollmentProgress,
  type MemberProgress,
} from "@/lib/cohorts/partner-dashboard.queries";
import type { PartnerDashboardQuery } from "@/lib/cohorts/partner-dashboard.schemas";

/**
 * The partner dashboard's member table as a spreadsheet: one row per member and cohort-seat
 * enrollment (a member without one gets one row), labels in the viewer's language, days in
 * Seoul. Written by lib/rosters/spreadsheet.ts, which neutralizes formula-like text in every
 * cell (names and student numbers come from partners' own spreadsheets).
 */

export type ExportFormat = "csv" | "xlsx";

const day = (value: Date | null) => (value ? seoulWallClock(value).date : null);

export function memberProgressTable(members: MemberProgress[], locale: AppLocale): SpreadsheetTable {
  const t = serverTranslator(locale);
  const c = (key: string) => t(`partnerDashboard.export.columns.${key}`);
  const header = [
    c("organization"),
    c("cohort"),
    c("name"),
    c("email"),
    c("studentNumber"),
    c("department"),
    c("account"),
    c("joinedOn"),
    c("courseCode"),
    c("course"),
    c("startsOn"),
    c("status"),
    c("attended"),
    c("absent"),
    c("meetingsHeld"),
    c("meetings"),
    c("completion"),
    c("certificate"),
    c("certificateIssuedOn"),
    c("certificateHours"),
  ];
  const completion = (e: MemberEnrollmentProgress) =>
    e.status === "COMPLETED" || e.status === "NO_SHOW"
      ? t(`partnerDashboard.completion.${e.status}`)
      : null;
  const certificate = (e: MemberEnrollmentProgress) =>
    e.certificate
      ? e.certificate.revoked
        ? t("partnerDashboard.export.revoked", { code: e.certificate.code })
        : e.certificate.code
      : null;
  const rows = members.flatMap((m): SpreadsheetCell[][] => {
    const person: SpreadsheetCell[] = [
      m.organizationName,
      m.cohortName,
      m.name,
      m.email,
      m.studentNumber,
      m.department,
      t(`partnerDashboard.account.${m.account}`),
      day(m.joinedAt),
    ];
    if (m.enrollments.length === 0) return [[...person, ...Array<SpreadsheetCell>(12).fill(null)]];
    return m.enrollments.map((e) => [
      ...person,
      e.courseCode,
      e.courseTitle,
      day(e.startsAt),
      t(`myEnrollments.enrollmentStatus.${e.status}`),
      e.attended,
      e.absent,
      e.meetingsHeld,
      e.meetings,
      completion(e),
      certificate(e),
      day(e.certificate?.issuedAt ?? null),
      e.certificate && !e.certificate.revoked ? e.certificate.hours : null,
    ]);
  });
  return { header, rows };
}

export type MemberExportFile = { filename: string; contentType: string; body: string | Buffer };

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The export of the members `actor` may see (the dashboard's scope and filters). */
export async function buildMemberProgressExport(
  actor: CurrentUser,
  query: Pick<PartnerDashboardQuery, "organizationId" | "cohortId">,
  locale: AppLocale,
  format: ExportFormat,
  now: Date = new Date(),
): Promise<MemberExportFile> {
  const members = await listAllMemberProgress(actor, query, locale, now);
  const table = memberProgressTable(members, locale);
  const body =
    format === "csv"
      ? toCsv(table)
      : await toXlsx(table, serverTranslator(locale)("partnerDashboard.export.sheetName"));
  return {
    filename: `partner-members_${seoulWallClock(now).date}.${format}`,
    contentType: CONTENT_TYPES[format],
    body,
  };
}
