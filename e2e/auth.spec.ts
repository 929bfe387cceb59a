import { DEMO_PASSWORD, expect, expectNoAxeViolations, field, signIn, test } from "./support/fixtures";
import { linkIn, waitForMail } from "./support/mailbox";

test.describe("foundation: sign-up, verification, sign-in, languages, sign-out", () => {
  test("a new trainee signs up, verifies by mail, signs in, switches language and signs out", async ({ page }) => {
    const email = `e2e-${Date.now()}@example.com`;
    const password = "Bioreactor2026!";

    await page.goto("/ko");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expectNoAxeViolations(page);

    await page.goto("/ko/sign-up");
    await expectNoAxeViolations(page);
    // Bad input: a field-level Korean message, nothing created, what was typed is kept.
    await field(page, "이름").fill("김바이오");
    await field(page, "이메일").fill("not-an-email");
    await field(page, "비밀번호").fill("short");
    await page.getByRole("button", { name: "계정 만들기" }).click();
    await expect(field(page, "이메일")).toHaveAttribute("aria-invalid", "true");
    await expect(field(page, "이름")).toHaveValue("김바이오");
    await expectNoAxeViolations(page);

    await field(page, "이메일").fill(email);
    await field(page, "비밀번호").fill(password);
    await page.getByRole("button", { name: "계정 만들기" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page).not.toHaveURL(/sign-up$/);

    // The verification mail arrives over SMTP, in Korean, with a working link.
    const mail = await waitForMail(email);
    expect(mail.subject ?? "").toMatch(/[가-힣]/);
    const link = linkIn(mail, "/verify-email");
    await page.goto(link);
    await expectNoAxeViolations(page);

    await signIn(page, "ko", email, password);
    await expect(page.getByRole("button", { name: "로그아웃" })).toBeVisible();

    // Switching language keeps the page.
    await page.goto("/ko/account");
    await page.getByRole("navigation").first().waitFor();
    await page.getByRole("link", { name: "English" }).or(page.getByRole("button", { name: "English" })).first().click();
    await expect(page).toHaveURL(/\/en\/account/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  });

  test("a trainee is refused the admin pages", async ({ page }) => {
    await signIn(page, "en", "trainee@fasttrak.example", DEMO_PASSWORD);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    const response = await page.goto("/en/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(/permission|not allowed|access/i).first()).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("an anonymous visitor is sent to sign-in and back", async ({ page }) => {
    await page.goto("/en/admin/outbox");
    await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=/);
    await field(page, "Email").fill("admin@fasttrak.example");
    await field(page, "Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/en\/admin\/outbox/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the home page presents the center in both languages", async ({ page }) => {
    await page.goto("/en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/ko");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await expectNoAxeViolations(page);
  });
});
