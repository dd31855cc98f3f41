/**
 * A small seeded generator (mulberry32): the same numbers for the same seed, on every machine. The demo
 * data and the generated tables of the disclosure tests and bench draw from it.
 */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rnd = () => number;

/** A whole number from `min` to `max`, both included. */
export const between = (rnd: Rnd, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

export function pick<T>(rnd: Rnd, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}
