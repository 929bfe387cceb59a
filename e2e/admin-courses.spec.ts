import {
  DEMO_PASSWORD,
  expect,
  expectNoAxeViolations,
  field,
  signIn,
  test,
} from "./support/fixtures";

/**
 * Course management (issue 4): an admin writes a course in both languages, is stopped by a
 * validation error without losing anything typed, creates it, publishes it, and visitors find
 * it in the catalog in either language. axe runs on every admin page visited.
 */
test.describe("admin course management", () => {
  test("an admin creates a bilingual course, fixes a mistake, publishes it and finds it in the catalog", async ({
    page,
  }) => {
    // One word no seeded course contains, so the catalog search finds exactly this course.
    const word = `Lyo${Date.now().toString(36)}`;
    const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
    const titleEn = `Freeze Drying ${word} Workshop`;
    const titleKo = `동결 건조 ${word} 워크숍`;

    await signIn(page, "en", "admin@fasttrak.example", DEMO_PASSWORD);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

    // The list: seeded courses, filters, pagination.
    await page.goto("/en/admin/courses");
    await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Pagination" })).toBeVisible();
    await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();
    // A seeded course is found by part of its code.
    await field(page, "Search").fill("USP-101");
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await expect(
      page.getByRole("link", { name: "Fundamentals of Mammalian Cell Culture" }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    // A search with no match shows the empty state.
    await field(page, "Search").fill(`nothing-${word}`);
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await expect(
      page.getByRole("heading", { name: "No courses match these filters" }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "New course" }).first().click();
    await expect(page).toHaveURL(/\/en\/admin\/courses\/new$/);
    await expect(page.getByRole("heading", { level: 1, name: "New course" })).toBeVisible();
    await expectNoAxeViolations(page);

    // Everything but the Korean title.
    await field(page, "Course code").fill(code.toLowerCase());
    await field(page, "Title (English)").fill(titleEn);
    // The address follows the English title.
    await expect(field(page, "Web address")).toHaveValue(
      `freeze-drying-${word.toLowerCase()}-workshop`,
    );
    await field(page, "Summary (Korean)").fill("바이알 동결 건조 공정을 설계하고 실습합니다.");
    await field(page, "Summary (English)").fill("Design and run a vial freeze-drying cycle.");
    await field(page, "Description (Korean)").fill(
      "첫째 날에는 동결 단계를 다룹니다.\n\n둘째 날에는 1차·2차 건조를 다룹니다.",
    );
    await field(page, "Description (English)").fill(
      "Day one covers freezing.\n\nDay two covers primary and secondary drying.",
    );
    const koLine1 = page.getByLabel("Learning outcomes (Korean), line 1", { exact: true });
    await koLine1.fill("동결 건조 사이클을 설계한다");
    await koLine1.press("Enter");
    await page
      .getByLabel("Learning outcomes (Korean), line 2", { exact: true })
      .fill("건조 종료점을 판단한다");
    await page
      .getByLabel("Learning outcomes (English), line 1", { exact: true })
      .fill("Design a freeze-drying cycle");
    await field(page, "Category").selectOption("DOWNSTREAM");
    await field(page, "Level").selectOption("INTERMEDIATE");
    await field(page, "Duration in days").fill("2");
    await field(page, "Teaching hours in total").fill("14");
    await field(page, "List price (KRW)").fill("720000");
    await page.getByRole("checkbox", { name: "English", exact: true }).check();

    // The live preview reads what is typed, in the language picked.
    const card = page.getByRole("article", { name: "Catalog card" });
    await expect(card).toContainText(titleEn);
    await expect(card).toContainText("₩720,000");

    await page.getByRole("button", { name: "Create course" }).click();
    // Refused: the Korean title is named, in English, and nothing typed is lost.
    await expect(field(page, "Title (Korean)")).toHaveAttribute("aria-invalid", "true");
    await expect(
      page.getByRole("alert").filter({ hasText: "Please check your entries" }),
    ).toBeVisible();
    await expect(page.getByText("This field is required.")).toBeVisible();
    await expect(page).toHaveURL(/\/en\/admin\/courses\/new$/);
    await expect(field(page, "Title (English)")).toHaveValue(titleEn);
    await expect(field(page, "Description (English)")).toHaveValue(/primary and secondary drying/);
    await expect(
      page.getByLabel("Learning outcomes (Korean), line 2", { exact: true }),
    ).toHaveValue("건조 종료점을 판단한다");
    await expect(field(page, "Category")).toHaveValue("DOWNSTREAM");
    await expect(field(page, "Level")).toHaveValue("INTERMEDIATE");
    await expect(page.getByRole("checkbox", { name: "English", exact: true })).toBeChecked();
    await expectNoAxeViolations(page);

    await field(page, "Title (Korean)").fill(titleKo);
    await page.getByRole("button", { name: "한국어", exact: true }).click();
    await expect(page.getByRole("article", { name: "과정 카드" })).toContainText(titleKo);

    await page.getByRole("button", { name: "Create course" }).click();
    await expect(page).toHaveURL(/\/en\/admin\/courses\/[^/]+\/edit\?created=1$/);
    await expect(page.getByRole("heading", { level: 1, name: titleEn })).toBeVisible();
    await expect(page.getByText("The course has been created.")).toBeVisible();
    await expect(page.getByText("Not published", { exact: true }).first()).toBeVisible();
    await expect(field(page, "Course code")).toHaveValue(code);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(
      page.getByText("The course is published and now appears in the catalog."),
    ).toBeVisible();
    await expect(page.getByText("Published", { exact: true }).first()).toBeVisible();
    await expectNoAxeViolations(page);

    // Visitors find it by a word of its title, in either language.
    await page.goto(`/en/courses?q=${encodeURIComponent(word)}`);
    await expect(page.getByRole("heading", { name: titleEn })).toBeVisible();
    await page.goto(`/ko/courses?q=${encodeURIComponent(word)}`);
    await expect(page.getByRole("heading", { name: titleKo })).toBeVisible();
  });
});
