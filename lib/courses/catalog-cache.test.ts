import { describe, expect, it } from "vitest";
import { invalidateSeatCaches } from "@/lib/courses/catalog-cache";

describe("invalidateSeatCaches", () => {
  it("never throws outside a request (the worker, scripts, tests): the change is already committed", () => {
    expect(() =>
      invalidateSeatCaches({ sessionIds: ["s1", "s2"], courseIds: ["c1"] }),
    ).not.toThrow();
  });
});
