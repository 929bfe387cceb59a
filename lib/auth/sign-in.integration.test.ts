import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";
import { authorizeCredentials } from "@/lib/auth/sign-in";
import { createLoginThrottle, type LoginThrottleConfig } from "@/lib/auth/login-throttle";
import { loadCurrentUser } from "@/lib/auth/current-user";
import { createTestUser, TEST_PASSWORD } from "@/lib/users/users.test-helpers";

/**
 * The same scheme as production with small numbers and one-second locks, so that "after the
 * window" can be observed by waiting. Each test gets its own key prefix.
 */
const SMALL: LoginThrottleConfig = {
  perAddress: { points: 8, durationSeconds: 60, blockSeconds: 1 },
  perAccountAndAddress: { points: 3, durationSeconds: 60, blockSeconds: 1 },
  perAccount: { points: 5, durationSeconds: 60, blockSeconds: 1 },
  knownAddressSeconds: 3600,
};
const throttle = (config: LoginThrottleConfig = SMALL) =>
  createLoginThrottle(config, getPool(), `test-${randomUUID()}`);

describe("authorizeCredentials", () => {
  it("accepts the right password whatever the case of the email", async () => {
    const user = await createTestUser();
    const outcome = await authorizeCredentials(
      { email: ` ${user.email.toUpperCase()} `, password: TEST_PASSWORD },
      { ip: "198.51.100.1", throttle: throttle() },
    );
    expect(outcome).toEqual({ ok: true, userId: user.id });
  });

  it("refuses a wrong password and an unknown email with the same answer", async () => {
    const user = await createTestUser();
    const t = throttle();
    expect(
      await authorizeCredentials(
        { email: user.email, password: "wrong-password-1" },
        { ip: "198.51.100.2", throttle: t },
      ),
    ).toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
    expect(
      await authorizeCredentials(
        { email: `nobody-${randomUUID()}@example.com`, password: TEST_PASSWORD },
        { ip: "198.51.100.2", throttle: t },
      ),
    ).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
  });

  it("refuses a deactivated account, but only tells someone who knows its password", async () => {
    const user = await createTestUser({ active: false });
    const t = throttle();
    expect(
      await authorizeCredentials(
        { email: user.email, password: TEST_PASSWORD },
        { ip: "198.51.100.3", throttle: t },
      ),
    ).toEqual({
      ok: false,
      code: "ACCOUNT_INACTIVE",
    });
    expect(
      await authorizeCredentials(
        { email: user.email, password: "wrong-password-1" },
        { ip: "198.51.100.3", throttle: t },
      ),
    ).toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
  });

  it("refuses an unverified email address", async () => {
    const user = await createTestUser({ verified: false });
    expect(
      await authorizeCredentials(
        { email: user.email, password: TEST_PASSWORD },
        { ip: "198.51.100.4", throttle: throttle() },
      ),
    ).toEqual({ ok: false, code: "EMAIL_NOT_VERIFIED" });
  });

  it("locks an account at one address after consecutive failures, even for the right password, until the lock ends", async () => {
    const user = await createTestUser();
    const t = throttle();
    const ip = "203.0.113.10";
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await authorizeCredentials(
            { email: user.email, password: `guess-${i}-xyz` },
            { ip, throttle: t },
          )
        ).ok,
      ).toBe(false);
    }
    const locked = await authorizeCredentials(
      { email: user.email, password: TEST_PASSWORD },
      { ip, throttle: t },
    );
    expect(locked).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(locked.ok === false && locked.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // The counters live in the shared table, so every app instance sees the lock.
    expect(
      await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM rate_limits`),
    ).not.toEqual([{ n: 0 }]);

    await sleep(1100);
    expect(
      await authorizeCredentials(
        { email: user.email, password: TEST_PASSWORD },
        { ip, throttle: t },
      ),
    ).toEqual({
      ok: true,
      userId: user.id,
    });
  });

  it("does not let an attacker's failures lock the user out at the user's own address", async () => {
    const user = await createTestUser();
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      await authorizeCredentials(
        { email: user.email, password: `guess-${i}-xyz` },
        { ip: "192.0.2.66", throttle: t },
      );
    }
    expect(
      (
        await authorizeCredentials(
          { email: user.email, password: TEST_PASSWORD },
          { ip: "192.0.2.66", throttle: t },
        )
      ).ok,
    ).toBe(false);
    expect(
      await authorizeCredentials(
        { email: user.email, password: TEST_PASSWORD },
        { ip: "198.51.100.20", throttle: t },
      ),
    ).toEqual({
      ok: true,
      userId: user.id,
    });
  });

  it("resets the consecutive-failure count on a successful sign-in", async () => {
    const user = await createTestUser();
    const t = throttle();
    const ip = "198.51.100.30";
    const attempt = (password: string) =>
      authorizeCredentials({ email: user.email, password }, { ip, throttle: t });
    await attempt("guess-1-xyz");
    await attempt("guess-2-xyz");
    expect((await attempt(TEST_PASSWORD)).ok).toBe(true);
    await attempt("guess-3-xyz");
    await attempt("guess-4-xyz");
    expect((await attempt(TEST_PASSWORD)).ok).toBe(true);
  });

  it("limits one address across many accounts", async () => {
    const t = throttle();
    const ip = "203.0.113.77";
    const victims = await Promise.all([
      createTestUser(),
      createTestUser(),
      createTestUser(),
      createTestUser(),
    ]);
    for (const victim of victims) {
      await authorizeCredentials(
        { email: victim.email, password: "guess-a-xyz" },
        { ip, throttle: t },
      );
      await authorizeCredentials(
        { email: victim.email, password: "guess-b-xyz" },
        { ip, throttle: t },
      );
    }
    const fresh = await createTestUser();
    expect(
      await authorizeCredentials(
        { email: fresh.email, password: TEST_PASSWORD },
        { ip, throttle: t },
      ),
    ).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
    });
  });

  it("locks an account attacked from many addresses, except at an address it signed in from before", async () => {
    const user = await createTestUser();
    const t = throttle();
    const home = "198.51.100.99";
    expect(
      (
        await authorizeCredentials(
          { email: user.email, password: TEST_PASSWORD },
          { ip: home, throttle: t },
        )
      ).ok,
    ).toBe(true);
    for (let i = 0; i < 5; i++) {
      await authorizeCredentials(
        { email: user.email, password: `guess-${i}-xyz` },
        { ip: `203.0.113.${100 + i}`, throttle: t },
      );
    }
    expect(
      await authorizeCredentials(
        { email: user.email, password: TEST_PASSWORD },
        { ip: "203.0.113.200", throttle: t },
      ),
    ).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(
      await authorizeCredentials(
        { email: user.email, password: TEST_PASSWORD },
        { ip: home, throttle: t },
      ),
    ).toEqual({
      ok: true,
      userId: user.id,
    });
  });
});

describe("loadCurrentUser", () => {
  it("re-reads the user, so deactivation and role changes take effect at once", async () => {
    const user = await createTestUser({ role: "TRAINEE" });
    expect(await loadCurrentUser(user.id)).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: "TRAINEE",
      locale: "ko",
      organizationId: null,
    });

    await db.user.update({ where: { id: user.id }, data: { role: "INSTRUCTOR" } });
    expect((await loadCurrentUser(user.id))?.role).toBe("INSTRUCTOR");

    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await loadCurrentUser(user.id)).toBeNull();
  });

  it("treats an unverified, unknown or missing id as signed out", async () => {
    const unverified = await createTestUser({ verified: false });
    expect(await loadCurrentUser(unverified.id)).toBeNull();
    expect(await loadCurrentUser("no-such-user")).toBeNull();
    expect(await loadCurrentUser(undefined)).toBeNull();
  });
});
