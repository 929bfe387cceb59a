/**
 * The arithmetic of the offer countdown, kept pure so it can be tested without a clock.
 * Whole units, rounded down: "1 hour 59 minutes" until the 2-hour mark has really passed.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type CountdownParts =
  { expired: true } | { expired: false; days: number; hours: number; minutes: number };

export function countdownParts(deadline: number, now: number): CountdownParts {
  const remaining = deadline - now;
  if (remaining <= 0) return { expired: true };
  return {
    expired: false,
    days: Math.floor(remaining / DAY),
    hours: Math.floor((remaining % DAY) / HOUR),
    minutes: Math.floor((remaining % HOUR) / MINUTE),
  };
}

/**
 * Milliseconds until the shown text next changes: the next whole minute of the remaining time
 * (so "expired" appears at the deadline, not up to a minute late), or null once expired.
 */
export function msUntilNextChange(deadline: number, now: number): number | null {
  const remaining = deadline - now;
  if (remaining <= 0) return null;
  return remaining % MINUTE || MINUTE;
}
