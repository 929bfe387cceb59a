// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderPage } from "@/components/site/test-render";
import type { ImportPreview } from "@/lib/cohorts/cohorts.service";
import { PreviewReport } from "./import-flow";

/** The preview as the coordinator reads it: every row's outcome and reason, in their language. */
const preview: ImportPreview = {
  fileName: "명단.csv",
  format: "csv",
  encoding: "cp949",
  ignoredColumns: ["비고"],
  counts: { added: 2, updated: 1, duplicate: 2, invalid: 1, invited: 1, linked: 1 },
  sealed: "sealed.rows",
  rows: [
    {
      line: 2,
      outcome: "added",
      welcome: "invited",
      cells: {
        name: "김민지",
        email: "minji@inha.example",
        studentNumber: "1",
        department: "",
        locale: "",
      },
      issues: [],
      formulaLike: [],
    },
    {
      line: 3,
      outcome: "added",
      welcome: "linked",
      cells: {
        name: '=HYPERLINK("http://evil.example")',
        email: "f@inha.example",
        studentNumber: "",
        department: "",
        locale: "",
      },
      issues: [],
      formulaLike: ["name"],
    },
    {
      line: 4,
      outcome: "updated",
      changes: [{ field: "department", from: null, to: "화학공학과" }],
      cells: {
        name: "이서준",
        email: "seojun@inha.example",
        studentNumber: "",
        department: "화학공학과",
        locale: "",
      },
      issues: [],
      formulaLike: [],
    },
    {
      line: 5,
      outcome: "duplicate",
      duplicateOfLine: 2,
      cells: {
        name: "김민지",
        email: "MINJI@inha.example",
        studentNumber: "",
        department: "",
        locale: "",
      },
      issues: [],
      formulaLike: [],
    },
    {
      line: 6,
      outcome: "duplicate",
      cells: {
        name: "그대로",
        email: "same@inha.example",
        studentNumber: "",
        department: "",
        locale: "",
      },
      issues: [],
      formulaLike: [],
    },
    {
      line: 7,
      outcome: "invalid",
      cells: { name: "", email: "not-an-email", studentNumber: "", department: "", locale: "fr" },
      issues: [
        { field: "name", key: "validation.required", params: { min: 1 } },
        { field: "email", key: "validation.email" },
        { field: "locale", key: "cohortImport.issues.locale" },
      ],
      formulaLike: [],
    },
  ],
};

const textOf = (doc: Document) => doc.body.textContent ?? "";
const rowText = (doc: Document, line: number) =>
  [...doc.querySelectorAll("tbody tr")].find(
    (tr) => tr.querySelector("td")?.textContent === String(line),
  )?.textContent ?? "";

describe("import preview", () => {
  it("explains every row in Korean", () => {
    const doc = renderPage(<PreviewReport cohortId="c1" preview={preview} />, { locale: "ko" });
    expect(doc.querySelector("h2")?.textContent).toBe("미리보기: 명단.csv");
    expect(textOf(doc)).toContain("파일 형식: CSV (CP949 한글 엑셀)");
    expect(textOf(doc)).toContain("인식하지 못해 무시한 열: 비고");
    expect(textOf(doc)).toContain(
      "새로 추가되는 사람 중 1명에게 초대 메일을 보내고, 이미 계정이 있는 1명은 바로 연결합니다.",
    );
    expect(rowText(doc, 2)).toContain("초대 메일 발송");
    expect(rowText(doc, 3)).toContain('=HYPERLINK("http://evil.example")');
    expect(rowText(doc, 3)).toContain(
      "수식처럼 보이는 값(이름)은 계산하지 않고 글자 그대로 저장합니다.",
    );
    expect(rowText(doc, 4)).toContain("학과: (비어 있음) → 화학공학과");
    expect(rowText(doc, 5)).toContain("2행과 이메일이 같습니다.");
    expect(rowText(doc, 6)).toContain("이미 같은 내용으로 등록되어 있습니다.");
    expect(rowText(doc, 7)).toContain("이름: 필수 입력 항목입니다.");
    expect(rowText(doc, 7)).toContain("이메일: 올바른 이메일 주소를 입력해 주세요.");
    expect(rowText(doc, 7)).toContain("언어: ko 또는 en(한국어, English)으로 적어 주세요.");
    // Formula text is shown as text: no element or link is made of it.
    expect(doc.querySelector('a[href^="http://evil"]')).toBeNull();
    const confirm = doc.querySelector<HTMLButtonElement>('button[type="submit"]');
    expect(confirm?.textContent).toBe("3명 가져오기");
    expect(doc.querySelector<HTMLInputElement>('input[name="preview"]')?.value).toBe("sealed.rows");
  });

  it("explains every row in English, and offers no confirmation when nothing would change", () => {
    const nothing: ImportPreview = {
      ...preview,
      counts: { ...preview.counts, added: 0, updated: 0 },
      rows: preview.rows.filter((r) => r.outcome === "duplicate" || r.outcome === "invalid"),
    };
    const doc = renderPage(<PreviewReport cohortId="c1" preview={nothing} />, { locale: "en" });
    expect(textOf(doc)).toContain("File type: CSV (CP949, Korean Excel)");
    expect(rowText(doc, 7)).toContain("Name: This field is required.");
    expect(rowText(doc, 5)).toContain("Same email as row 2.");
    expect(doc.querySelector('button[type="submit"]')).toBeNull();
    expect(textOf(doc)).toContain("There is no member to add or update.");
  });
});
