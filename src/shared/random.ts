/**
 * Small deterministic PRNG (mulberry32) for seeding and reproducible test data. Not for security:
 * never use it for tokens, secrets or anything an attacker must not predict.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A uniformly chosen element. @throws RangeError on an empty array. */
  pick<T>(xs: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

// Module-level bindings: a global lookup per call is very slow inside jest's vm sandbox, and these
// run millions of times per scale seed.
const { floor, imul } = Math;

/** mulberry32 over a 32-bit state; seeds equal modulo 2^32 give the same stream. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int(min: number, max: number): number {
      if (max < min) throw new RangeError(`int(${min}, ${max}): max < min`);
      return min + floor(next() * (max - min + 1));
    },
    pick<T>(xs: readonly T[]): T {
      if (xs.length === 0) throw new RangeError('pick from an empty array');
      return xs[floor(next() * xs.length)];
    },
    chance(p: number): boolean {
      return next() < p;
    },
  };
}
