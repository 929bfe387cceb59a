// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { HomeBands } from "@/components/site/home/home-bands";
import { hrefs, renderPage } from "@/components/site/test-render";
import { locales } from "@/lib/i18n/routing";

const home = <HomeBands />;

describe.each(locales)("home page (%s)", (locale) => {
  // renderPage throws on any missing message, so rendering at all proves both languages are complete.
  const doc = renderPage(home, { locale });

  it("has one h1 and a named section for every band", () => {
    expect(doc.querySelectorAll("h1")).toHaveLength(1);
    for (const section of doc.querySelectorAll("section")) {
      const heading = doc.getElementById(section.getAttribute("aria-labelledby")!);
      expect(heading?.textContent?.trim()).toBeTruthy();
    }
  });

  it("presents the center's topics, partners and enrolment steps", () => {
    expect(doc.querySelectorAll("#topics li")).toHaveLength(9);
    expect(doc.querySelectorAll("#how-to-enroll ol > li")).toHaveLength(5);
    expect(doc.body.textContent).toContain("2,232.6 m²");
    expect(doc.body.textContent).toContain(locale === "ko" ? "인하대학교" : "Inha University");
  });

  it("links only to the catalog and the training-request form", () => {
    expect(new Set(hrefs(doc))).toEqual(
      new Set([`/${locale}/courses`, `/${locale}/training-requests/new`]),
    );
  });
});
