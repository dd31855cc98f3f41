import { sumCentres } from '../figures/compute';
import type { FigureSet } from '../figures/define';
import { type FigureDefinition, isBase } from '../figures/definition';
import { figureValue } from '../figures/display';
import type { DisclosureClass, FigureId } from '../figures/relations';
import { compareText } from '../text';
import { type CellKey, type PublicationInput, type RowId, TOTAL } from './types';

/**
 * What the network sees of a figure set. Every line of the table, for every centre and the total: the
 * counts, the hours, the mean age and the gender shares. A share over a shown number of participants
 * (under 100) gives its count exactly, so the count it is a share of counts as seen too: the audit
 * treats the number of women as published whenever the share is. Stored figures on no line (the age
 * sum behind the mean age) are seen by no one: the audit keeps them as unknowns, bounded only by what
 * the shown figures say of them (the mean age, whole years, over the participants).
 */
export function seenByNetwork(set: FigureSet): Set<FigureId> {
  const seen = new Set(set.lines.flatMap((l) => l.figures));
  for (const id of [...seen]) {
    const rule = set.byId.get(id)?.rule;
    if (rule?.from === 'figures' && rule.derive === 'share') seen.add(rule.part);
  }
  return seen;
}

/**
 * The published set as one flat array of cells, in a canonical order (centres by id, then the total;
 * years ascending; figures by id), so that the same data gives the same result in any input order.
 * Cell i = (row · years + year) · figures + figure. Figures are the stored ones (shown or not) and the
 * derived ones the network sees; a derived figure over nobody has no value (NaN).
 */
export type Table = {
  rows: readonly RowId[];
  totalRow: number;
  years: readonly number[];
  figures: readonly FigureDefinition[];
  figureIndex: ReadonlyMap<FigureId, number>;
  /** Per figure: 1 if the network sees it, 0 if it is stored but seen by no one. */
  seen: Uint8Array;
  /** Per row and year (row · years + year): 1 if its figures were given (the total always is). */
  present: Uint8Array;
  size: number;
  value: Float64Array;
};

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

export const isSeen = (t: Table, cell: number) => t.seen[figureOf(t, cell)] === 1;

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

/**
 * Lays out the true values: the centres' stored figures, the total as their sum, the derived figures from
 * them. A centre without figures in a year (not yet on the platform) counts zeros there.
 */
export function buildTable(input: PublicationInput): Table {
  const { set } = input;
  unique(input.centres, 'centre');
  unique(input.years, 'year');
  if (input.centres.includes(TOTAL))
    throw new Error(`disclosure: "${TOTAL}" is the total's row, not a centre`);
  const seenIds = seenByNetwork(set);
  const rows = [...input.centres].sort(compareText).concat(TOTAL);
  const years = [...input.years].sort((a, b) => a - b);
  const figures = set.figures
    .filter((f) => isBase(f) || seenIds.has(f.id))
    .sort((a, b) => compareText(a.id, b.id));
  const size = rows.length * years.length * figures.length;
  const t: Table = {
    rows,
    totalRow: rows.length - 1,
    years,
    figures,
    figureIndex: new Map(figures.map((f, i) => [f.id, i])),
    seen: Uint8Array.from(figures, (f) => (seenIds.has(f.id) ? 1 : 0)),
    present: new Uint8Array(rows.length * years.length),
    size,
    value: new Float64Array(size),
  };
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const given = new Map<string, Record<FigureId, number>>();
  for (const row of input.rows) {
    if (rowIndex.get(row.centre) === undefined || row.centre === TOTAL || !yearIndex.has(row.year))
      throw new Error(`disclosure: row ${row.centre} ${row.year} is not in the set`);
    const key = `${row.centre}|${row.year}`;
    if (given.has(key)) throw new Error(`disclosure: row ${key} is given twice`);
    for (const [id, v] of Object.entries(row.figures)) {
      const def = set.byId.get(id);
      if (!def || !isBase(def)) throw new Error(`disclosure: ${id} is not a stored figure of the set`);
      if (!Number.isFinite(v) || v < 0) throw new Error(`disclosure: ${key} ${id} is ${v}`);
    }
    given.set(key, { ...row.figures });
    t.present[(rowIndex.get(row.centre) as number) * years.length + (yearIndex.get(row.year) as number)] = 1;
  }
  for (let y = 0; y < years.length; y++) t.present[(rows.length - 1) * years.length + y] = 1;
  years.forEach((year, y) => {
    const centres = rows.slice(0, -1).map((centre) => given.get(`${centre}|${year}`) ?? {});
    [...centres, sumCentres(set, centres)].forEach((stored, r) => {
      figures.forEach((def, f) => {
        t.value[cellIndex(t, r, y, f)] = isBase(def)
          ? (stored[def.id] ?? 0)
          : (figureValue(set, def.id, stored) ?? Number.NaN);
      });
    });
  });
  return t;
}
