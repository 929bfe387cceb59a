import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { protectedPagePermission } from "@/lib/auth/page-access";

const APP_LOCALE_DIR = path.join(process.cwd(), "app", "[locale]");

/** Every page.tsx under app/[locale], with its locale-less path ("[id]" segments become "x"). */
function pages(dir = APP_LOCALE_DIR): { route: string; source: string }[] {
  const found: { route: string; source: string }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...pages(full));
    else if (entry.name === "page.tsx") {
      const segments = path
        .relative(APP_LOCALE_DIR, dir)
        .split(path.sep)
        .filter((s) => s && !/^\(.*\)$/.test(s))
        .map((s) => (s.startsWith("[") ? "x" : s));
      found.push({ route: `/${segments.join("/")}`, source: fs.readFileSync(full, "utf8") });
    }
  }
  return found;
}

describe("protectedPagePermission", () => {
  it("matches a prefix and the pages under it, the most specific prefix first", () => {
    expect(protectedPagePermission("/admin/users")).toBe("user:manage");
    expect(protectedPagePermission("/admin/users/invite")).toBe("user:invite");
    expect(protectedPagePermission("/admin/outbox/abc")).toBe("outbox:read");
    expect(protectedPagePermission("/me/enrollments")).toBe("enrollment:read:own");
  });

  it("leaves public pages alone, including look-alike prefixes", () => {
    expect(protectedPagePermission("/")).toBeNull();
    expect(protectedPagePermission("/courses")).toBeNull();
    expect(protectedPagePermission("/courses/cell-culture")).toBeNull();
    expect(protectedPagePermission("/accounting")).toBeNull();
    expect(protectedPagePermission("/media")).toBeNull();
  });

  it("agrees with the permission every protected page checks itself", () => {
    const checked = pages()
      .map(({ route, source }) => {
        const match = /openProtectedPage\(\s*params\s*,\s*"([^"]+)"/.exec(source);
        return match ? { route, permission: match[1] } : null;
      })
      .filter((p) => p !== null);
    expect(checked.length).toBeGreaterThan(0);
    for (const { route, permission } of checked) {
      expect(protectedPagePermission(route), `proxy rule for ${route}`).toBe(permission);
    }
  });

  it("marks every page that checks a permission as rendered per request (instant = false)", () => {
    for (const { route, source } of pages()) {
      if (!source.includes("openProtectedPage(")) continue;
      const perRequest = /export const instant = false;/.test(source);
      expect(perRequest, `${route} must export instant = false`).toBe(true);
    }
  });
});
