import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { renderCertificatePdf, type CertificateDocumentData } from "@/lib/certificates/certificate-pdf";
import { extractPdfText } from "@/lib/certificates/pdf-text.test-helpers";
import { formatDayRange } from "@/lib/i18n/format";

const sample: CertificateDocumentData = {
  code: "FT-7K3M-Q9PD",
  traineeName: "김민지",
  courseCode: "FT-DSP-201",
  courseTitleKo: "ÄKTA 기반 항체 정제 실습",
  courseTitleEn: "Antibody Purification on ÄKTA Systems",
  startsAt: new Date("2026-03-02T00:00:00Z"),
  endsAt: new Date("2026-03-03T08:00:00Z"),
  hours: 16,
  issuedAt: new Date("2026-03-03T10:00:00Z"),
  verifyUrl: "https://enroll.fasttrak.example/verify/FT-7K3M-Q9PD",
};

/** Set FT_PDF_OUT=/some/dir to keep the files for a look (e.g. `pdftoppm -png`). */
function keep(name: string, pdf: Buffer) {
  if (process.env.FT_PDF_OUT) fs.writeFileSync(`${process.env.FT_PDF_OUT}/${name}`, pdf);
}

/** The extracted text with line breaks and runs of spaces folded, as a reader would quote it. */
const flat = (text: string) => text.replace(/\s+/g, " ");

describe("certificate PDF", () => {
  it("prints the trainee, course, dates, hours, issue date and code in Korean and English on one page", async () => {
    const pdf = await renderCertificatePdf(sample);
    keep("certificate.pdf", pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text, pageCount } = extractPdfText(pdf);
    const page = flat(text);
    expect(pageCount).toBe(1);
    expect(page).toContain("수료증");
    expect(page).toContain("Certificate of Completion");
    expect(page).toContain("김민지");
    expect(page).toContain("ÄKTA 기반 항체 정제 실습");
    expect(page).toContain("Antibody Purification on ÄKTA Systems");
    expect(page).toContain("FT-DSP-201");
    expect(page).toContain("2026년 3월 2일~3일 GMT+9");
    expect(page).toContain(flat(formatDayRange(sample.startsAt, sample.endsAt, "en")));
    expect(page).toContain("16시간 / 16 hours");
    expect(page).toContain("2026년 3월 3일");
    expect(page).toContain("FT-7K3M-Q9PD");
    expect(page).toContain("https://enroll.fasttrak.example/verify/FT-7K3M-Q9PD");
    // Every glyph maps back to a character: nothing prints as a missing-glyph box.
    expect(text).not.toContain("\uFFFD");
  });

  it("keeps a long name and a long bilingual title on the one page", async () => {
    const pdf = await renderCertificatePdf({
      ...sample,
      traineeName: "Maximilian Alexander Schwarzenberg-Kowalczyk",
      courseTitleKo: "일회용 바이오리액터 기반 CHO 세포 유가식 배양 공정 개발 및 스케일업 심화 실습",
      courseTitleEn:
        "Advanced Fed-Batch Process Development and Scale-Up of CHO Cell Culture in Single-Use Bioreactors",
      hours: 40,
    });
    keep("certificate-long.pdf", pdf);
    const { text, pageCount } = extractPdfText(pdf);
    expect(pageCount).toBe(1);
    expect(flat(text)).toContain("Maximilian Alexander Schwarzenberg-Kowalczyk");
    expect(flat(text)).toContain("40시간 / 40 hours");
  });
});
