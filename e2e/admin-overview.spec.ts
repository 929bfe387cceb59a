import {
  DEMO_PASSWORD,
  expect,
  expectNoAxeViolations,
  field,
  signIn,
  test,
} from "./support/fixtures";
import { waitForMail } from "./support/mailbox";

/**
 * Overview and requests (issue 4): a visitor asks for pilot-process support through the public
 * form; the requester and the admins are mailed; an admin finds the request in the pipeline,
 * moves it to "contacted" with a note, looks at the dashboard, and finds the change in the
 * audit log filtered to that action. axe runs on every page visited.
 */

/** The form refuses submissions faster than this after the page was shown (lib/training-requests/form-token.ts). */
const MIN_FILL_MS = 4_000;

test.describe("admin overview: training requests, dashboard, audit log", () => {
  test("a visitor's training request reaches the pipeline, the dashboard and the audit log", async ({
    page,
  }) => {
    const stamp = Date.now().toString(36);
    const company = `E2E Bio ${stamp}`;
    const topic = `Perfusion pilot run ${stamp}`;
    const email = `e2e-request-${stamp}@example.com`;
    const note = `Called the requester (${stamp}); two runs in March.`;

    // ── The visitor (Korean, signed out) ────────────────────────────────────────────────
    await page.goto("/ko/training-requests/new");
    const shownAt = Date.now();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "맞춤 교육·파일럿 공정 지원 요청",
    );
    await expectNoAxeViolations(page);

    await page.getByRole("radio", { name: /파일럿 공정 지원/ }).check();
    await field(page, "주제").fill(topic);
    await field(page, "회사·기관명").fill(company);
    await field(page, "담당자 이름").fill("이서준");
    await field(page, "이메일").fill(email);
    await field(page, "전화번호").fill("010-2345-6789");
    await field(page, "참가 인원").fill("4");
    await field(page, "시작일").fill("2027-03-02");
    await field(page, "종료일").fill("2027-03-13");
    await field(page, "일정 메모").fill("평일만 가능");
    await field(page, "요청 내용").fill(
      "관류 배양 공정을 2 L 규모에서 두 번 시험 운전하고 싶습니다.",
    );
    // A person takes longer than the minimum fill time; the test waits for it explicitly.
    await page.waitForTimeout(Math.max(0, MIN_FILL_MS + 500 - (Date.now() - shownAt)));
    await page.getByRole("button", { name: "요청 보내기" }).click();

    await expect(page).toHaveURL(/\/ko\/training-requests\/new\?sent=1$/);
    await expect(
      page.getByRole("heading", { name: "요청이 접수되었습니다. 감사합니다." }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    // The acknowledgement in Korean, and the admins' notice naming the company.
    const ack = await waitForMail(email, /교육 요청이 접수되었습니다/);
    expect(ack.text ?? "").toContain(topic);
    const notice = await waitForMail("admin@fasttrak.example", new RegExp(company));
    expect(notice.text ?? "").toContain("/admin/training-requests/");

    // ── The admin (English) ──────────────────────────────────────────────────────────────
    await signIn(page, "en", "admin@fasttrak.example", DEMO_PASSWORD);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

    await page.goto("/en/admin/training-requests?status=NEW");
    await expect(page.getByRole("heading", { level: 1, name: "Training requests" })).toBeVisible();
    await expect(page.getByRole("link", { name: topic })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: topic }).click();
    await expect(page.getByRole("heading", { level: 1, name: topic })).toBeVisible();
    await expect(page.getByText(company, { exact: false }).first()).toBeVisible();
    await expect(page.getByText("2027-03-02 ~ 2027-03-13 · 평일만 가능")).toBeVisible();
    await expectNoAxeViolations(page);

    await field(page, "Stage").selectOption({ label: "Contacted" });
    await field(page, "Note").fill(note);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved. The history shows the change.")).toBeVisible();
    const history = page.getByRole("region", { name: "History" });
    await expect(history.getByText(note)).toBeVisible();
    await expect(history.getByText("Moved from New to Contacted")).toBeAttached();
    await expect(field(page, "Stage")).toHaveValue("CONTACTED");
    await expectNoAxeViolations(page);

    // Back in the list, the request has left the "New" stage.
    await page.goto("/en/admin/training-requests?status=NEW");
    await expect(page.getByRole("link", { name: topic })).toHaveCount(0);
    await page.goto("/en/admin/training-requests?status=CONTACTED");
    await expect(page.getByRole("link", { name: topic })).toBeVisible();

    // ── The dashboard ────────────────────────────────────────────────────────────────────
    await page.goto("/en/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Upcoming sessions" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Waitlist demand by course" })).toBeVisible();
    await expect(
      page.getByRole("img", { name: /Bar chart of enrollments per month/ }),
    ).toBeVisible();
    await expect(
      page.getByRole("img", { name: /Bar chart of list-price revenue per month/ }),
    ).toBeVisible();
    await expect(page.getByRole("img", { name: /by organization type/ })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: /Training requests/ }).first()).toBeVisible();
    await expectNoAxeViolations(page);

    // ── The audit log, filtered to that action ───────────────────────────────────────────
    await page.goto("/en/admin/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expectNoAxeViolations(page);
    await field(page, "Actor").fill("admin@fasttrak.example");
    await field(page, "Action").selectOption("training-request.update-status");
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await expect(page).toHaveURL(/action=training-request\.update-status/);
    const entries = page.getByRole("table", { name: "Audit log entries" });
    const newest = entries.getByRole("row").nth(1);
    await expect(newest).toContainText("training-request.update-status");
    await expect(newest).toContainText(note);
    await expect(newest).toContainText("CONTACTED");
    await expectNoAxeViolations(page);
  });
});
