import fs from "node:fs";
import { DEMO_PASSWORD, expect, expectNoAxeViolations, field, signIn, test } from "./support/fixtures";

const INSTRUCTOR = "instructor@fasttrak.example";
const ADMIN = "admin@fasttrak.example";
const TRAINEE = "trainee@fasttrak.example";
const TRAINEE_NAME = "김민지";

test.describe("session roster", () => {
  test("an admin adds the demo trainee to a seeded session, records a payment and downloads the CSV", async ({
    page,
    browser,
  }) => {
    // The demo instructor's upcoming sessions give the roster links (seeded sessions they teach).
    const instructorContext = await browser.newContext();
    const instructor = await instructorContext.newPage();
    await signIn(instructor, "en", INSTRUCTOR, DEMO_PASSWORD);
    await expect(instructor.getByRole("button", { name: "Sign out" })).toBeVisible();
    await instructor.goto("/en/instructor/sessions");
    await expect(instructor.getByRole("heading", { level: 1, name: "My sessions" })).toBeVisible();
    await expectNoAxeViolations(instructor);
    const upcoming = instructor.getByRole("region", { name: /Upcoming and running/ });
    const rosterLinks = await upcoming
      .getByRole("link", { name: /^Open roster/ })
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
    expect(rosterLinks.length).toBeGreaterThan(0);
    // The instructor's own view: the roster without the admin-only controls.
    await instructor.goto(rosterLinks[0]!);
    await expect(instructor.getByRole("heading", { name: "Trainees" })).toBeVisible();
    await expect(instructor.getByRole("heading", { name: "Capacity" })).toHaveCount(0);
    await expectNoAxeViolations(instructor);
    await instructorContext.close();

    await signIn(page, "en", ADMIN, DEMO_PASSWORD);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

    // A session the demo trainee is not on yet (earlier tests may have enrolled them somewhere):
    // the CSV export lists every enrollment of the roster, whatever page the table is on.
    let rosterPath: string | null = null;
    for (const href of rosterLinks) {
      const csv = await page.request.get(`${href}/export.csv`);
      expect(csv.status()).toBe(200);
      if ((await csv.text()).includes(TRAINEE)) continue;
      await page.goto(href);
      await expect(page.getByRole("heading", { name: "Trainees" })).toBeVisible();
      if ((await page.getByRole("heading", { name: "Add a trainee" }).count()) > 0) {
        rosterPath = href;
        break;
      }
    }
    expect(rosterPath, "a roster without the demo trainee").not.toBeNull();
    await page.goto(rosterPath!);
    await expectNoAxeViolations(page);

    // An unknown email is refused clearly, and nothing is added.
    await field(page, "Trainee's email").fill("nobody-here@example.com");
    await page.getByRole("button", { name: "Add to roster" }).click();
    await expect(page.getByText(/No active account uses nobody-here@example\.com/)).toBeVisible();

    // Add the demo trainee; a full session offers the waitlist instead.
    await field(page, "Trainee's email").fill(TRAINEE);
    await page.getByRole("button", { name: "Add to roster" }).click();
    const added = page.getByText(
      /trainee@fasttrak\.example (was added with a confirmed seat|is on the waitlist at position \d+)/,
    );
    const waitlistInstead = page.getByRole("button", { name: "Add to the waitlist" });
    await expect(added.or(waitlistInstead)).toBeVisible();
    if (await waitlistInstead.isVisible()) await waitlistInstead.click();
    await expect(added).toBeVisible();

    // The trainee's row, found through the roster's search (retried until the page is interactive).
    const row = page.getByRole("row").filter({ hasText: TRAINEE });
    const findRow = async () =>
      expect(async () => {
        await page.getByRole("searchbox", { name: "Search" }).fill(TRAINEE);
        await expect(page.getByRole("row")).toHaveCount(2, { timeout: 1_000 });
        await expect(row).toHaveCount(1, { timeout: 1_000 });
      }).toPass();
    await findRow();
    await expect(row.getByRole("rowheader")).toHaveText(TRAINEE_NAME);
    await expect(row.getByText("Added by staff")).toBeVisible();

    // Record the invoice: payment status and reference, saved together.
    const invoiceRef = `FT-E2E-${Date.now().toString().slice(-6)}`;
    await row.getByLabel(`Payment status of ${TRAINEE_NAME}`).selectOption("INVOICED");
    await row.getByLabel(`Invoice reference of ${TRAINEE_NAME}`).fill(invoiceRef);
    // The save is a server action: wait for its answer, then check what a reload shows.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.status() === 200),
      row.getByRole("button", { name: new RegExp(`^Save\\s*:\\s*${TRAINEE_NAME}$`) }).click(),
    ]);
    await page.reload();
    await findRow();
    await expect(row.getByLabel(`Payment status of ${TRAINEE_NAME}`)).toHaveValue("INVOICED");
    await expect(row.getByLabel(`Invoice reference of ${TRAINEE_NAME}`)).toHaveValue(invoiceRef);
    await expectNoAxeViolations(page);

    // The CSV: a BOM for Excel, English labels, the trainee's Korean name and the new payment.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^[A-Z0-9-]+_\d{4}-\d{2}-\d{2}_roster\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString("utf8");
    expect(csv).toContain('"Name","Email","Organization","Status"');
    const line = csv.split("\r\n").find((l) => l.includes(TRAINEE));
    expect(line).toBeDefined();
    expect(line).toContain(`"${TRAINEE_NAME}"`);
    expect(line).toContain('"Invoiced"');
    expect(line).toContain(`"${invoiceRef}"`);

    // At phone width the table scrolls inside its frame; the page itself does not.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(rosterPath!);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page);
  });

  test("a trainee cannot open a roster or its export", async ({ page, browser }) => {
    const instructorContext = await browser.newContext();
    const instructor = await instructorContext.newPage();
    await signIn(instructor, "en", INSTRUCTOR, DEMO_PASSWORD);
    await expect(instructor.getByRole("button", { name: "Sign out" })).toBeVisible();
    await instructor.goto("/en/instructor/sessions");
    const href = await instructor.getByRole("link", { name: /^Open roster/ }).first().getAttribute("href");
    await instructorContext.close();
    expect(href).toBeTruthy();

    await signIn(page, "en", TRAINEE, DEMO_PASSWORD);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    const response = await page.goto(href!);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("table")).toHaveCount(0);
    const file = await page.request.get(`${href}/export.csv`);
    expect(file.status()).toBe(403);
  });
});
