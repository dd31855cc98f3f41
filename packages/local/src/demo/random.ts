import type { Rnd } from '@crux/domain/random';

/** The demo draws from the domain's seeded generator; the helpers below are the demo's own. */
export { between, pick, type Rnd, random } from '@crux/domain/random';

export function shuffle<T>(rnd: Rnd, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * `n` items drawn without replacement, each as likely as its weight (Efraimidis–Spirakis), returned
 * in their original order.
 */
export function sample<T>(rnd: Rnd, items: readonly T[], weights: readonly number[], n: number): T[] {
  const keyed = items.map((item, i) => ({ item, i, key: rnd() ** (1 / Math.max(weights[i] ?? 0, 1e-9)) }));
  return keyed
    .sort((a, b) => b.key - a.key)
    .slice(0, n)
    .sort((a, b) => a.i - b.i)
    .map((k) => k.item);
}

/**
 * `total` split over the weights in whole numbers, each part at least `floor`, by largest remainder:
 * the parts always add up to `total` exactly.
 */
export function apportion(total: number, weights: readonly number[], floor = 0): number[] {
  const rest = total - floor * weights.length;
  if (rest < 0) throw new Error(`apportion: ${total} cannot give ${weights.length} parts ${floor} each`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (rest * w) / sum : rest / weights.length));
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  let left = rest - parts.reduce((a, b) => a + b, 0);
  for (const { i } of order) {
    if (left-- <= 0) break;
    parts[i] = (parts[i] as number) + 1;
  }
  return parts.map((p) => p + floor);
}
