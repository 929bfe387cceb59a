import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

describe("safeCallbackPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeCallbackPath("/ko/admin/users?page=2", "ko")).toBe("/ko/admin/users?page=2");
  });

  it.each([
    "https://evil.example/ko",
    "//evil.example/ko",
    "/\\evil.example",
    "javascript:alert(1)",
    "ko/account",
    "",
    null,
    undefined,
  ])("refuses %s (open redirect) and falls back to the home page", (candidate) => {
    expect(safeCallbackPath(candidate, "en")).toBe("/en");
  });

  it("does not send a user back to the sign-in page after signing in", () => {
    expect(safeCallbackPath("/ko/sign-in?callbackUrl=/ko", "ko")).toBe("/ko");
  });
});
