import type { DisclosureClass, FigureId } from '../figures/relations';
import { type CellKey, type FigureDefinition, type PublicationInput, type RowId, TOTAL } from './types';

/**
 * The published set as one flat array of cells, in a canonical order (centres by id, then the total;
 * years ascending; figures by id), so that the same data gives the same result in any input order.
 * Cell i = (row · years + year) · figures + figure.
 */
export type Table = {
  rows: readonly RowId[];
  totalRow: number;
  years: readonly number[];
  figures: readonly FigureDefinition[];
  figureIndex: ReadonlyMap<FigureId, number>;
  size: number;
  value: Float64Array;
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function cellIndex(t: Table, row: number, year: number, figure: number): number {
  return (row * t.years.length + year) * t.figures.length + figure;
}

export function rowOf(t: Table, cell: number): number {
  return Math.floor(cell / (t.years.length * t.figures.length));
}

export function yearOf(t: Table, cell: number): number {
  return Math.floor(cell / t.figures.length) % t.years.length;
}

export function figureOf(t: Table, cell: number): number {
  return cell % t.figures.length;
}

export function classOf(t: Table, cell: number): DisclosureClass {
  return (t.figures[figureOf(t, cell)] as FigureDefinition).disclosure;
}

export function keyOf(t: Table, cell: number): CellKey {
  return {
    centre: t.rows[rowOf(t, cell)] as RowId,
    year: t.years[yearOf(t, cell)] as number,
    figure: (t.figures[figureOf(t, cell)] as FigureDefinition).id,
  };
}

function unique<T>(items: readonly T[], what: string): void {
  if (new Set(items).size !== items.length) throw new Error(`disclosure: a ${what} appears more than once`);
}

/** Lays out the true values; a total of an additive figure is the sum of the centres (checked if given). */
export function buildTable(input: PublicationInput): Table {
  unique(input.centres, 'centre');
  unique(input.years, 'year');
  unique(
    input.figures.map((f) => f.id),
    'figure',
  );
  if (input.centres.includes(TOTAL))
    throw new Error(`disclosure: "${TOTAL}" is the total's row, not a centre`);
  const rows = [...input.centres].sort(byText).concat(TOTAL);
  const years = [...input.years].sort((a, b) => a - b);
  const figures = [...input.figures].sort((a, b) => byText(a.id, b.id));
  const figureIndex = new Map(figures.map((f, i) => [f.id, i]));
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const t: Table = {
    rows,
    totalRow: rows.length - 1,
    years,
    figures,
    figureIndex,
    size: rows.length * years.length * figures.length,
    value: new Float64Array(rows.length * years.length * figures.length),
  };
  const given = new Uint8Array(t.size);
  for (const row of input.rows) {
    const r = rowIndex.get(row.centre);
    const y = yearIndex.get(row.year);
    if (r === undefined || y === undefined)
      throw new Error(`disclosure: row ${row.centre} ${row.year} is not in the set`);
    for (const [id, v] of Object.entries(row.figures)) {
      const f = figureIndex.get(id);
      if (f === undefined) throw new Error(`disclosure: figure ${id} is not in the set`);
      if (!Number.isFinite(v) || v < 0)
        throw new Error(`disclosure: ${row.centre} ${row.year} ${id} is ${v}`);
      const cell = cellIndex(t, r, y, f);
      if (given[cell]) throw new Error(`disclosure: ${row.centre} ${row.year} ${id} is given twice`);
      given[cell] = 1;
      t.value[cell] = v;
    }
  }
  for (let y = 0; y < years.length; y++) {
    for (let f = 0; f < figures.length; f++) {
      const total = cellIndex(t, t.totalRow, y, f);
      if ((figures[f] as FigureDefinition).disclosure.kind === 'ratio') {
        if (!given[total])
          throw new Error(`disclosure: the total of ratio ${figures[f]?.id} ${years[y]} is missing`);
        continue;
      }
      let sum = 0;
      for (let r = 0; r < t.totalRow; r++) sum += t.value[cellIndex(t, r, y, f)] as number;
      if (given[total] && Math.abs((t.value[total] as number) - sum) > 1e-6) {
        throw new Error(
          `disclosure: the total of ${figures[f]?.id} ${years[y]} is not the sum of the centres`,
        );
      }
      t.value[total] = sum;
    }
  }
  return t;
}
