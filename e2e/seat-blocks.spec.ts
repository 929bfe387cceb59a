import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectNoAxeViolations, field, signIn, test } from "./support/fixtures";

/**
 * A partner coordinator requests seats for the seeded Inha cohort in a published session, an
 * admin approves part of them, the coordinator gives one to a seeded student who has an
 * account, and the student finds the confirmed seat under My enrollments. Once in Korean, once
 * in English (with another student), axe-checked on every page.
 *
 * The demo data is dated relative to today, so which sessions a student is free for varies: the
 * spec tries sessions with free seats from the latest on and, if the student turns out to hold
 * a seat at the same time (or already has a place), releases that block and tries the next.
 */

const PARTNER = "partner@fasttrak.example";
const ADMIN = "admin@fasttrak.example";
/** The seeded cohort of Inha University (prisma/seed/partners.ts). */
const COHORT = "생명공학과 2026 바이오공정 실무반";
const MAX_ATTEMPTS = 6;

const text = {
  ko: {
    dashboard: "파트너 대시보드",
    seatBlocks: "단체 좌석",
    session: "세션",
    cohort: "코호트",
    seats: "좌석 수",
    note: "센터에 전할 메모",
    request: "좌석 신청",
    free: /잔여 (\d+)석/,
    requested: "좌석 신청이 접수되었습니다",
    exists: "이미 이 세션에 검토 중이거나 승인된 단체 좌석이 있습니다",
    adminTitle: "단체 좌석 신청",
    requestCard: "인하대학교 · 3석 신청",
    approvedSeats: "승인할 좌석 수",
    approve: "승인",
    approved: "2석을 승인했습니다",
    statusApproved: "승인됨",
    member: "학생",
    assign: "좌석 배정",
    assigned: "좌석을 배정했습니다",
    release: "좌석 해제",
    confirmRelease: "해제",
    releasedNotice: "배정되지 않은 좌석은 해제되어",
    statusPartly: "일부 배정됨",
    confirmed: "확정",
    upcoming: /예정된 교육/,
    membersSection: "학생별 현황",
  },
  en: {
    dashboard: "Partner dashboard",
    seatBlocks: "Seat blocks",
    session: "Session",
    cohort: "Cohort",
    seats: "Number of seats",
    note: "Note to the center",
    request: "Request seats",
    free: /(\d+) of \d+ seats free/,
    requested: "Your request has been sent",
    exists: "already has a pending or approved seat block in this session",
    adminTitle: "Seat-block requests",
    requestCard: "Inha University · 3 seats requested",
    approvedSeats: "Seats to approve",
    approve: "Approve",
    approved: "2 seats approved",
    statusApproved: "Approved",
    member: "Student",
    assign: "Give seat",
    assigned: "Seat given",
    release: "Release seats",
    confirmRelease: "Release",
    releasedNotice: "have been released to other trainees",
    statusPartly: "Partly claimed",
    confirmed: "Confirmed",
    upcoming: /Upcoming/,
    membersSection: "Students",
  },
} as const;

/** A seeded Inha student with an account and no seat from the demo seat block. */
const STUDENT = {
  ko: { email: "seohyun.choi@inha.example", name: "최서현" },
  en: { email: "minseok.jung@inha.example", name: "정민석" },
} as const;

type SessionOption = { value: string; label: string; code: string; title: string; free: number };

async function sessionOptions(page: Page, label: string, free: RegExp): Promise<SessionOption[]> {
  const options = await field(page, label)
    .locator("option")
    .evaluateAll((nodes) =>
      nodes.map((n) => ({ value: (n as HTMLOptionElement).value, label: n.textContent ?? "" })),
    );
  return options
    .filter((o) => o.value)
    .map((o) => {
      const [course = ""] = o.label.split(" · ");
      const [code = "", ...title] = course.split(" ");
      return { ...o, code, title: title.join(" "), free: Number(free.exec(o.label)?.[1] ?? 0) };
    });
}

for (const locale of ["ko", "en"] as const) {
  test(`a partner's seat request is approved in part and a student gets a seat (${locale})`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    const t = text[locale];
    const student = STUDENT[locale];

    await signIn(page, locale, PARTNER, DEMO_PASSWORD);
    await page.goto(`/${locale}/partner`);
    await expect(page.getByRole("heading", { level: 1, name: t.dashboard })).toBeVisible();
    await expectNoAxeViolations(page);

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, locale, ADMIN, DEMO_PASSWORD);
    await expect(admin.getByRole("button", { name: locale === "ko" ? "로그아웃" : "Sign out" })).toBeVisible();

    await page.goto(`/${locale}/partner/seat-blocks`);
    await expect(page.getByRole("heading", { level: 1, name: t.seatBlocks })).toBeVisible();
    await expectNoAxeViolations(page);
    // Sessions with room for the 2 seats the admin will approve, the latest first (fewest
    // seeded seats of the students there).
    const candidates = (await sessionOptions(page, t.session, t.free)).filter((o) => o.free >= 2).reverse();
    expect(candidates.length).toBeGreaterThan(0);

    let chosen: SessionOption | null = null;
    let blockUrl = "";
    for (const candidate of candidates.slice(0, MAX_ATTEMPTS)) {
      // Request 3 seats for the cohort.
      await page.goto(`/${locale}/partner/seat-blocks`);
      await field(page, t.session).selectOption(candidate.value);
      await field(page, t.cohort).selectOption({ label: COHORT });
      await field(page, t.seats).fill("3");
      await field(page, t.note).fill("e2e: 산학 연계 실습");
      await page.getByRole("button", { name: t.request, exact: true }).click();
      const sent = page.getByText(t.requested);
      const exists = page.getByText(t.exists);
      await expect(sent.or(exists)).toBeVisible();
      if (await exists.isVisible()) continue; // the other language's run took this session
      blockUrl = page.url();
      await expectNoAxeViolations(page);

      // The admin approves 2 of the 3 seats (a partial approval).
      await admin.goto(`/${locale}/admin/seat-blocks`);
      await expect(admin.getByRole("heading", { level: 1, name: t.adminTitle })).toBeVisible();
      const card = admin
        .getByRole("listitem")
        .filter({ has: admin.getByRole("heading", { name: t.requestCard }) })
        .filter({ hasText: `${candidate.code} ${candidate.title}` });
      await expect(card).toHaveCount(1);
      await expectNoAxeViolations(admin);
      await card.getByLabel(t.approvedSeats).fill("2");
      await card.getByRole("button", { name: t.approve, exact: true }).click();
      await expect(admin.getByText(t.approved)).toBeVisible();

      // The coordinator gives one seat to the student.
      await page.goto(blockUrl);
      await expect(page.getByText(t.statusApproved, { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
      const memberSelect = field(page, t.member);
      const memberOption = await memberSelect
        .locator("option")
        .evaluateAll(
          (nodes, email) => nodes.map((n) => n.textContent ?? "").find((l) => l.includes(email)),
          student.email,
        );
      if (memberOption) {
        await memberSelect.selectOption({ label: memberOption });
        await page.getByRole("button", { name: t.assign, exact: true }).click();
        const given = page.getByText(t.assigned);
        // Refusals about the student name them (a place already, or a seat at the same time).
        const refused = page.getByRole("alert").filter({ hasText: student.name });
        await expect(given.or(refused)).toBeVisible();
        if (await given.isVisible()) {
          chosen = candidate;
          break;
        }
      }
      // The student has a place there already or a seat at the same time: give the seats back.
      await page.goto(blockUrl);
      await page.getByRole("button", { name: t.release, exact: true }).click();
      await page.getByRole("dialog").getByRole("button", { name: t.confirmRelease, exact: true }).click();
      await expect(page.getByText(t.releasedNotice)).toBeVisible();
    }
    expect(chosen, "a session the student could get a seat in").not.toBeNull();
    await adminContext.close();

    // The block: 2 approved, 1 given out, the student's seat confirmed.
    await page.goto(blockUrl);
    await expect(page.getByText(t.statusPartly, { exact: true })).toBeVisible();
    const seatRow = page.getByRole("row").filter({ hasText: student.email });
    await expect(seatRow).toContainText(t.confirmed);
    await expectNoAxeViolations(page);

    // The dashboard's student table shows the session.
    await page.goto(`/${locale}/partner`);
    const members = page.getByRole("region", { name: t.membersSection });
    await expect(members.getByRole("row").filter({ hasText: student.email })).toContainText(chosen!.title);
    await expectNoAxeViolations(page);

    // The student sees the confirmed seat under My enrollments.
    const studentContext = await browser.newContext();
    const studentPage = await studentContext.newPage();
    await signIn(studentPage, locale, student.email, DEMO_PASSWORD);
    await studentPage.goto(`/${locale}/me/enrollments`);
    const upcoming = studentPage.getByRole("region", { name: t.upcoming });
    await expect(upcoming.getByText(chosen!.title).first()).toBeVisible();
    await expectNoAxeViolations(studentPage);
    await studentContext.close();
  });
}
