import { describe, expect, it } from "vitest";
import { healthResponse as GET } from "@/lib/db/health";
import { createPool } from "@/lib/db/pool";
import { closedPort } from "@/lib/test/net";

describe("GET /api/health", () => {
  it("reports the database up, with nothing else in the body", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "up" });
  });

  it("answers 503 with database down when the database cannot be reached", async () => {
    const ours = globalThis.__ftPool;
    const unreachable = createPool(
      `postgresql://postgres:secret@127.0.0.1:${await closedPort()}/nowhere`,
    );
    globalThis.__ftPool = unreachable;
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ status: "error", database: "down" });
      expect(text).not.toContain("secret");
    } finally {
      globalThis.__ftPool = ours;
      await unreachable.end();
    }
  });
});
