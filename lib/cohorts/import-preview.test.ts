import { describe, expect, it } from "vitest";
import { openPreview, PREVIEW_LIFETIME_MS, sealPreview } from "@/lib/cohorts/import-preview";

/** The seal that carries a previewed import to its confirmation. */
describe("sealed import previews", () => {
  const body = {
    cohortId: "cohort_1",
    actorId: "user_1",
    fileName: "명단.csv",
    invalid: 1,
    rows: [
      {
        line: 2,
        outcome: "added" as const,
        member: {
          name: "김민지",
          email: "minji@inha.example",
          studentNumber: null,
          department: "생명공학과",
        },
        locale: "ko" as const,
      },
    ],
  };
  const now = Date.UTC(2026, 2, 2, 9);
  const expected = { cohortId: "cohort_1", actorId: "user_1" };

  it("open to the same rows for the same cohort and person while fresh", () => {
    const sealed = sealPreview(body, now);
    expect(openPreview(sealed, expected, now + PREVIEW_LIFETIME_MS - 1)).toMatchObject({
      ...body,
      v: 1,
    });
  });

  it("expire after their lifetime", () => {
    const sealed = sealPreview(body, now);
    expect(() => openPreview(sealed, expected, now + PREVIEW_LIFETIME_MS)).toThrow(
      expect.objectContaining({ code: "IMPORT_PREVIEW_EXPIRED" }),
    );
  });

  it("refuse any change to the rows, another cohort or another person", () => {
    const sealed = sealPreview(body, now);
    const [data, mac] = sealed.split(".");
    const changed = Buffer.from(
      Buffer.from(data!, "base64url").toString().replace("minji@inha.example", "evil@evil.example"),
    ).toString("base64url");
    const invalid = expect.objectContaining({ code: "IMPORT_PREVIEW_INVALID" });
    expect(() => openPreview(`${changed}.${mac}`, expected, now)).toThrow(invalid);
    expect(() => openPreview(`${data}.${mac}x`, expected, now)).toThrow(invalid);
    expect(() => openPreview(`${sealed}.extra`, expected, now)).toThrow(invalid);
    expect(() => openPreview(sealed, { ...expected, cohortId: "cohort_2" }, now)).toThrow(invalid);
    expect(() => openPreview(sealed, { ...expected, actorId: "user_2" }, now)).toThrow(invalid);
  });
});
