import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/** Runs axe on the current page and fails with the list of violations, if any. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // After a soft navigation (a server action's redirect) Next streams the new page's <title>
  // after its content; wait for it as a reader would, then audit. A page without a title
  // still fails here.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * A form control by its visible label; required fields' labels end in an aria-hidden "*".
 * Visible ones only: with Cache Components, Next.js keeps the pages navigated away from in the
 * DOM, hidden (React <Activity>), so a list page's filter can sit next to the detail page's form.
 */
export function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByLabel(new RegExp(`^${escaped}\\*?$`)).filter({ visible: true });
}

/**
 * Signs in with valid credentials and waits until the app has left the sign-in page: navigating
 * away earlier would cancel the sign-in request before its session cookie is set.
 */
export async function signIn(page: Page, locale: "ko" | "en", email: string, password: string): Promise<void> {
  await page.goto(`/${locale}/sign-in`);
  await field(page, locale === "ko" ? "이메일" : "Email").fill(email);
  await field(page, locale === "ko" ? "비밀번호" : "Password").fill(password);
  await page.getByRole("button", { name: locale === "ko" ? "로그인" : "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
}

export const DEMO_PASSWORD = "FastTrak!2026";

export const test = base;
export { expect };
