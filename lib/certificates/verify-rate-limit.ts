import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { getPool } from "@/lib/db/pool";

/**
 * Rate limits of the public certificate verification page, per client address, shared by every
 * app instance through the `rate_limits` table (like the sign-in throttle, lib/auth/login-throttle.ts).
 *
 * Codes are random (32⁸ ≈ 10¹²), so enumerating them is hopeless at these rates; the limits also
 * keep the page from being used to probe codes in bulk:
 * - lookups: 60 per hour per address — an employer checking a stack of certificates fits;
 * - misses (unknown codes): 10 per hour per address, then the address waits an hour — someone
 *   mistyping a few codes is fine, a script guessing codes stops almost at once.
 * A refused lookup reads nothing from the database.
 */
export type VerifyLimits = {
  lookups: { points: number; durationSeconds: number };
  misses: { points: number; durationSeconds: number; blockSeconds: number };
};

export const DEFAULT_VERIFY_LIMITS: VerifyLimits = {
  lookups: { points: 60, durationSeconds: 60 * 60 },
  misses: { points: 10, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
};

export type VerifyVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type VerifyRateLimit = {
  /** Counts a lookup from `ip`, or refuses it when the address is over a limit. */
  consume(ip: string): Promise<VerifyVerdict>;
  /** Counts a lookup that found no certificate. */
  recordMiss(ip: string): Promise<void>;
};

// The table holds a hash, not the address: it needs no personal data to work.
const digest = (ip: string) => createHash("sha256").update(ip).digest("base64url").slice(0, 32);

export function createVerifyRateLimit(
  limits: VerifyLimits = DEFAULT_VERIFY_LIMITS,
  pool: pg.Pool = getPool(),
  prefix = "verify",
): VerifyRateLimit {
  const limiter = (keyPrefix: string, points: number, duration: number) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix,
      points,
      duration,
    });
  const lookups = limiter(`${prefix}:ip`, limits.lookups.points, limits.lookups.durationSeconds);
  const misses = limiter(`${prefix}:miss`, limits.misses.points, limits.misses.durationSeconds);

  return {
    async consume(ip) {
      const key = digest(ip);
      const missed = await misses.get(key);
      if (missed && missed.consumedPoints >= limits.misses.points) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(missed.msBeforeNext / 1000)) };
      }
      const counted = await lookups.penalty(key, 1);
      if (counted.consumedPoints > limits.lookups.points) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(counted.msBeforeNext / 1000)) };
      }
      return { allowed: true };
    },

    async recordMiss(ip) {
      const key = digest(ip);
      const res = await misses.penalty(key, 1);
      // Reaching the limit starts a fixed wait, the same for everyone.
      if (res.consumedPoints >= limits.misses.points) await misses.block(key, limits.misses.blockSeconds);
    },
  };
}

let shared: VerifyRateLimit | undefined;

/** The app's limits, created on first use (they need the pool). */
export function verifyRateLimit(): VerifyRateLimit {
  shared ??= createVerifyRateLimit();
  return shared;
}
