import { randomUUID } from "node:crypto";

/**
 * A small seeded PRNG (mulberry32) so that the demo data is the same on every machine for a
 * given `now`: screenshots, e2e expectations and bug reports refer to the same people and runs.
 */
export type Random = {
  /** float in [0, 1) */
  next(): number;
  /** integer in [min, max] */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** a new array, Fisher–Yates shuffled */
  shuffle<T>(items: readonly T[]): T[];
};

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)]!;
    },
    chance: (p) => next() < p,
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

/**
 * Primary keys are generated here rather than by Prisma's `@default(cuid())` so that rows can
 * be inserted with `createMany` (one statement per table) and still be referenced by the rows
 * that follow. Random, not seeded: ids must never collide with rows the app creates later.
 */
export function newId(): string {
  return `c${randomUUID().replaceAll("-", "")}`;
}

/** Certificate verification codes come from the one generator the app issues them with. */
export { newCertificateCode } from "@/lib/certificates/certificate-code";
