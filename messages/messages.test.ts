import { describe, expect, it } from "vitest";
import en from "./en.json";
import ko from "./ko.json";

function keys(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("Korean and English have exactly the same keys", () => {
    const koKeys = new Set(keys(ko));
    const enKeys = new Set(keys(en));
    expect([...koKeys].filter((k) => !enKeys.has(k)), "only in ko.json").toEqual([]);
    expect([...enKeys].filter((k) => !koKeys.has(k)), "only in en.json").toEqual([]);
  });

  it("has no empty translation", () => {
    const empty = [ko, en].flatMap((m) => keys(m).filter((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m) === ""));
    expect(empty).toEqual([]);
  });
});
