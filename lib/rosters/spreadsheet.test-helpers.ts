import { Readable } from "node:stream";
import ExcelJS from "exceljs";

/** Test helpers: read generated spreadsheets back with exceljs, as a spreadsheet program would. */

/** Reads CSV text back the way a spreadsheet would, cells as the text they hold. */
export async function readCsv(text: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from([text.replace(/^\uFEFF/, "")]), {
    // Keep every cell as text (the default turns "1" into a number and dates into dates).
    map: (value: string) => value,
  } as never);
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(String(row.getCell(c).value ?? ""));
    rows.push(cells);
  });
  return rows;
}

/** Reads the first sheet of an XLSX file back, cells as stored. */
export async function readXlsx(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).value);
    rows.push(cells);
  });
  return { sheet, rows };
}
