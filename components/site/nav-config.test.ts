import { describe, expect, it } from "vitest";
import { isActiveHref, navForRole, publicNav, roleNav } from "@/components/site/nav-config";

describe("navForRole", () => {
  it("gives a visitor only the public links", () => {
    expect(navForRole(null)).toEqual({ main: publicNav, role: [] });
  });

  it("adds each role's own links", () => {
    expect(navForRole("TRAINEE").role.map((i) => i.href)).toEqual(["/me/enrollments"]);
    expect(navForRole("INSTRUCTOR").role.map((i) => i.href)).toEqual([
      "/instructor/sessions",
      "/instructor/calendar",
    ]);
    expect(navForRole("PARTNER").role.map((i) => i.href)).toEqual([
      "/partner",
      "/partner/cohorts",
      "/partner/seat-blocks",
    ]);
    expect(navForRole("ADMIN").role.map((i) => i.href)).toEqual([
      "/admin",
      "/admin/sessions",
      "/admin/calendar",
      "/admin/courses",
      "/admin/training-requests",
      "/admin/users",
      "/admin/outbox",
      "/admin/audit",
      "/admin/seat-blocks",
    ]);
  });

  it("never shows one role another role's area", () => {
    const adminHrefs = roleNav.ADMIN.map((i) => i.href);
    for (const role of ["TRAINEE", "INSTRUCTOR", "PARTNER"] as const) {
      expect(navForRole(role).role.some((i) => adminHrefs.includes(i.href))).toBe(false);
    }
  });
});

describe("isActiveHref", () => {
  const all = roleNav.ADMIN.map((i) => i.href);

  it("marks the exact page and pages below it", () => {
    expect(isActiveHref("/admin/users", "/admin/users", all)).toBe(true);
    expect(isActiveHref("/admin/users/42/edit", "/admin/users", all)).toBe(true);
    expect(isActiveHref("/admin/users-export", "/admin/users", all)).toBe(false);
  });

  it("lets the most specific link win", () => {
    expect(isActiveHref("/admin/users/42", "/admin", all)).toBe(false);
    expect(isActiveHref("/admin", "/admin", all)).toBe(true);
    // A page under /admin without its own link still belongs to the dashboard's section.
    expect(isActiveHref("/admin/rooms", "/admin", all)).toBe(true);
  });
});
