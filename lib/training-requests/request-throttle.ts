import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getPool } from "@/lib/db/pool";
import type { LimitConfig, ThrottleVerdict } from "@/lib/auth/login-throttle";

/**
 * Rate limit of the public training-request form per client address, shared by every app
 * instance through the `rate_limits` table (the same pattern as the sign-in throttle,
 * lib/auth/login-throttle.ts). Only submissions that would be stored count: a company sending
 * a few requests in an hour is normal, dozens from one address are not.
 *
 * The address is the one lib/auth/client-ip.ts trusts; without a reverse proxy a client can
 * vary X-Forwarded-For and dodge this limit (the honeypot and the minimum fill time still
 * apply). The key is a hash: the table holds no addresses.
 */
export const TRAINING_REQUEST_LIMIT: LimitConfig = {
  points: 5,
  durationSeconds: 60 * 60,
  blockSeconds: 60 * 60,
};

export type RequestThrottle = {
  /** Counts one submission from `ip`; refuses once the address used up its allowance. */
  consume(ip: string): Promise<ThrottleVerdict>;
};

const digest = (value: string) =>
  createHash("sha256").update(value).digest("base64url").slice(0, 32);

export function createRequestThrottle(
  config: LimitConfig = TRAINING_REQUEST_LIMIT,
  pool: pg.Pool = getPool(),
  prefix = "training-request:ip",
): RequestThrottle {
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    keyPrefix: prefix,
    points: config.points,
    duration: config.durationSeconds,
    blockDuration: config.blockSeconds,
  });
  return {
    async consume(ip) {
      try {
        await limiter.consume(digest(ip), 1);
        return { allowed: true };
      } catch (error) {
        // The limiter rejects with its result when the allowance is used up, and with an Error
        // when the store fails — which must surface, not read as "too many requests".
        if (!(error instanceof RateLimiterRes)) throw error;
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
        };
      }
    },
  };
}

let shared: RequestThrottle | undefined;

/** The app's throttle with the default limit, created on first use (it needs the pool). */
export function trainingRequestThrottle(): RequestThrottle {
  shared ??= createRequestThrottle();
  return shared;
}
