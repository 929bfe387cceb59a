import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSignInSheetPdf, WALK_IN_ROWS } from "@/lib/attendance/sign-in-sheet-pdf";
import type { SignInSheetData } from "@/lib/attendance/attendance.queries";
import { extractPdfText } from "@/lib/certificates/pdf-text.test-helpers";
import { formatMeetingRange } from "@/lib/i18n/format";

const meeting = {
  index: 2,
  count: 3,
  startsAt: new Date("2026-03-03T00:00:00Z"),
  endsAt: new Date("2026-03-03T08:00:00Z"),
};

const sheet = (trainees: SignInSheetData["trainees"]): SignInSheetData => ({
  courseCode: "FT-USP-201",
  courseTitleKo: "CHO 세포 유가식 배양 실습",
  courseTitleEn: "CHO Fed-Batch Culture Lab",
  meeting,
  roomKo: "업스트림 실습실 1",
  roomEn: "Upstream Lab 1",
  instructors: ["박준호", "Emily Carter"],
  trainees,
});

const flat = (text: string) => text.replace(/\s+/g, " ");

function keep(name: string, pdf: Buffer) {
  if (process.env.FT_PDF_OUT) fs.writeFileSync(`${process.env.FT_PDF_OUT}/${name}`, pdf);
}

describe("sign-in sheet PDF", () => {
  it("lists the course, meeting time in Seoul, room, instructors and each confirmed trainee", async () => {
    const pdf = await renderSignInSheetPdf(
      sheet([
        { name: "김민지", organization: "송도바이오로직스" },
        { name: "Nguyễn Văn An", organization: null },
      ]),
      new Date("2026-03-03T00:05:00Z"),
    );
    keep("sign-in-sheet.pdf", pdf);
    const { text, pageCount } = extractPdfText(pdf);
    const page = flat(text);
    expect(pageCount).toBe(1);
    expect(page).toContain("출석 서명부 / Sign-in sheet");
    expect(page).toContain("FT-USP-201 · CHO 세포 유가식 배양 실습");
    expect(page).toContain("CHO Fed-Batch Culture Lab");
    expect(page).toContain("2회차 (전체 3회차) / 2 of 3");
    expect(page).toContain(flat(formatMeetingRange(meeting.startsAt, meeting.endsAt, "ko")));
    expect(page).toContain(flat(formatMeetingRange(meeting.startsAt, meeting.endsAt, "en")));
    expect(page).toContain("GMT+9");
    expect(page).toContain("업스트림 실습실 1 / Upstream Lab 1");
    expect(page).toContain("박준호, Emily Carter");
    expect(page).toContain("서명 / Signature");
    expect(page).toMatch(/1 김민지 송도바이오로직스/);
    expect(page).toMatch(/2 Nguyễn Văn An/);
    expect(text.match(/현장 등록 \/ Walk-in/g)).toHaveLength(WALK_IN_ROWS);
    expect(text).not.toContain("\uFFFD");
  });

  it("continues a long roster on further pages without splitting a row, numbering the pages", async () => {
    const trainees = Array.from({ length: 30 }, (_, i) => ({
      name: `수강생 ${String(i + 1).padStart(2, "0")}`,
      organization: "인하대학교",
    }));
    const pdf = await renderSignInSheetPdf(sheet(trainees));
    keep("sign-in-sheet-long.pdf", pdf);
    const { text, pageCount } = extractPdfText(pdf);
    expect(pageCount).toBe(2);
    for (const t of trainees) expect(text).toContain(t.name);
    expect(text).toContain("1 / 2");
    expect(text).toContain("2 / 2");
  });
});
