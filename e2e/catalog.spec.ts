import { DEMO_PASSWORD, expect, expectNoAxeViolations, signIn, test } from "./support/fixtures";
import type { Page } from "@playwright/test";

/**
 * The public catalog and course pages on the demo data: browsing in both languages, filters in
 * the URL (with and without JavaScript), partial-word search, a course page with its structured
 * data and the right button per viewer, and a trainee seeing their own seat change at once.
 */

/** A seeded trainee that no other spec signs in as (same demo password as every seeded user). */
const TRAINEE = "jihoon.noh@sbpa.example";

const courseCards = (page: Page) => page.getByRole("article");

test.describe("catalog and course pages", () => {
  test("a visitor browses, filters and searches the catalog in Korean and English", async ({ page }) => {
    const response = await page.goto("/ko/courses");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "교육 과정" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /과정 \d+개/ })).toBeVisible();
    await expect(courseCards(page)).toHaveCount(12);
    await expectNoAxeViolations(page);

    // A topic filter: in the URL, and every card is of that topic.
    await page.getByLabel("분야").selectOption({ label: "다운스트림·정제" });
    await page.getByRole("button", { name: "필터 적용" }).click();
    await expect(page).toHaveURL(/\/ko\/courses\?category=DOWNSTREAM$/);
    await expect(courseCards(page).first()).toBeVisible();
    for (const card of await courseCards(page).all()) {
      await expect(card.getByText("다운스트림·정제", { exact: true })).toBeVisible();
    }

    // Part of a Korean word finds the course, within the chosen topic.
    await page.getByLabel("검색", { exact: true }).fill("크로마토");
    await page.getByLabel("검색", { exact: true }).press("Enter");
    await expect(page).toHaveURL(/q=%ED%81%AC%EB%A1%9C%EB%A7%88%ED%86%A0/);
    await expect(page).toHaveURL(/category=DOWNSTREAM/);
    await expect(
      page.getByRole("heading", { level: 3, name: "ÄKTA를 이용한 크로마토그래피 기초" }),
    ).toBeVisible();
    await expect(page.getByLabel("검색", { exact: true })).toHaveValue("크로마토");
    await expectNoAxeViolations(page);

    // Only sessions with seats, in a month: the filters stay in the URL, no card offers a full run.
    await page.goto("/ko/courses");
    const month = page.getByLabel("시작 월");
    const firstMonth = await month.locator("option").nth(1).getAttribute("value");
    await month.selectOption(firstMonth!);
    await page.getByLabel("남은 자리가 있는 일정만 보기").check();
    await page.getByRole("button", { name: "필터 적용" }).click();
    await expect(page).toHaveURL(new RegExp(`month=${firstMonth}`));
    await expect(page).toHaveURL(/seats=1/);
    await expect(courseCards(page).first()).toBeVisible();
    await expect(page.getByText("정원 마감 · 대기 신청 가능")).toHaveCount(0);

    // Nothing found: says so, and one click clears the filters.
    await page.goto("/ko/courses?q=%EC%97%86%EB%8A%94%EA%B3%BC%EC%A0%95xyz");
    await expect(page.getByRole("heading", { name: "‘없는과정xyz’에 맞는 과정이 없습니다" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "필터 지우기" }).first().click();
    await expect(page).toHaveURL(/\/ko\/courses$/);
    await expect(courseCards(page)).toHaveCount(12);

    // English, with an English partial word; the language switcher keeps the search.
    await page.goto("/en/courses?q=chromato");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 3, name: /Chromatography/ }).first(),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "한국어" }).first().click();
    await expect(page).toHaveURL(/\/ko\/courses\?q=chromato$/);
    await expect(
      page.getByRole("heading", { level: 3, name: "ÄKTA를 이용한 크로마토그래피 기초" }),
    ).toBeVisible();

    // Pagination of the unfiltered catalog.
    await page.goto("/en/courses");
    await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Page 2" }).click();
    await expect(page).toHaveURL(/\/en\/courses\?page=2$/);
    await expect(page.getByRole("status").filter({ hasText: /page 2 of/ })).toBeVisible();
  });

  test("the filter form works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/en/courses");
    await page.getByLabel("Level").selectOption({ label: "Advanced" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/level=ADVANCED/);
    await expect(courseCards(page).first()).toBeVisible();
    for (const card of await courseCards(page).all()) {
      await expect(card.getByText("Advanced", { exact: true })).toBeVisible();
    }
    await context.close();
  });

  test("a course page shows its sessions, structured data and the visitor's button", async ({ page }) => {
    await page.goto("/ko/courses?q=%EB%8F%99%EB%AC%BC%EC%84%B8%ED%8F%AC");
    await page.getByRole("link", { name: "동물세포 배양 기초" }).first().click();
    await expect(page).toHaveURL(/\/ko\/courses\/mammalian-cell-culture-fundamentals$/);
    await expect(page.getByRole("heading", { level: 1, name: "동물세포 배양 기초" })).toBeVisible();
    await expect(page).toHaveTitle(/동물세포 배양 기초/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /CHO/);

    // Every upcoming session with its meetings (Seoul time, zone shown) and seats left.
    const sessions = page.getByRole("region", { name: "일정과 신청" }).getByRole("article");
    await expect(sessions.first()).toBeVisible();
    await expect(sessions.first().getByText(/GMT\+9/).first()).toBeVisible();
    await expect(sessions.first().getByText(/석 \/ 정원 \d+명/).first()).toBeVisible();
    // A visitor is asked to sign in, and comes back to this session afterwards.
    const signInLink = sessions.getByRole("link", { name: "로그인하고 신청하기" }).first();
    await expect(signInLink).toHaveAttribute("href", /\/ko\/sign-in\?callbackUrl=%2Fko%2Fcourses%2Fmammalian/);

    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}",
    );
    expect(jsonLd).toMatchObject({
      "@type": "Course",
      name: "동물세포 배양 기초",
      provider: { "@type": "Organization" },
      offers: { priceCurrency: "KRW" },
    });
    expect(jsonLd.hasCourseInstance.length).toBe(await sessions.count());
    expect(jsonLd.hasCourseInstance[0]).toMatchObject({ "@type": "CourseInstance", courseMode: "onsite" });
    await expectNoAxeViolations(page);

    await page.goto("/en/courses/mammalian-cell-culture-fundamentals");
    await expect(
      page.getByRole("heading", { level: 1, name: "Fundamentals of Mammalian Cell Culture" }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in to enroll" }).first()).toBeVisible();
    await expectNoAxeViolations(page);

    const missing = await page.goto("/en/courses/no-such-course");
    expect(missing?.status()).toBe(404);
  });

  test("a trainee enrolls and sees their seat taken at once, on the course page and in the static catalog", async ({
    page,
  }) => {
    await signIn(page, "ko", TRAINEE, DEMO_PASSWORD);
    await expect(page.getByRole("button", { name: "로그아웃" })).toBeVisible();

    // From the static catalog (/ko/courses): a course without conditions whose next session,
    // shown on its card, has seats and is open; on its page this trainee can enroll straight away.
    await page.goto("/ko/courses");
    const seatsOnCard = /잔여 (\d+)석 \/ 정원 \d+명/;
    let chosen: { title: string; when: string; sessionId: string; seats: number } | null = null;
    const candidates: { title: string; href: string; when: string; seats: number }[] = [];
    for (const card of await courseCards(page).all()) {
      if ((await card.getByText(/선수 과정 있음|센터 승인 후 확정/).count()) > 0) continue;
      const next = card.getByRole("listitem").first();
      const text = (await next.textContent()) ?? "";
      const seats = seatsOnCard.exec(text);
      if (!seats || /신청 시작|신청 마감/.test(text)) continue;
      const link = card.getByRole("heading", { level: 3 }).getByRole("link");
      candidates.push({
        title: (await link.textContent())!,
        href: (await link.getAttribute("href"))!,
        when: (await next.locator("time").textContent())!,
        seats: Number(seats[1]),
      });
    }
    for (const candidate of candidates) {
      await page.goto(candidate.href);
      // The buttons stream in after the static page: wait until none is pending.
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      const session = page
        .getByRole("region", { name: "일정과 신청" })
        .getByRole("article")
        .filter({ has: page.getByRole("heading", { level: 3, name: candidate.when }) })
        .filter({ has: page.getByRole("button", { name: "수강 신청" }) });
      if ((await session.count()) === 1) {
        chosen = { ...candidate, sessionId: (await session.getAttribute("id"))! };
        break;
      }
    }
    expect(chosen, "a session this trainee can enroll in").not.toBeNull();
    const session = page.locator(`[id="${chosen!.sessionId}"]`);
    const seatsLeft = async () =>
      Number(/(\d+)석 \//.exec((await session.getByText(/석 \/ 정원/).first().textContent()) ?? "")![1]);
    expect(await seatsLeft()).toBe(chosen!.seats);

    await session.getByRole("button", { name: "수강 신청" }).click();
    await expect(session.getByText("수강 신청이 확정되었습니다", { exact: false })).toBeVisible();
    await expect(session.getByText("신청이 확정되었습니다.", { exact: true })).toBeVisible();
    await expect(session.getByRole("link", { name: "내 수강 신청에서 보기" })).toBeVisible();
    await expect.poll(seatsLeft).toBe(chosen!.seats - 1);

    // A fresh load of the course page (static apart from the button) already counts the seat.
    await page.reload();
    await expect.poll(seatsLeft).toBe(chosen!.seats - 1);

    // So does the static catalog, without waiting for any cache lifetime to run out.
    await page.goto("/ko/courses");
    const card = courseCards(page).filter({
      has: page.getByRole("heading", { level: 3, name: chosen!.title, exact: true }),
    });
    await expect(card.getByRole("listitem").first()).toContainText(
      new RegExp(`잔여 ${chosen!.seats - 1}석 / 정원`),
    );
  });
});
