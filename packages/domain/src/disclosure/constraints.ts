import { isBase } from '../figures/definition';
import type { FigureId, Relation } from '../figures/relations';
import { cellIndex, keyOf, type Table } from './table';

/**
 * lower ≤ Σ coefs[i]·cell[cells[i]] ≤ upper: what a reader who knows the counting rules knows. `shown`:
 * the derived cell whose shown value says it (it goes when that cell is hidden).
 */
export type Constraint = { cells: number[]; coefs: number[]; lower: number; upper: number; shown?: number };

export type PerPerson = { min: number; max: number };

/** Every relation the table's figures state, each once. */
export function relationsOf(t: Table): Relation[] {
  const seen = new Set<string>();
  const out: Relation[] = [];
  for (const def of t.figures) {
    for (const rel of def.relations) {
      const key = JSON.stringify(rel);
      if (!seen.has(key)) out.push(rel);
      seen.add(key);
    }
  }
  return out;
}

function figure(t: Table, id: FigureId): number {
  const f = t.figureIndex.get(id);
  if (f === undefined) throw new Error(`disclosure: a relation names ${id}, which is not in the set`);
  return f;
}

const atMostZero = (cells: number[], coefs: number[]): Constraint => ({
  cells,
  coefs,
  lower: Number.NEGATIVE_INFINITY,
  upper: 0,
});
const isZero = (cells: number[], coefs: number[]): Constraint => ({ cells, coefs, lower: 0, upper: 0 });

/**
 * Every relation that holds whatever is shown: the centres sum to the total (every stored figure), and
 * each relation per centre and year (the total's follow from the centres' by summing, so they add
 * nothing). The carried-over bound and the flow join consecutive years.
 */
export function staticConstraints(t: Table, perPerson: PerPerson): Constraint[] {
  const out: Constraint[] = [];
  const Y = t.years.length;
  for (let y = 0; y < Y; y++) {
    t.figures.forEach((def, f) => {
      if (!isBase(def)) return;
      const cells: number[] = [];
      for (let r = 0; r <= t.totalRow; r++) cells.push(cellIndex(t, r, y, f));
      out.push(
        isZero(
          cells,
          cells.map((_, i) => (i === t.totalRow ? -1 : 1)),
        ),
      );
    });
  }
  for (const rel of relationsOf(t)) {
    for (let r = 0; r < t.totalRow; r++) {
      for (let y = 0; y < Y; y++) {
        const at = (id: FigureId, year = y) => cellIndex(t, r, year, figure(t, id));
        // Across consecutive years the centre has figures for: before its first year on the platform
        // its participants carried in were counted by no one.
        const follows =
          y > 0 &&
          (t.years[y] as number) - (t.years[y - 1] as number) === 1 &&
          t.present[r * Y + y] === 1 &&
          t.present[r * Y + y - 1] === 1;
        switch (rel.kind) {
          case 'atMost':
            out.push(atMostZero([at(rel.smaller), at(rel.larger)], [1, -1]));
            break;
          case 'carriedOver':
            if (follows)
              out.push(atMostZero([at(rel.active), at(rel.started), at(rel.active, y - 1)], [1, -1, -1]));
            break;
          case 'flow':
            if (follows) {
              const ended = rel.ended.map((e) => at(e, y - 1));
              out.push(
                isZero(
                  [at(rel.active), at(rel.started), at(rel.active, y - 1), ...ended],
                  [1, -1, -1, ...ended.map(() => 1)],
                ),
              );
            }
            break;
          case 'tiedTo': {
            const { min, max } = rel.perPerson ?? perPerson;
            out.push(atMostZero([at(rel.persons), at(rel.sum)], [min, -1]));
            out.push(atMostZero([at(rel.sum), at(rel.persons)], [1, -max]));
            break;
          }
          case 'partsOf':
            out.push(
              isZero([...rel.parts.map((p) => at(p)), at(rel.whole)], [...rel.parts.map(() => 1), -1]),
            );
            break;
          case 'partsAtMost':
            out.push(
              atMostZero([...rel.parts.map((p) => at(p)), at(rel.whole)], [...rel.parts.map(() => 1), -1]),
            );
            break;
          case 'rounded':
          case 'scaled':
            break;
        }
      }
    }
  }
  return out;
}

/**
 * What a derived figure shown rounded says of the figures it comes from (centres and total alike): value
 * = round(scale · numerator ÷ denominator), half up, so (v − ½)·denominator ≤ scale·numerator ≤ (v + ½)·
 * denominator; a scaled one (FTE) v = round(of ÷ divisor) to `decimals`, so (v − ½u)·divisor ≤ of ≤
 * (v + ½u)·divisor with u = 10^−decimals. A hidden one says nothing; one over nobody has no value.
 */
export function roundedConstraints(t: Table, shown: (cell: number) => boolean): Constraint[] {
  const out: Constraint[] = [];
  for (const rel of relationsOf(t)) {
    if (rel.kind === 'scaled') out.push(...scaledConstraints(t, rel, shown));
    if (rel.kind !== 'rounded') continue;
    for (let r = 0; r <= t.totalRow; r++) {
      for (let y = 0; y < t.years.length; y++) {
        const value = cellIndex(t, r, y, figure(t, rel.value));
        const v = t.value[value] as number;
        if (!shown(value) || Number.isNaN(v)) continue;
        const cells = [
          cellIndex(t, r, y, figure(t, rel.numerator)),
          cellIndex(t, r, y, figure(t, rel.denominator)),
        ];
        out.push({ ...atMostZero(cells, [rel.scale, -(v + 0.5)]), shown: value });
        out.push({ ...atMostZero(cells, [-rel.scale, v - 0.5]), shown: value });
      }
    }
  }
  return out;
}

function scaledConstraints(
  t: Table,
  rel: Extract<Relation, { kind: 'scaled' }>,
  shown: (cell: number) => boolean,
): Constraint[] {
  const out: Constraint[] = [];
  const half = 0.5 * 10 ** -rel.decimals;
  for (let r = 0; r <= t.totalRow; r++) {
    for (let y = 0; y < t.years.length; y++) {
      const value = cellIndex(t, r, y, figure(t, rel.value));
      const v = t.value[value] as number;
      if (!shown(value) || Number.isNaN(v)) continue;
      const of = cellIndex(t, r, y, figure(t, rel.of));
      out.push({
        cells: [of],
        coefs: [1],
        lower: (v - half) * rel.divisor,
        upper: (v + half) * rel.divisor,
        shown: value,
      });
    }
  }
  return out;
}

/** The true values must satisfy every relation; if not, a figure is counted wrong and nothing is published. */
export function checkTrueValues(t: Table, constraints: readonly Constraint[]): void {
  for (const c of constraints) {
    let sum = 0;
    c.cells.forEach((cell, i) => {
      sum += (c.coefs[i] as number) * (t.value[cell] as number);
    });
    const tol = 1e-6 * Math.max(1, Math.abs(sum));
    if (sum < c.lower - tol || sum > c.upper + tol) {
      const where = c.cells.map((cell) => {
        const k = keyOf(t, cell);
        return `${k.centre} ${k.year} ${k.figure}=${t.value[cell]}`;
      });
      throw new Error(`disclosure: the true values break a relation: ${where.join(', ')}`);
    }
  }
}
