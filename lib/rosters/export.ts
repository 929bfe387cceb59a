import "server-only";
import { serverTranslator } from "@/lib/actions/translator";
import type { CurrentUser } from "@/lib/auth/current-user";
import { TIME_ZONE } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/routing";
import { getRoster, type Roster } from "@/lib/rosters/rosters.queries";
import {
  toCsv,
  toXlsx,
  type SpreadsheetCell,
  type SpreadsheetTable,
} from "@/lib/rosters/spreadsheet";

/**
 * The roster as a spreadsheet (CSV or XLSX) for the center's office: one row per enrollment of
 * the session, labels in the viewer's language, times in Seoul. Both formats are built from the
 * same table by lib/rosters/spreadsheet.ts, which neutralizes formula-like text in every cell.
 */

export type ExportFormat = "csv" | "xlsx";

/** "2026-05-01 09:00" in Seoul: sorts as text, reads the same in both languages. */
function seoulTimestamp(value: Date): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(value);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** "2026-05-01", the Seoul calendar day. */
function seoulDate(value: Date): string {
  return seoulTimestamp(value).slice(0, 10);
}

/** The roster's cells, labelled in `locale`. */
export function rosterTable(roster: Roster, locale: AppLocale): SpreadsheetTable {
  const t = serverTranslator(locale);
  const header = [
    t("roster.columns.name"),
    t("roster.columns.email"),
    t("roster.columns.organization"),
    t("roster.columns.status"),
    t("roster.columns.source"),
    t("roster.columns.waitlistPosition"),
    t("roster.columns.paymentStatus"),
    t("roster.columns.invoiceRef"),
    t("roster.export.enrolledAtSeoul"),
  ];
  const rows = roster.rows.map((row): SpreadsheetCell[] => [
    row.name,
    row.email,
    row.organization,
    t(`roster.status.${row.status}`),
    t(`roster.source.${row.source}`),
    row.waitlistPosition,
    t(`roster.payment.${row.paymentStatus}`),
    row.invoiceRef,
    seoulTimestamp(row.enrolledAt),
  ]);
  return { header, rows };
}

/** `FT-DSP-201_2026-05-01_roster.csv`: the course code and the session's first day in Seoul. */
export function rosterFilename(roster: Roster, format: ExportFormat, now: Date = new Date()): string {
  const code = roster.session.course.code.replace(/[^A-Za-z0-9._-]/g, "_");
  const day = seoulDate(roster.session.startsAt ?? now);
  return `${code}_${day}_roster.${format}`;
}

export type RosterExportFile = { filename: string; contentType: string; body: string | Buffer };

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * The export of a session's roster as `actor` may see it (the roster query's scope), or null
 * when the session does not exist or is outside that scope.
 */
export async function buildRosterExport(
  actor: CurrentUser,
  sessionId: string,
  locale: AppLocale,
  format: ExportFormat,
): Promise<RosterExportFile | null> {
  const roster = await getRoster(actor, sessionId, locale);
  if (!roster) return null;
  const table = rosterTable(roster, locale);
  const body =
    format === "csv"
      ? toCsv(table)
      : await toXlsx(table, serverTranslator(locale)("roster.export.sheetName"));
  return { filename: rosterFilename(roster, format), contentType: CONTENT_TYPES[format], body };
}
