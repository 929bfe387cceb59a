// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { HeaderView } from "@/components/site/header-view";
import { hrefs, renderPage } from "@/components/site/test-render";

const desktopNav = (doc: Document) => doc.querySelector("header nav")!;

describe("HeaderView", () => {
  it("offers a visitor the catalog, training requests, sign-in and sign-up", () => {
    const doc = renderPage(<HeaderView user={null} />);
    expect(hrefs(desktopNav(doc))).toEqual(["/ko/courses", "/ko/training-requests/new"]);
    const all = hrefs(doc);
    expect(all).toContain("/ko/sign-in");
    expect(all).toContain("/ko/sign-up");
    expect(all).not.toContain("/ko/account");
    expect(all.some((h) => h?.startsWith("/ko/admin"))).toBe(false);
  });

  it("gives a trainee their enrollments, the account link and sign out, and no admin links", () => {
    const doc = renderPage(<HeaderView user={{ name: "Jane Kim", role: "TRAINEE" }} />, {
      locale: "en",
      pathname: "/en/me/enrollments",
    });
    expect(hrefs(desktopNav(doc))).toEqual([
      "/en/courses",
      "/en/training-requests/new",
      "/en/me/enrollments",
    ]);
    const current = desktopNav(doc).querySelector('[aria-current="page"]')!;
    expect(current.textContent).toBe("My enrollments");
    const all = hrefs(doc);
    expect(all).toContain("/en/account");
    expect(all).not.toContain("/en/sign-in");
    expect(all.some((h) => h?.startsWith("/en/admin"))).toBe(false);
    expect(
      [...doc.querySelectorAll("button")].some((b) => b.textContent?.includes("Sign out")),
    ).toBe(true);
  });

  it("puts the admin section in its own labelled bar and marks the most specific link current", () => {
    const doc = renderPage(<HeaderView user={{ name: "김관리", role: "ADMIN" }} />, {
      pathname: "/ko/admin/users/42",
    });
    const adminBar = doc.querySelector('nav[aria-label="내 메뉴"]')!;
    expect(hrefs(adminBar)).toEqual([
      "/ko/admin",
      "/ko/admin/sessions",
      "/ko/admin/calendar",
      "/ko/admin/courses",
      "/ko/admin/training-requests",
      "/ko/admin/users",
      "/ko/admin/outbox",
      "/ko/admin/audit",
      "/ko/admin/seat-blocks",
    ]);
    expect(hrefs(adminBar, '[aria-current="page"]')).toEqual(["/ko/admin/users"]);
  });

  it("has a collapsed disclosure menu controlling a hidden panel", () => {
    const doc = renderPage(<HeaderView user={null} />);
    const toggle = doc.querySelector("button[aria-expanded]")!;
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    const panel = doc.getElementById(toggle.getAttribute("aria-controls")!)!;
    expect(panel.hasAttribute("hidden")).toBe(true);
    expect(hrefs(panel)).toContain("/ko/sign-in");
  });

  it("switches language to the same page, labelling each language in itself", () => {
    const doc = renderPage(<HeaderView user={null} />, { pathname: "/ko/courses" });
    const group = doc.querySelector('[role="group"][aria-label="언어"]')!;
    const english = group.querySelector("a")!;
    expect(english.getAttribute("href")).toBe("/en/courses");
    expect(english.getAttribute("lang")).toBe("en");
    expect(group.querySelector('[aria-current="true"]')!.getAttribute("lang")).toBe("ko");
  });
});
