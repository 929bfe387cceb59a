import fs from "node:fs";
import { extractPdfText } from "@/lib/certificates/pdf-text.test-helpers";
import { DEMO_PASSWORD, expect, expectNoAxeViolations, field, signIn, test } from "./support/fixtures";

/**
 * Running a session to its end: the demo instructor takes attendance (on a phone-sized screen)
 * for the seeded run that ended and is still open, completes it, downloads a certificate, and
 * the public verification page confirms the code.
 *
 * Needs the seed's "awaiting completion" story: a run the demo instructor teaches whose meetings
 * are over, still PUBLISHED, with confirmed trainees and no attendance (prisma/seed/plan.ts).
 */

const CODE = /FT-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/;

test.describe("attendance, completion, certificate and verification", () => {
  test("the instructor takes attendance, completes the session, downloads a certificate that /verify confirms", async ({
    page,
  }) => {
    await signIn(page, "ko", "instructor@fasttrak.example", DEMO_PASSWORD);
    await expect(page.getByRole("button", { name: "로그아웃" })).toBeVisible();

    // The run that ended and is still open, from the instructor's own list.
    await page.goto("/ko/instructor/sessions");
    const past = page.getByRole("region", { name: /지난 세션/ });
    const open = past.getByRole("row").filter({ has: page.getByText("공개", { exact: true }) }).first();
    await open.getByRole("link", { name: /명단 보기/ }).click();
    await expect(page).toHaveURL(/\/ko\/sessions\/[^/]+\/roster/);
    const sessionId = new URL(page.url()).pathname.split("/")[3]!;

    // In the lab: a phone held in one hand.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/ko/sessions/${sessionId}/attendance`);
    await expect(page.getByRole("heading", { level: 1, name: "출석 관리" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await expectNoAxeViolations(page);

    const meetingLinks = page.getByRole("navigation", { name: "회차 선택" }).getByRole("link");
    const meetings = Math.max(1, await meetingLinks.count());
    for (let index = 1; index <= meetings; index++) {
      if (meetings > 1) {
        await page.getByRole("navigation", { name: "회차 선택" }).getByRole("link", { name: `${index}회차` }).click();
        await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${index}회차`) })).toBeVisible();
      }
      if (index === 1) {
        // One trainee arrived late: a single tap saves the mark, with who recorded it.
        const first = page.getByRole("group").filter({ has: page.getByRole("radio") }).first();
        await first.getByText("지각", { exact: true }).click();
        await expect(page.getByText("저장했습니다.").first()).toBeVisible();
        await expect(page.getByText(/박준호 기록/).first()).toBeVisible();
      }
      await page.getByRole("button", { name: "미기록 인원 모두 출석" }).click();
      await expect(page.getByText(/명을 출석으로 기록했습니다/)).toBeVisible();
      await expect(page.getByText(/미기록 0/)).toBeVisible();
    }
    await expectNoAxeViolations(page);

    // Complete: the dialog says what will happen, then the results list the certificates.
    await page.getByRole("button", { name: "과정 완료 처리" }).click();
    const dialog = page.getByRole("dialog", { name: "과정을 완료할까요?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(/명 수료\(수료증 발급\)/)).toBeVisible();
    await dialog.getByRole("button", { name: "완료 처리" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "수료 결과" })).toBeVisible();
    await expect(page.getByText("완료된 과정입니다. 출석 기록은 더 이상 바꿀 수 없습니다.")).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoAxeViolations(page);

    const certificateRow = page.getByRole("row").filter({ hasText: CODE }).first();
    const code = (await certificateRow.textContent())!.match(CODE)![0];
    const trainee = (await certificateRow.getByRole("cell").first().textContent())!.trim();

    // The certificate PDF: the instructor of the session may download it.
    const downloading = page.waitForEvent("download");
    await certificateRow.getByRole("link", { name: /수료증 PDF 다운로드/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`certificate-${code}.pdf`);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = extractPdfText(pdf).text.replace(/\s+/g, " ");
    expect(text).toContain("수료증");
    expect(text).toContain("Certificate of Completion");
    expect(text).toContain(trainee);
    expect(text).toContain(code);

    // The QR code's address: no locale, no sign-in needed.
    await page.goto(`/verify/${code}`);
    await expect(page).toHaveURL(new RegExp(`/ko/verify/${code}$`));
    await expect(page.getByRole("heading", { name: "유효한 수료증입니다" })).toBeVisible();
    await expect(page.getByText(trainee, { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("anyone can verify a code typed loosely, and an unknown code is denied", async ({ page }) => {
    await page.goto("/en/verify");
    await expect(page.getByRole("heading", { level: 1, name: "Verify a certificate" })).toBeVisible();
    await expectNoAxeViolations(page);
    await field(page, "Certificate code").fill("ft 2222 2222");
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/en\/verify\/FT-2222-2222$/);
    await expect(page.getByRole("heading", { name: "No certificate has this code" })).toBeVisible();
    await expectNoAxeViolations(page);

    await field(page, "Certificate code").fill("not a code");
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByText("That is not a certificate code. Enter it as FT-XXXX-XXXX.")).toBeVisible();
  });

  test("a trainee is refused the attendance pages", async ({ page }) => {
    await signIn(page, "en", "trainee@fasttrak.example", DEMO_PASSWORD);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    const response = await page.goto("/en/sessions/any-session/attendance");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("radio")).toHaveCount(0);
  });
});
