import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";

describe("clientIp", () => {
  it("takes the entry our side of the connection added last", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.2" }))).toBe("10.0.0.2");
    expect(clientIp({ "x-forwarded-for": "198.51.100.7" })).toBe("198.51.100.7");
  });

  it("treats IPv4-mapped IPv6 as the IPv4 address", () => {
    expect(clientIp({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
  });

  it("says unknown rather than failing without headers", () => {
    expect(clientIp({})).toBe("unknown");
  });
});
