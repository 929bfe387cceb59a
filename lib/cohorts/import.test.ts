import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/cohorts/cohorts.schemas";
import {
  classifyRows,
  decodeText,
  normalizeHeader,
  parseMemberFile,
  readSheet,
  type ParsedFile,
} from "@/lib/cohorts/import";
import { ValidationError } from "@/lib/errors";

/**
 * The spreadsheet reader on real files: built here byte by byte (UTF-8, with a BOM, CP949 as
 * Korean Excel writes it, UTF-16) or with exceljs, never mocked.
 */

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, "utf8")]);
const cp949 = (text: string) => new Uint8Array(iconv.encode(text, "cp949"));

const KOREAN_CSV = [
  "이름,이메일,학번,학과",
  "김민지,minji.kim@inha.example,12201187,생명공학과",
  // 똠 and 힣 exist only in CP949's extension of EUC-KR (a strict EUC-KR decoder loses them).
  "박똠힣,ddom@inha.example,12201188,화학공학과",
].join("\r\n");

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).field).toBe("file");
  return error as ValidationError;
}

const parse = (text: string, name = "members.csv") => parseMemberFile({ name, bytes: utf8(text) });
const summary = (file: ParsedFile) =>
  file.rows.map((r) => ({ line: r.line, member: r.member, issues: r.issues }));

describe("text encodings", () => {
  it("reads UTF-8 with and without a BOM, and says which", () => {
    expect(decodeText(utf8(KOREAN_CSV))).toEqual({ text: KOREAN_CSV, encoding: "utf-8" });
    expect(decodeText(withBom(KOREAN_CSV))).toEqual({ text: KOREAN_CSV, encoding: "utf-8-bom" });
  });

  it("detects CP949 (Korean Excel's CSV) including the syllables EUC-KR lacks", () => {
    const bytes = cp949(KOREAN_CSV);
    // The same text is not valid UTF-8, so it cannot be mistaken for it.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText(bytes)).toEqual({ text: KOREAN_CSV, encoding: "cp949" });
  });

  it("reads UTF-16 with a BOM (Excel's 'Unicode text')", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(KOREAN_CSV, "utf16le")]);
    expect(decodeText(bytes)).toEqual({ text: KOREAN_CSV, encoding: "utf-16le" });
  });

  it("refuses bytes that are neither UTF-8 nor CP949", () => {
    expect(() => decodeText(new Uint8Array([0x41, 0xff, 0xff, 0x42]))).toThrow(
      expect.objectContaining({ code: "IMPORT_ENCODING_UNKNOWN" }),
    );
  });

  it("gives the same members from a CP949 file and a UTF-8 file with a BOM", async () => {
    const fromCp949 = await parseMemberFile({ name: "학생.csv", bytes: cp949(KOREAN_CSV) });
    const fromBom = await parseMemberFile({ name: "students.csv", bytes: withBom(KOREAN_CSV) });
    expect(fromCp949.encoding).toBe("cp949");
    expect(fromBom.encoding).toBe("utf-8-bom");
    expect(summary(fromCp949)).toEqual(summary(fromBom));
    expect(fromCp949.rows.map((r) => r.member)).toEqual([
      {
        name: "김민지",
        email: "minji.kim@inha.example",
        studentNumber: "12201187",
        department: "생명공학과",
      },
      {
        name: "박똠힣",
        email: "ddom@inha.example",
        studentNumber: "12201188",
        department: "화학공학과",
      },
    ]);
  });
});

describe("headers", () => {
  it("match Korean and English names whatever the case, spaces and punctuation", async () => {
    expect(normalizeHeader(" Student No. (필수)* ")).toBe("studentno");
    const file = await parse(
      "  E-mail Address ,NAME,Student Number,department,Language,Notes\n" +
        "kim@inha.example,Kim Minji,1,Bioengineering,EN,first year\n",
    );
    expect(file.ignoredColumns).toEqual(["Notes"]);
    expect(file.rows[0]).toMatchObject({
      member: {
        name: "Kim Minji",
        email: "kim@inha.example",
        studentNumber: "1",
        department: "Bioengineering",
      },
      locale: "en",
    });
  });

  it("refuse a file without a name or an email column, quoting what the first row says", async () => {
    const error = await refusal(parse("성명,학번\n김민지,1\n"));
    expect(error.code).toBe("IMPORT_MISSING_COLUMNS");
    expect(error.params).toEqual({ found: "성명, 학번" });
  });

  it("refuse two columns for the same field", async () => {
    const error = await refusal(parse("이름,이메일,Email\n김,a@b.kr,c@d.kr\n"));
    expect(error).toMatchObject({ code: "IMPORT_DUPLICATE_COLUMN", params: { column: "Email" } });
  });

  it("accept semicolon- and tab-separated lists", async () => {
    const semicolon = await parse("이름;이메일\n김민지;minji@inha.example\n");
    const tab = await parse("이름\t이메일\n김민지\tminji@inha.example\n", "members.txt");
    expect(semicolon.rows[0]!.member?.email).toBe("minji@inha.example");
    expect(tab.rows[0]!.member?.email).toBe("minji@inha.example");
  });
});

describe("rows", () => {
  it("say what is wrong with each invalid row, field by field, as translation keys", async () => {
    const long = "가".repeat(101);
    const file = await parse(
      [
        "이름,이메일,학번,언어",
        ",nobody@inha.example,1,",
        "김민지,not-an-email,2,",
        `${long},long@inha.example,3,`,
        "이서준,seojun@inha.example,4,fr",
        "박지호,JIHO.Park@Inha.example,5,한국어",
      ].join("\n"),
    );
    expect(file.rows.map((r) => [r.line, r.issues])).toEqual([
      [2, [{ field: "name", key: "validation.required", params: { min: 1 } }]],
      [3, [{ field: "email", key: "validation.email" }]],
      [4, [{ field: "name", key: "validation.tooLong", params: { max: 100 } }]],
      [5, [{ field: "locale", key: "cohortImport.issues.locale" }]],
      [6, []],
    ]);
    expect(file.rows.slice(0, 4).every((r) => r.member === null)).toBe(true);
    // Addresses are kept in lower case; the row's language is read from Korean or English words.
    expect(file.rows[4]).toMatchObject({
      member: { email: "jiho.park@inha.example" },
      locale: "ko",
    });
  });

  it("number rows as the spreadsheet does, skipping empty ones, with quoted commas and line breaks", async () => {
    const file = await parse(
      '이름,이메일,학과\n\n"Kim, Minji",minji@inha.example,"생명\n공학과"\n,,\n이서준,seojun@inha.example,\n',
    );
    expect(file.rows.map((r) => [r.line, r.member?.name, r.member?.department])).toEqual([
      [3, "Kim, Minji", "생명 공학과"],
      [5, "이서준", null],
    ]);
  });

  it("keep formula-like cells as plain text, flagged, never evaluated", async () => {
    const file = await parse(
      '이름,이메일,학과\n"=HYPERLINK(""http://evil.example"",""x"")",formula@inha.example,+82-1\n' +
        "@SUM(A1),at@inha.example,-dept\n",
    );
    expect(file.rows[0]).toMatchObject({
      member: { name: '=HYPERLINK("http://evil.example","x")', department: "+82-1" },
      formulaLike: ["name", "department"],
    });
    expect(file.rows[1]).toMatchObject({
      member: { name: "@SUM(A1)", department: "-dept" },
      formulaLike: ["name", "department"],
    });
  });

  it("strip control characters that PostgreSQL or a roster could not hold", async () => {
    const file = await parse("이름,이메일\n김\u0007민지\t,minji@inha.example\n");
    expect(file.rows[0]!.member?.name).toBe("김 민지");
  });
});

describe("file limits and broken files", () => {
  it(`accept ${IMPORT_MAX_ROWS} rows and refuse one more, saying how many`, async () => {
    const rows = (n: number) =>
      ["이름,이메일", ...Array.from({ length: n }, (_, i) => `학생${i},s${i}@inha.example`)].join(
        "\n",
      );
    expect((await parse(rows(IMPORT_MAX_ROWS))).rows).toHaveLength(IMPORT_MAX_ROWS);
    const error = await refusal(parse(rows(IMPORT_MAX_ROWS + 1)));
    expect(error).toMatchObject({
      code: "IMPORT_TOO_MANY_ROWS",
      params: { max: IMPORT_MAX_ROWS, count: IMPORT_MAX_ROWS + 1 },
    });
  });

  it("refuse a file over the size limit before reading it", async () => {
    const bytes = new Uint8Array(IMPORT_MAX_BYTES + 1).fill(0x41);
    const error = await refusal(readSheet({ name: "big.csv", bytes }));
    expect(error).toMatchObject({ code: "IMPORT_FILE_TOO_LARGE", params: { maxMb: 2 } });
  });

  it.each([
    ["an empty file", "empty.csv", new Uint8Array(), "IMPORT_FILE_EMPTY"],
    ["a header without rows", "head.csv", utf8("이름,이메일\n\n"), "IMPORT_NO_ROWS"],
    [
      "an unterminated quote",
      "bad.csv",
      utf8('이름,이메일\n"김민지,minji@inha.example\n'),
      "IMPORT_FILE_MALFORMED",
    ],
    [
      "binary content named .csv",
      "photo.csv",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
      "IMPORT_FILE_UNREADABLE",
    ],
    [
      "a legacy .xls workbook",
      "old.xls",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]),
      "IMPORT_LEGACY_XLS",
    ],
    ["a PDF", "list.pdf", utf8("%PDF-1.7"), "IMPORT_UNSUPPORTED_TYPE"],
    [
      "a damaged .xlsx",
      "broken.xlsx",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      "IMPORT_FILE_UNREADABLE",
    ],
    ["a text file named .xlsx", "fake.xlsx", utf8("이름,이메일\n"), "IMPORT_FILE_UNREADABLE"],
  ])("refuse %s", async (_label, name, bytes, code) => {
    const error = await refusal(parseMemberFile({ name, bytes }));
    expect(error.code).toBe(code);
  });
});

describe("xlsx", () => {
  async function workbook(rows: unknown[][], emptyFirstSheet = false): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    if (emptyFirstSheet) book.addWorksheet("Sheet1");
    const sheet = book.addWorksheet("학생 명단");
    for (const row of rows) sheet.addRow(row);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it("reads the first sheet with data: numbers, links and rich text as text, formulas as their text", async () => {
    const bytes = await workbook(
      [
        ["이름", "이메일", "학번", "학과"],
        [
          "김민지",
          { text: "minji@inha.example", hyperlink: "mailto:minji@inha.example" },
          12201187,
          "생명공학과",
        ],
        [
          { formula: 'HYPERLINK("http://evil.example","click")', result: "click" },
          "evil@inha.example",
          { richText: [{ text: "1220" }, { text: "1188" }] },
          null,
        ],
      ],
      true,
    );
    const file = await parseMemberFile({ name: "명단.xlsx", bytes });
    expect(file.format).toBe("xlsx");
    expect(file.rows.map((r) => r.member)).toEqual([
      {
        name: "김민지",
        email: "minji@inha.example",
        studentNumber: "12201187",
        department: "생명공학과",
      },
      {
        name: '=HYPERLINK("http://evil.example","click")',
        email: "evil@inha.example",
        studentNumber: "12201188",
        department: null,
      },
    ]);
    expect(file.rows[1]!.formulaLike).toEqual(["name"]);
  });

  it("refuses a workbook with too many rows", async () => {
    const rows = [
      ["name", "email"],
      ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => [`s${i}`, `s${i}@x.kr`]),
    ];
    const error = await refusal(parseMemberFile({ name: "big.xlsx", bytes: await workbook(rows) }));
    expect(error.code).toBe("IMPORT_TOO_MANY_ROWS");
  });
});

describe("classification against the cohort", () => {
  const existing = [
    { email: "same@inha.example", name: "그대로", studentNumber: "1", department: "생명공학과" },
    { email: "changed@inha.example", name: "옛 이름", studentNumber: "2", department: null },
  ];

  it("adds, updates, and reports duplicates in the file and in the cohort", async () => {
    const file = await parse(
      [
        "이름,이메일,학번,학과",
        "새 학생,new@inha.example,10,",
        "그대로,SAME@inha.example,1,",
        "새 이름,changed@inha.example,2,화학공학과",
        "또 새 학생,NEW@inha.example,11,",
        ",broken@inha.example,,",
      ].join("\n"),
    );
    expect(classifyRows(file.rows, existing)).toEqual([
      { line: 2, outcome: "added" },
      // An empty department cell does not erase the stored one: nothing changes.
      { line: 3, outcome: "duplicate" },
      {
        line: 4,
        outcome: "updated",
        changes: [
          { field: "name", from: "옛 이름", to: "새 이름" },
          { field: "department", from: null, to: "화학공학과" },
        ],
      },
      { line: 5, outcome: "duplicate", duplicateOfLine: 2 },
      { line: 6, outcome: "invalid" },
    ]);
  });

  it("lets the first valid row of an address win over an earlier invalid one", async () => {
    const file = await parse(
      "이름,이메일,언어\n김,a@inha.example,xx\n김,a@inha.example,\n김,a@inha.example,\n",
    );
    expect(classifyRows(file.rows, []).map((r) => r.outcome)).toEqual([
      "invalid",
      "added",
      "duplicate",
    ]);
  });
});
