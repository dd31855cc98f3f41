import { type EarlierLine, type NetworkPublication, publishNetwork } from '../disclosure/network';
import type { LpSolver } from '../disclosure/solver';
import type { NetworkValue, YearFigures } from '../disclosure/types';
import { type NetworkCell, type NetworkFigures, TOTAL } from '../figure-set';
import type { FigureSet } from '../figures/define';
import type { ValueType } from '../figures/definition';
import type { FigureId } from '../figures/relations';
import type { StoredYear } from './year-table';

/** Value types that count people or events: shown only as 0 or 5 and up, the rest hidden. */
const countTypes: ReadonlySet<ValueType> = new Set(['count', 'persons', 'participants']);

/**
 * A network row as stored: the counts apart from the amounts (hours, a mean age, a share), so the read
 * can refuse any count of 1–4 without knowing the catalogue.
 */
export type NetworkRow = {
  centre: string;
  name: string | undefined;
  counts: NetworkFigures;
  amounts: NetworkFigures;
};

/** What the network read last time of one year: every row, the total's among them, every figure. */
export type EarlierNetworkYear = {
  year: number;
  rows: readonly { centre: string; name: string | undefined; figures: NetworkFigures }[];
};

export type ProtectedNetwork = Omit<NetworkPublication, 'lines'> & {
  /** Per year, the rows: the centres the head office has a row for that year, and the total. */
  years: Map<number, NetworkRow[]>;
  /** The rows that differ from what the network read before: the ones to write. */
  changed: { year: number; row: NetworkRow }[];
};

/**
 * The figures job's network publication: every year the head office has, every line of the catalogue,
 * every centre and the total, protected as one linked set (disclosure/protect.ts) against what the
 * network read before, so nothing hidden then is shown now.
 */
export function protectNetwork(
  set: FigureSet,
  headOffice: ReadonlyMap<number, ReadonlyMap<string, StoredYear>>,
  earlier: readonly EarlierNetworkYear[],
  solver: LpSolver,
): ProtectedNetwork {
  const rows: YearFigures[] = [];
  for (const [year, table] of headOffice)
    for (const r of table.values())
      if (r.centre !== TOTAL) rows.push({ centre: r.centre, year, figures: r.figures });
  const p = publishNetwork(
    set,
    rows,
    earlier.flatMap((y) => linesOf(set, y)),
    solver,
  );
  const cells = new Map<string, Record<FigureId, NetworkValue>>();
  for (const l of p.lines) {
    const key = `${l.year}|${l.centre}`;
    const figures = cells.get(key) ?? {};
    cells.set(key, figures);
    set.lines
      .find((x) => x.id === l.line)
      ?.figures.forEach((id, i) => {
        figures[id] = l.values[i] as NetworkValue;
      });
  }
  const years = new Map<number, NetworkRow[]>();
  for (const [year, table] of [...headOffice].sort((a, b) => a[0] - b[0])) {
    if (table.size === 0) continue;
    const out: NetworkRow[] = [];
    for (const centre of [...[...table.keys()].filter((c) => c !== TOTAL).sort(), TOTAL]) {
      const figures = cells.get(`${year}|${centre}`) ?? {};
      out.push({ centre, name: table.get(centre)?.name, ...split(set, figures) });
    }
    years.set(year, out);
  }
  const before = new Map(earlier.flatMap((y) => y.rows.map((r) => [`${y.year}|${r.centre}`, r])));
  const changed = [...years].flatMap(([year, rows]) =>
    rows
      .filter((row) => {
        const was = before.get(`${year}|${row.centre}`);
        return (
          was === undefined ||
          was.name !== row.name ||
          !sameCells(was.figures, { ...row.counts, ...row.amounts })
        );
      })
      .map((row) => ({ year, row })),
  );
  return { years, changed, cost: p.cost, work: p.work, unprotected: p.unprotected };
}

function sameCells(a: NetworkFigures, b: NetworkFigures): boolean {
  const ids = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...ids].every((id) => JSON.stringify(a[id]) === JSON.stringify(b[id]));
}

function split(set: FigureSet, figures: Readonly<Record<FigureId, NetworkCell>>) {
  const counts: Record<FigureId, NetworkCell> = {};
  const amounts: Record<FigureId, NetworkCell> = {};
  for (const [id, cell] of Object.entries(figures)) {
    const type = set.byId.get(id)?.valueType;
    if (type !== undefined && countTypes.has(type)) counts[id] = cell;
    else amounts[id] = cell;
  }
  return { counts, amounts };
}

/** A year the network read before, as the lines it was shown (a figure it was not shown is left out). */
function linesOf(set: FigureSet, earlier: EarlierNetworkYear): EarlierLine[] {
  return earlier.rows.flatMap((row) =>
    set.lines.map((line) => ({
      centre: row.centre,
      year: earlier.year,
      line: line.id,
      values: line.figures.map((id) => row.figures[id]),
    })),
  );
}
