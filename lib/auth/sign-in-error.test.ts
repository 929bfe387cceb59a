import { describe, expect, it } from "vitest";
import { parseSignInError } from "@/lib/auth/sign-in-error";

describe("parseSignInError", () => {
  it("reads our codes and the retry delay in whole minutes", () => {
    expect(parseSignInError("RATE_LIMITED:61")).toEqual({
      code: "RATE_LIMITED",
      retryAfterMinutes: 2,
    });
    expect(parseSignInError("EMAIL_NOT_VERIFIED")).toEqual({ code: "EMAIL_NOT_VERIFIED" });
    expect(parseSignInError("CredentialsSignin")).toEqual({ code: "INVALID_CREDENTIALS" });
  });

  it("never passes unknown text through", () => {
    expect(parseSignInError("Error: connect ECONNREFUSED")).toEqual({ code: "UNKNOWN" });
    expect(parseSignInError(undefined)).toEqual({ code: "UNKNOWN" });
  });
});
