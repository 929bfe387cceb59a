import { addCalendarDays, seoulWallClock, weekdayOf } from "../lib/sessions/seoul-time";
import { DEMO_PASSWORD, expect, expectNoAxeViolations, field, signIn, test } from "./support/fixtures";

/**
 * Issue 4, scheduling: an admin schedules a session, is shown a clash with a seeded session
 * (named) before saving, fixes it, saves and publishes, then finds sessions on the calendar —
 * axe clean on every page on the way.
 */

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" and "HH:MM" of an instant on the Seoul wall clock. */
const seoul = (iso: string) => seoulWallClock(new Date(iso));

/** Monday of the week of a Seoul date, as a day number. */
function mondayOf(date: string): number {
  return Math.floor(new Date(`${date}T00:00:00Z`).getTime() / DAY_MS) - ((weekdayOf(date) + 6) % 7);
}

/** A weekday one and a half to two and a half years ahead: nothing is scheduled there. */
function farFutureWeekday(): string {
  let date = addCalendarDays(seoulWallClock(new Date()).date, 550 + Math.floor(Math.random() * 360));
  while (weekdayOf(date) === 0 || weekdayOf(date) === 6) date = addCalendarDays(date, 1);
  return date;
}

test.describe("admin: scheduling sessions without conflicts", () => {
  test("schedules a session, sees the clash named before saving, fixes it, saves, publishes and finds sessions on the calendar", async ({
    page,
  }) => {
    await signIn(page, "en", "admin@fasttrak.example", DEMO_PASSWORD);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

    // The list: upcoming sessions first, with fill rate and waitlist.
    await page.goto("/en/admin/sessions?status=PUBLISHED");
    await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
    await expectNoAxeViolations(page);

    // A seeded session to clash with: the soonest published one. Its page gives the room and
    // the first meeting's exact times.
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/en\/admin\/sessions\/[^/?]+$/);
    const seededUrl = page.url();
    const seededId = new URL(seededUrl).pathname.split("/").pop()!;
    const seededTitle = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
    const roomLabel = (await page.locator("dt", { hasText: /^Room$/ }).locator("xpath=following-sibling::dd[1]").textContent())!.trim();
    const firstMeeting = page.locator("time[datetime]").first();
    const start = seoul((await firstMeeting.getAttribute("datetime"))!);
    const end = seoul((await firstMeeting.getAttribute("data-ends-at"))!);
    await expectNoAxeViolations(page);

    // A new session in the same room at the same time.
    await page.goto("/en/admin/sessions/new");
    await expect(page.getByRole("heading", { level: 1, name: "Schedule a session" })).toBeVisible();
    await expectNoAxeViolations(page);
    const course = page.getByRole("combobox", { name: /^Course/ });
    const courseValue = await course.locator("option").nth(1).getAttribute("value");
    await course.selectOption(courseValue!);
    await expect(field(page, "Capacity")).not.toHaveValue("");
    await field(page, "Date").fill(start.date);
    await field(page, "Start").fill(start.time);
    await field(page, "End").fill(end.time);
    await field(page, "Room").selectOption({ label: roomLabel });
    await page.getByRole("group", { name: /Instructors/ }).getByRole("checkbox").first().check();
    // Capacity must fit the room, whichever room it is.
    await field(page, "Capacity").fill("4");
    await field(page, "Minimum viable enrollment").fill("2");

    // The automatic check (and the button) name the clashing session before anything is saved.
    const conflicts = page.getByRole("region", { name: "Conflicts" }).or(page.locator("section", { has: page.getByRole("heading", { name: "Conflicts" }) }));
    await page.getByRole("button", { name: "Check conflicts" }).click();
    await expect(conflicts.getByText(`already booked for “${seededTitle}”`, { exact: false }).first()).toBeVisible();
    await expect(conflicts.getByText(/This schedule (clashes|has \d+ conflicts)/)).toBeVisible();
    await expectNoAxeViolations(page);

    // Fix it: a day far ahead. The deadlines follow the first meeting.
    const freeDay = farFutureWeekday();
    await field(page, "Date").fill(freeDay);
    await expect(conflicts.getByText("No conflicts: the room, equipment and instructors are free at these times.")).toBeVisible();

    await page.getByRole("button", { name: "Save as draft" }).click();
    await expect(page).toHaveURL(/\/en\/admin\/sessions\/[^/?]+\?notice=created$/);
    await expect(page.getByText("The session was saved as a draft.")).toBeVisible();
    await expect(page.getByText("Draft", { exact: true }).first()).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page).toHaveURL(/\?notice=published$/);
    await expect(page.getByText("The session is published: trainees can see it in the catalog.")).toBeVisible();
    await expect(page.getByText("Published", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Roster" })).toBeVisible();
    await expectNoAxeViolations(page);

    // The calendar: filtered to the seeded session's room, on the week of its first meeting.
    await page.goto("/en/admin/calendar");
    await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
    await field(page, "Room").selectOption({ label: roomLabel.replace(/ \(\d+ seats\)$/, "") });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/room=/);
    const today = seoul(new Date().toISOString()).date;
    // The seeded session may have begun already (a multi-day run in progress): go either way.
    const weeks = Math.round((mondayOf(start.date) - mondayOf(today)) / 7);
    const step = page.getByRole("button", { name: weeks >= 0 ? "Next" : "Previous", exact: true });
    for (let i = 0; i < Math.abs(weeks); i++) await step.click();
    const event = page.locator(`a[href="/en/admin/sessions/${seededId}"]`).first();
    await expect(event).toBeVisible();
    await expectNoAxeViolations(page);
    // Reachable and followed with the keyboard.
    await event.focus();
    await expect(event).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(seededUrl);

    // Month view, in Korean.
    await page.goto("/ko/admin/calendar");
    await page.getByRole("tab", { name: /월/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "캘린더" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("an instructor is refused the scheduling pages but has a calendar of their own sessions", async ({ page }) => {
    await signIn(page, "en", "instructor@fasttrak.example", DEMO_PASSWORD);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    for (const path of ["/en/admin/sessions", "/en/admin/sessions/new", "/en/admin/calendar"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
    await page.goto("/en/instructor/calendar");
    await expect(page.getByRole("heading", { level: 1, name: "My calendar" })).toBeVisible();
    await page.getByRole("tab", { name: "Month view" }).click();
    await expectNoAxeViolations(page);
    // Every event of theirs links to its roster; none to the admin pages.
    await expect(page.locator("a[href*='/admin/sessions/']")).toHaveCount(0);
  });
});
