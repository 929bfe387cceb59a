import "server-only";
import { parseString } from "@fast-csv/parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { ValidationError } from "@/lib/errors";
import { describeIssue } from "@/lib/actions/zod-issues";
import type { AppLocale } from "@/lib/i18n/routing";
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  memberRowSchema,
  type MemberRow,
} from "@/lib/cohorts/cohorts.schemas";

/**
 * Reading a member list from a spreadsheet: file type and text encoding, the header row in
 * Korean or English, each row validated with the same rules as the member form, and the
 * classification of every row against the cohort (added, updated, duplicate, invalid).
 *
 * No database and no clock: the service hands in the file and the cohort's current members,
 * and gets back a report it can show as a preview and apply later. File-level problems (too
 * big, unreadable, no name/email columns, too many rows) refuse the whole file with a
 * ValidationError on the `file` field; row-level problems only mark that row invalid.
 *
 * Spreadsheet formulas are never evaluated: a CSV cell is text by nature, and an XLSX formula
 * cell is read as its formula text (`=…`), not as the value Excel last computed. Such text is
 * stored as it is and flagged in the preview; React escapes it when shown, and exports
 * neutralize it (a leading `'`) before a spreadsheet can read it as a formula.
 */

export const IMPORT_FIELDS = ["name", "email", "studentNumber", "department", "locale"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** The columns a file must have. */
export const REQUIRED_FIELDS = ["name", "email"] as const satisfies readonly ImportField[];
/** Columns beyond this are ignored (a stray formatted column far right must not cost memory). */
const MAX_COLUMNS = 50;

/**
 * Header spellings per field, compared after `normalizeHeader` (case, spaces and punctuation
 * ignored, so "Student No.", "student_number" and "학 번" all match).
 */
const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  name: ["이름", "성명", "성함", "학생이름", "name", "fullname", "studentname"],
  email: ["이메일", "이메일주소", "전자우편", "메일", "email", "emailaddress", "mail"],
  studentNumber: ["학번", "학생번호", "studentnumber", "studentno", "studentid", "id"],
  department: ["학과", "전공", "소속학과", "학부", "department", "dept", "major"],
  locale: ["언어", "선호언어", "안내언어", "language", "locale", "lang"],
};

/** "Student No. (필수)*" → "studentno": NFKC, lower case, no spaces, no punctuation, no (…). */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/^\uFEFF/, "")
    .replace(/\([^)]*\)|\[[^\]]*\]/g, "")
    .toLowerCase()
    .replace(/[\s_\-.·:*#/]+/g, "");
}

const FIELD_BY_HEADER = new Map<string, ImportField>(
  Object.entries(HEADER_ALIASES).flatMap(([field, names]) =>
    names.map((n) => [normalizeHeader(n), field as ImportField] as const),
  ),
);

/** Excel reads a cell starting with one of these as a formula (OWASP "CSV injection"). */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@]/.test(value);
}

/**
 * One cell as stored: control characters (NUL would break PostgreSQL; tabs and line breaks
 * inside a name are accidents) become spaces, runs of spaces one, ends trimmed.
 */
export function cleanCell(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// File → rows of text

export type SheetFormat = "csv" | "xlsx";
export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "cp949";
export type SheetRow = { line: number; cells: string[] };
export type Sheet = { format: SheetFormat; encoding: TextEncoding | null; rows: SheetRow[] };

function fileError(code: string, params: Record<string, string | number> = {}): ValidationError {
  return new ValidationError(code, "file", params);
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .xls (and .doc): not supported

/**
 * Text of a CSV file in whatever encoding Korean users' tools write: UTF-8 with or without a
 * BOM (Excel's "CSV UTF-8", Google Sheets, Numbers), UTF-16 with a BOM (Excel's "Unicode
 * text"), or CP949 — Korean Excel's plain "CSV", a superset of EUC-KR. A strict UTF-8 decode
 * is tried first: CP949 text with Hangul is practically never valid UTF-8, whereas UTF-8 read
 * as CP949 would silently produce mojibake. (Node's built-in "euc-kr" decoder is not CP949:
 * it drops the extended syllables such as 똠, hence iconv-lite.)
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const strict = (label: string, ignoreBOM = false) =>
    new TextDecoder(label, { fatal: true, ignoreBOM }).decode(bytes);
  try {
    if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
      return { text: strict("utf-8"), encoding: "utf-8-bom" };
    if (startsWith(bytes, [0xff, 0xfe])) return { text: strict("utf-16le"), encoding: "utf-16le" };
    if (startsWith(bytes, [0xfe, 0xff])) return { text: strict("utf-16be"), encoding: "utf-16be" };
  } catch {
    throw fileError("IMPORT_ENCODING_UNKNOWN");
  }
  try {
    return { text: strict("utf-8"), encoding: "utf-8" };
  } catch {
    // Not UTF-8: CP949, unless even that leaves bytes it cannot map.
  }
  const text = iconv.decode(Buffer.from(bytes), "cp949");
  if (text.includes("\uFFFD")) throw fileError("IMPORT_ENCODING_UNKNOWN");
  return { text, encoding: "cp949" };
}

/** The delimiter of the header line: comma unless semicolons or tabs clearly dominate. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates = [",", ";", "\t"].map((c) => [c, count(c)] as const);
  const [best] = [...candidates].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ",";
}

/** RFC 4180 CSV through @fast-csv/parse (quotes, embedded commas and line breaks). */
export function parseCsvText(text: string): Promise<SheetRow[]> {
  if (text.includes("\u0000")) return Promise.reject(fileError("IMPORT_FILE_UNREADABLE"));
  return new Promise((resolve, reject) => {
    const rows: SheetRow[] = [];
    parseString<string[], string[]>(text, { delimiter: sniffDelimiter(text), ignoreEmpty: false })
      .on("error", () => reject(fileError("IMPORT_FILE_MALFORMED", { line: rows.length + 1 })))
      // Records are numbered as a spreadsheet numbers its rows (a quoted line break stays in its row).
      .on("data", (cells: string[]) =>
        rows.push({ line: rows.length + 1, cells: cells.slice(0, MAX_COLUMNS) }),
      )
      .on("end", () => resolve(rows));
  });
}

/** The text of an exceljs cell: formulas as their text, links as their label, dates as days. */
function cellText(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Formula) return `=${cell.formula ?? ""}`;
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("hyperlink" in value) {
      const text: unknown = value.text;
      if (typeof text === "string") return text;
      if (text && typeof text === "object" && "richText" in text)
        return (text as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join("");
      return "";
    }
    if ("error" in value) return String(value.error);
  }
  return String(cell.text ?? "");
}

async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw fileError("IMPORT_FILE_UNREADABLE");
  }
  if (workbook.worksheets.length === 0) throw fileError("IMPORT_FILE_UNREADABLE");
  // The first sheet that has anything in it: a workbook often starts with an empty "Sheet1".
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw fileError("IMPORT_FILE_EMPTY");
  // Refused before the rows are walked (header + rows; empty rows are not counted by exceljs).
  if (sheet.actualRowCount - 1 > IMPORT_MAX_ROWS)
    throw fileError("IMPORT_TOO_MANY_ROWS", {
      max: IMPORT_MAX_ROWS,
      count: sheet.actualRowCount - 1,
    });
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column <= MAX_COLUMNS) cells[column - 1] = cellText(cell);
    });
    rows.push({ line, cells: Array.from(cells, (c) => c ?? "") });
  });
  return rows;
}

/**
 * Reads an uploaded file into rows of text. The type comes from the content (an XLSX is a ZIP
 * archive), the extension only rules out what is certainly not a spreadsheet we read.
 */
export async function readSheet(file: { name: string; bytes: Uint8Array }): Promise<Sheet> {
  if (file.bytes.byteLength > IMPORT_MAX_BYTES)
    throw fileError("IMPORT_FILE_TOO_LARGE", { maxMb: IMPORT_MAX_BYTES / (1024 * 1024) });
  if (file.bytes.byteLength === 0) throw fileError("IMPORT_FILE_EMPTY");
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(file.name)?.[1]?.toLowerCase() ?? "";
  if (startsWith(file.bytes, OLE) || extension === "xls") throw fileError("IMPORT_LEGACY_XLS");
  if (extension && !["csv", "txt", "tsv", "xlsx"].includes(extension))
    throw fileError("IMPORT_UNSUPPORTED_TYPE");
  if (startsWith(file.bytes, ZIP))
    return { format: "xlsx", encoding: null, rows: await readXlsx(file.bytes) };
  if (extension === "xlsx") throw fileError("IMPORT_FILE_UNREADABLE");
  const { text, encoding } = decodeText(file.bytes);
  return { format: "csv", encoding, rows: await parseCsvText(text) };
}

// ---------------------------------------------------------------------------------------------
// Rows of text → members

/** Why a row cannot be imported: a translation key (with ICU parameters) for one field. */
export type RowIssue = {
  field: ImportField;
  key: string;
  params?: Record<string, string | number>;
};

export type ParsedRow = {
  line: number;
  /** The cells as stored (cleaned), for the preview. */
  cells: Record<ImportField, string>;
  /** Null when the row is invalid. */
  member: MemberRow | null;
  /** The row's own invitation language, when the file has a language column and the cell is filled. */
  locale: AppLocale | null;
  issues: RowIssue[];
  /** Fields whose text a spreadsheet would read as a formula (stored as plain text). */
  formulaLike: ImportField[];
};

export type ParsedFile = {
  format: SheetFormat;
  encoding: TextEncoding | null;
  /** Header texts of columns that were not recognised (ignored). */
  ignoredColumns: string[];
  rows: ParsedRow[];
};

const LOCALE_WORDS: Record<string, AppLocale> = {
  ko: "ko",
  kr: "ko",
  kor: "ko",
  korean: "ko",
  한국어: "ko",
  한국: "ko",
  국문: "ko",
  en: "en",
  eng: "en",
  english: "en",
  영어: "en",
  영문: "en",
};

function mapHeader(cells: string[]) {
  const columns = new Map<ImportField, number>();
  const ignoredColumns: string[] = [];
  cells.forEach((raw, index) => {
    const text = cleanCell(raw);
    if (!text) return;
    const field = FIELD_BY_HEADER.get(normalizeHeader(text));
    if (!field) {
      ignoredColumns.push(text);
      return;
    }
    if (columns.has(field))
      throw fileError("IMPORT_DUPLICATE_COLUMN", { column: text.slice(0, 50) });
    columns.set(field, index);
  });
  if (REQUIRED_FIELDS.some((f) => !columns.has(f))) {
    const found = cells.map(cleanCell).filter(Boolean).join(", ");
    throw fileError("IMPORT_MISSING_COLUMNS", {
      found: found.length > 120 ? `${found.slice(0, 119)}…` : found || "—",
    });
  }
  return { columns, ignoredColumns };
}

function parseRow(line: number, cells: Record<ImportField, string>): ParsedRow {
  const issues: RowIssue[] = [];
  const result = memberRowSchema.safeParse({
    name: cells.name,
    email: cells.email,
    studentNumber: cells.studentNumber,
    department: cells.department,
  });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0] as ImportField;
      const { key, params } = describeIssue(issue);
      if (!issues.some((i) => i.field === field))
        issues.push({ field, key, ...(params && Object.keys(params).length ? { params } : {}) });
    }
  }
  let locale: AppLocale | null = null;
  if (cells.locale) {
    locale = LOCALE_WORDS[normalizeHeader(cells.locale)] ?? null;
    if (!locale) issues.push({ field: "locale", key: "cohortImport.issues.locale" });
  }
  return {
    line,
    cells,
    member: result.success && issues.length === 0 ? result.data : null,
    locale,
    issues,
    formulaLike: IMPORT_FIELDS.filter((f) => looksLikeFormula(cells[f])),
  };
}

/** Turns a sheet into validated rows; refuses files without the needed columns or with too many rows. */
export function parseSheet(sheet: Sheet): ParsedFile {
  const nonEmpty = sheet.rows.filter((row) => row.cells.some((c) => cleanCell(c) !== ""));
  const [header, ...data] = nonEmpty;
  if (!header) throw fileError("IMPORT_FILE_EMPTY");
  const { columns, ignoredColumns } = mapHeader(header.cells);
  if (data.length === 0) throw fileError("IMPORT_NO_ROWS");
  if (data.length > IMPORT_MAX_ROWS)
    throw fileError("IMPORT_TOO_MANY_ROWS", { max: IMPORT_MAX_ROWS, count: data.length });
  const rows = data.map((row) => {
    const cell = (field: ImportField) => {
      const index = columns.get(field);
      return index === undefined ? "" : cleanCell(row.cells[index] ?? "");
    };
    const cells = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, cell(f)])) as Record<
      ImportField,
      string
    >;
    return parseRow(row.line, cells);
  });
  return { format: sheet.format, encoding: sheet.encoding, ignoredColumns, rows };
}

/** File → validated rows, in one call. */
export async function parseMemberFile(file: {
  name: string;
  bytes: Uint8Array;
}): Promise<ParsedFile> {
  return parseSheet(await readSheet(file));
}

// ---------------------------------------------------------------------------------------------
// Rows → what the import would do to the cohort

export type ImportOutcome = "added" | "updated" | "duplicate" | "invalid";
export const CHANGEABLE_FIELDS = ["name", "studentNumber", "department"] as const;
export type MemberChange = {
  field: (typeof CHANGEABLE_FIELDS)[number];
  from: string | null;
  to: string;
};

export type ExistingMember = {
  email: string;
  name: string;
  studentNumber: string | null;
  department: string | null;
};

export type ClassifiedRow = {
  line: number;
  outcome: ImportOutcome;
  /** `duplicate` of an earlier row of the file; absent for a duplicate of a cohort member. */
  duplicateOfLine?: number;
  /** `updated`: the fields that change. */
  changes?: MemberChange[];
};

/**
 * The changes a row brings to an existing member. An empty cell never erases a stored value
 * (a list that lacks a department column, or has a gap, must not wipe what was typed before);
 * corrections of that kind are made in the member form.
 */
export function memberChanges(existing: ExistingMember, row: MemberRow): MemberChange[] {
  return CHANGEABLE_FIELDS.flatMap((field) => {
    const next = row[field];
    if (next === null || next === existing[field]) return [];
    return [{ field, from: existing[field], to: next }];
  });
}

/**
 * Classifies rows in file order. A row is invalid when it fails validation; otherwise a
 * duplicate when an earlier valid row has the same address (the first one wins) or the cohort
 * already has the member with nothing to change; updated when the cohort has the address and
 * the row changes something; added otherwise. Addresses compare case-insensitively.
 */
export function classifyRows(
  rows: readonly Pick<ParsedRow, "line" | "member">[],
  existing: readonly ExistingMember[],
): ClassifiedRow[] {
  const byEmail = new Map(existing.map((m) => [m.email.toLowerCase(), m]));
  const firstLine = new Map<string, number>();
  return rows.map(({ line, member }): ClassifiedRow => {
    if (!member) return { line, outcome: "invalid" };
    const email = member.email.toLowerCase();
    const earlier = firstLine.get(email);
    if (earlier !== undefined) return { line, outcome: "duplicate", duplicateOfLine: earlier };
    firstLine.set(email, line);
    const current = byEmail.get(email);
    if (!current) return { line, outcome: "added" };
    const changes = memberChanges(current, member);
    return changes.length ? { line, outcome: "updated", changes } : { line, outcome: "duplicate" };
  });
}
