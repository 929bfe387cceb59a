import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { getPool } from "@/lib/db/pool";

/**
 * Sign-in throttling, shared by every app instance through the `rate_limits` table.
 *
 * The scheme bounds password guessing without handing an attacker a cheap way to lock a real
 * user out:
 *
 * 1. Per address: 10 failed sign-ins (any account) → that address is refused for 15 minutes.
 *    Bounds one source spraying many accounts. Never reset by a success: an attacker could
 *    otherwise sign into an account of their own between guesses to clear it.
 * 2. Per account + address: 5 consecutive failures → that pair is refused for 15 minutes; a
 *    successful sign-in from that address clears it. This is the "five wrong passwords and
 *    wait" lock a user sees; it only ever locks the address the failures came from, so an
 *    attacker's failures never lock the real user out at the user's own address.
 * 3. Per account, all addresses: 10 failures within an hour → the account is refused for 5
 *    minutes, except from addresses where the account signed in successfully in the last 30
 *    days ("known addresses", only limited by 2.). Bounds guessing spread over many
 *    addresses (a botnet). A single address cannot trigger it (2. stops it at 5), the lock is
 *    short and never escalates, and it never applies at the user's usual address — so the
 *    worst an attacker with many addresses achieves is a short delay for a user signing in
 *    from somewhere new. A success clears it.
 *
 * Checks happen before the password is verified, so a refused attempt costs no argon2 work
 * and reveals nothing about the password.
 *
 * Limitation: without a reverse proxy in front (see client-ip.ts) the address is taken from
 * X-Forwarded-For, which a client may set itself. Varying it dodges 1. and 2. but not 3.; an
 * attacker who knows a user's address could also lock that one pair for 15 minutes. Behind a
 * proxy that sets the header, neither is possible.
 */
export type LimitConfig = { points: number; durationSeconds: number; blockSeconds: number };

export type LoginThrottleConfig = {
  perAddress: LimitConfig;
  perAccountAndAddress: LimitConfig;
  perAccount: LimitConfig;
  knownAddressSeconds: number;
};

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleConfig = {
  perAddress: { points: 10, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  perAccountAndAddress: { points: 5, durationSeconds: 60 * 60, blockSeconds: 15 * 60 },
  perAccount: { points: 10, durationSeconds: 60 * 60, blockSeconds: 5 * 60 },
  knownAddressSeconds: 30 * 24 * 60 * 60,
};

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type LoginThrottle = {
  check(email: string, ip: string): Promise<ThrottleVerdict>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string, ip: string): Promise<void>;
  /** Clears the account's locks (after a password reset proved control of the mailbox). */
  clearAccount(email: string): Promise<void>;
};

// Keys hold a hash, not the address or email: the table needs no personal data to work.
const digest = (value: string) =>
  createHash("sha256").update(value).digest("base64url").slice(0, 32);
const accountKey = (email: string) => digest(email.trim().toLowerCase());
const pairKey = (email: string, ip: string) => digest(`${email.trim().toLowerCase()}\u0000${ip}`);

type Limiter = { limiter: RateLimiterPostgres; config: LimitConfig };

function limiter(pool: pg.Pool, keyPrefix: string, config: LimitConfig): Limiter {
  return {
    config,
    limiter: new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix,
      points: config.points,
      duration: config.durationSeconds,
    }),
  };
}

const isBlocked = (res: RateLimiterRes | null, { points }: LimitConfig) =>
  !!res && res.consumedPoints >= points;

async function fail({ limiter, config }: Limiter, key: string): Promise<void> {
  const res = await limiter.penalty(key, 1);
  // Reaching the limit starts a fixed lock (rather than waiting for the counting window to
  // end), so the lock length is predictable and the same for everyone.
  if (res.consumedPoints >= config.points) await limiter.block(key, config.blockSeconds);
}

export function createLoginThrottle(
  config: LoginThrottleConfig = DEFAULT_LOGIN_THROTTLE,
  pool: pg.Pool = getPool(),
  prefix = "login",
): LoginThrottle {
  const perAddress = limiter(pool, `${prefix}:ip`, config.perAddress);
  const perPair = limiter(pool, `${prefix}:acct-ip`, config.perAccountAndAddress);
  const perAccount = limiter(pool, `${prefix}:acct`, config.perAccount);
  const known = limiter(pool, `${prefix}:known`, {
    points: 1,
    durationSeconds: config.knownAddressSeconds,
    blockSeconds: 0,
  });

  return {
    async check(email, ip) {
      const [ipRes, pairRes, accountRes, knownRes] = await Promise.all([
        perAddress.limiter.get(digest(ip)),
        perPair.limiter.get(pairKey(email, ip)),
        perAccount.limiter.get(accountKey(email)),
        known.limiter.get(pairKey(email, ip)),
      ]);
      const blocking = [
        isBlocked(ipRes, perAddress.config) ? ipRes : null,
        isBlocked(pairRes, perPair.config) ? pairRes : null,
        !knownRes && isBlocked(accountRes, perAccount.config) ? accountRes : null,
      ].filter((r): r is RateLimiterRes => r !== null);
      if (blocking.length === 0) return { allowed: true };
      const ms = Math.max(...blocking.map((r) => r.msBeforeNext));
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) };
    },

    async recordFailure(email, ip) {
      await fail(perAddress, digest(ip));
      await fail(perPair, pairKey(email, ip));
      await fail(perAccount, accountKey(email));
    },

    async recordSuccess(email, ip) {
      await perPair.limiter.delete(pairKey(email, ip));
      await perAccount.limiter.delete(accountKey(email));
      await known.limiter.set(pairKey(email, ip), 1, config.knownAddressSeconds);
    },

    async clearAccount(email) {
      await perAccount.limiter.delete(accountKey(email));
    },
  };
}

let shared: LoginThrottle | undefined;

/** The app's throttle with the default limits, created on first use (it needs the pool). */
export function loginThrottle(): LoginThrottle {
  shared ??= createLoginThrottle();
  return shared;
}
