import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import ko from "@/messages/ko.json";
import en from "@/messages/en.json";

/**
 * Every domain error code thrown anywhere in lib/ has a message in both languages: the action
 * wrapper shows `errors.<CODE>`, and a missing one would fall back to the generic error.
 */
const THROW = /new (?:Conflict|Validation|Forbidden|NotFound|Domain)Error\(\s*"([A-Z][A-Z0-9_]*)"/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const codes = new Set<string>([
  "UNEXPECTED",
  "VALIDATION",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
]);
for (const file of sourceFiles(path.resolve(__dirname, ".."))) {
  for (const match of fs.readFileSync(file, "utf8").matchAll(THROW)) codes.add(match[1]!);
}

describe("domain error messages", () => {
  it.each([...codes].sort())("%s has a Korean and an English message", (code) => {
    expect((ko.errors as Record<string, string>)[code], `ko errors.${code}`).toBeTruthy();
    expect((en.errors as Record<string, string>)[code], `en errors.${code}`).toBeTruthy();
  });
});
