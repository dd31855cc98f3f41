import type { FigureId, Relation } from '../figures/relations';
import { cellIndex, keyOf, type Table } from './table';

/** lower ≤ Σ coefs[i]·cell[cells[i]] ≤ upper: what a reader who knows the counting rules knows. */
export type Constraint = { cells: number[]; coefs: number[]; lower: number; upper: number };

export type PerPerson = { min: number; max: number };

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

/**
 * Every relation that holds whatever is shown: the centres sum to the total (for every figure but a
 * ratio), and each relation per centre and year (the total's own follow from the centres' by summing,
 * so they add nothing). The carried-over bound joins consecutive years.
 */
export function staticConstraints(
  t: Table,
  relations: readonly Relation[],
  perPerson: PerPerson,
): Constraint[] {
  const out: Constraint[] = [];
  const Y = t.years.length;
  for (let y = 0; y < Y; y++) {
    t.figures.forEach((def, f) => {
      if (def.disclosure.kind === 'ratio') return;
      const cells: number[] = [];
      for (let r = 0; r <= t.totalRow; r++) cells.push(cellIndex(t, r, y, f));
      const coefs = cells.map((_, i) => (i === t.totalRow ? -1 : 1));
      out.push({ cells, coefs, lower: 0, upper: 0 });
    });
  }
  for (const rel of relations) {
    for (let r = 0; r < t.totalRow; r++) {
      for (let y = 0; y < Y; y++) {
        const at = (id: FigureId, year = y) => cellIndex(t, r, year, figure(t, id));
        switch (rel.kind) {
          case 'atMost':
            out.push(atMostZero([at(rel.smaller), at(rel.larger)], [1, -1]));
            break;
          case 'carriedOver':
            if (y > 0 && (t.years[y] as number) - (t.years[y - 1] as number) === 1) {
              out.push(atMostZero([at(rel.active), at(rel.started), at(rel.active, y - 1)], [1, -1, -1]));
            }
            break;
          case 'tiedTo':
            out.push(atMostZero([at(rel.persons), at(rel.sum)], [perPerson.min, -1]));
            out.push(atMostZero([at(rel.sum), at(rel.persons)], [1, -perPerson.max]));
            break;
          case 'partsOf':
            out.push({
              cells: [...rel.parts.map((p) => at(p)), at(rel.whole)],
              coefs: [...rel.parts.map(() => 1), -1],
              lower: 0,
              upper: 0,
            });
            break;
          case 'shareOf':
            break;
        }
      }
    }
  }
  return out;
}

/**
 * What a share shown in whole percent says of its part and whole (centres and total alike):
 * (s − ½)·whole ≤ 100·part ≤ (s + ½)·whole. A hidden share says nothing.
 */
export function shareConstraints(
  t: Table,
  relations: readonly Relation[],
  shown: (cell: number) => boolean,
): Constraint[] {
  const out: Constraint[] = [];
  for (const rel of relations) {
    if (rel.kind !== 'shareOf') continue;
    for (let r = 0; r <= t.totalRow; r++) {
      for (let y = 0; y < t.years.length; y++) {
        const share = cellIndex(t, r, y, figure(t, rel.share));
        if (!shown(share)) continue;
        const s = t.value[share] as number;
        const cells = [cellIndex(t, r, y, figure(t, rel.part)), cellIndex(t, r, y, figure(t, rel.whole))];
        out.push(atMostZero(cells, [100, -(s + 0.5)]));
        out.push({ cells, coefs: [-100, s - 0.5], lower: Number.NEGATIVE_INFINITY, upper: 0 });
      }
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
