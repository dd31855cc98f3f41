/** A benchmark figure: what was measured, the target it must reach, and whether it does. */
export type Figure = {
  id: string;
  label: string;
  value: number | string;
  unit: string;
  target: string;
  pass: boolean;
  detail?: Record<string, unknown>;
};

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** Marks the line of a bench subprocess's output that holds its figures (its functions log to stdout too). */
export const FIGURES_MARK = 'BENCH-FIGURES ';
