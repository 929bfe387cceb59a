import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, field, signIn, test } from "./support/fixtures";
import { linkIn, waitForMail } from "./support/mailbox";

/**
 * The trainee journey through the enrollment engine, as two people would live it: the seeded
 * run of "Fundamentals of Biopharmaceutical Analytics" (FT-ANA-101) has exactly one seat left
 * (prisma/seed/plan.ts, the last-seat story). A Korean-speaking trainee takes it, an
 * English-speaking one joins the waitlist, the first cancels, and the second is promoted and
 * told so by mail.
 */

const PASSWORD = "Chromatography2026!";
const COURSE_KO = "바이오의약품 분석 기초";
const COURSE_EN = "Fundamentals of Biopharmaceutical Analytics";

async function newTrainee(browser: Browser, locale: "ko" | "en", name: string): Promise<{ page: Page; email: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `e2e-${locale}-${Date.now()}@example.com`;
  const ko = locale === "ko";
  await page.goto(`/${locale}/sign-up`);
  await field(page, ko ? "이름" : "Name").fill(name);
  await field(page, ko ? "이메일" : "Email").fill(email);
  await field(page, ko ? "비밀번호" : "Password").fill(PASSWORD);
  await page.getByRole("button", { name: ko ? "계정 만들기" : "Create account" }).click();
  await expect(page).not.toHaveURL(/sign-up$/);
  await page.goto(linkIn(await waitForMail(email), "/verify-email"));
  await signIn(page, locale, email, PASSWORD);
  await expect(page.getByRole("button", { name: ko ? "로그아웃" : "Sign out" })).toBeVisible();
  return { page, email };
}

test.describe("trainee journey: catalog → enroll → calendar → waitlist → cancel → promotion", () => {
  test("two trainees share the last seat of a session through the waitlist", async ({ browser }) => {
    test.setTimeout(180_000);
    const first = await newTrainee(browser, "ko", "김하늘");
    const a = first.page;

    // Browse and filter the catalog (Korean, partial word), then open the course.
    await a.goto("/ko/courses");
    await expectNoAxeViolations(a);
    await a.getByLabel("분야").selectOption({ label: "분석" });
    await a.getByRole("searchbox", { name: "검색" }).or(a.getByLabel("검색", { exact: true })).first().fill("분석 기");
    await a.getByRole("button", { name: "필터 적용" }).or(a.getByRole("button", { name: "검색", exact: true })).first().click();
    await expect(a).toHaveURL(/q=/);
    await expect(a).toHaveURL(/category=ANALYTICS/);
    await a.getByRole("link", { name: COURSE_KO }).first().click();
    await expect(a.getByRole("heading", { level: 1, name: COURSE_KO })).toBeVisible();
    await expectNoAxeViolations(a);

    // Enroll in the session that still has a seat.
    await a.getByRole("button", { name: "수강 신청", exact: true }).first().click();
    await expect(a.getByText("수강 신청이 확정되었습니다.", { exact: false }).first()).toBeVisible();

    // The confirmation mail arrives over SMTP in Korean, with the calendar file attached.
    const confirmation = await waitForMail(first.email, /수강 확정/);
    const attachment = confirmation.attachments.find((f) => f.filename?.endsWith(".ics"));
    expect(attachment, "confirmation mail carries an .ics").toBeDefined();
    expect(attachment!.content.toString("utf8")).toContain("TZID=Asia/Seoul");

    // My enrollments shows the seat, and the .ics downloads with every meeting in Seoul time.
    await a.goto("/ko/me/enrollments");
    await expect(a.getByRole("heading", { name: COURSE_KO }).first()).toBeVisible();
    await expectNoAxeViolations(a);
    const [download] = await Promise.all([
      a.waitForEvent("download"),
      a.getByRole("link", { name: /캘린더에 추가/ }).first().click(),
    ]);
    const ics = await new Promise<string>((resolve, reject) => {
      download.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        stream.on("error", reject);
      }, reject);
    });
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toMatch(/DTSTART;TZID=Asia\/Seoul:\d{8}T\d{6}/);
    expect(ics).toMatch(/UID:meeting-[^@\r\n]+@fasttrak-enroll/);

    // A second trainee, in English, finds the session full and joins the waitlist.
    const second = await newTrainee(browser, "en", "Alex Morgan");
    const b = second.page;
    await b.goto("/en/courses");
    await b.getByLabel("Search", { exact: true }).first().fill("biopharmaceutical anal");
    await b.getByRole("button", { name: "Search", exact: true }).or(b.getByRole("button", { name: "Apply filters" })).first().click();
    await b.getByRole("link", { name: COURSE_EN }).first().click();
    await expect(b.getByRole("heading", { level: 1, name: COURSE_EN })).toBeVisible();
    await b.getByRole("button", { name: "Join the waitlist" }).first().click();
    await expect(b.getByText(/waitlist at position 1/).first()).toBeVisible();
    await b.goto("/en/me/enrollments");
    await expect(b.getByText("You're number 1 on the waitlist").first()).toBeVisible();
    await expectNoAxeViolations(b);

    // The first trainee cancels, confirming the consequence.
    await a.goto("/ko/me/enrollments");
    await a.getByRole("button", { name: /수강 취소/ }).first().click();
    const dialog = a.getByRole("dialog");
    await expect(dialog).toContainText("다음 대기자");
    await expectNoAxeViolations(a);
    await dialog.getByRole("button", { name: "수강 취소", exact: true }).click();
    await expect(a.getByText("수강 신청이 취소되었습니다.").first()).toBeVisible();

    // The second trainee was promoted in the same transaction and gets the mail, in English.
    const promoted = await waitForMail(second.email, /Off the waitlist/);
    expect(promoted.attachments.some((f) => f.filename?.endsWith(".ics"))).toBe(true);
    await b.reload();
    await expect(b.getByRole("heading", { name: "Upcoming" })).toBeVisible();
    await expect(b.getByRole("link", { name: /Add to calendar/ }).first()).toBeVisible();
    await expect(b.getByText("You're number 1 on the waitlist")).toHaveCount(0);
    await expectNoAxeViolations(b);
  });
});
