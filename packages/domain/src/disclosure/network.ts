import type { FigureSet } from '../figures/define';
import { protectPublication } from './protect';
import type { LpSolver } from './solver';
import type {
  CellKey,
  DisclosureOptions,
  NetworkValue,
  ProtectionCost,
  ProtectionWork,
  PublishedCell,
  RowId,
  YearFigures,
} from './types';
import { TOTAL } from './types';

/**
 * One line of the network's *Fakta og tall* for a centre (or `TOTAL`) and year: one value per figure of
 * the line, in the line's order (`order.<type>` holds persons, then hours), each shown or hidden with
 * its reason.
 */
export type NetworkLine = { centre: RowId; year: number; line: string; values: NetworkValue[] };

/** A line as the network read it before; a figure added to the line since then it did not read. */
export type EarlierLine = Omit<NetworkLine, 'values'> & { values: readonly (NetworkValue | undefined)[] };

export type NetworkPublication = {
  /** Every line of the set, for every centre and the total, every year: what the network may read. */
  lines: NetworkLine[];
  cost: ProtectionCost;
  work: ProtectionWork;
  /** Not empty only after a late correction that the last publication gives away: publish nothing then. */
  unprotected: CellKey[];
};

/**
 * What the figures job publishes to the experience network: from the catalogue's figure set, every
 * centre's stored year figures (every year published so far; a centre without a row in a year is
 * shown with zeros there, and no relation runs across its missing years) and what the network saw in
 * the last publication, the lines the network may read, already suppressed as one linked set (see
 * protect.ts). The network sees each line as the centres' tables show
 * it: counts, persons/hours, the mean age in whole years and the gender shares in whole percent; the
 * shares are shown only where the count they are a share of could be (see `seenByNetwork`).
 */
export function publishNetwork(
  set: FigureSet,
  rows: readonly YearFigures[],
  earlier: readonly EarlierLine[],
  solver: LpSolver,
  options: DisclosureOptions = {},
): NetworkPublication {
  const centres = [...new Set(rows.map((r) => r.centre))];
  const years = [...new Set(rows.map((r) => r.year))];
  const earlierCells = earlierOf(set, earlier);
  const p = protectPublication({ set, centres, years, rows, earlier: earlierCells }, solver, options);
  const shown = new Map(p.cells.map((c) => [`${c.centre}|${c.year}|${c.figure}`, c.shown]));
  const lines: NetworkLine[] = [];
  for (const centre of [...[...centres].sort(), TOTAL]) {
    for (const year of [...years].sort((a, b) => a - b)) {
      for (const line of set.lines) {
        const values = line.figures.map((id) => {
          const v = shown.get(`${centre}|${year}|${id}`);
          if (v === undefined) throw new Error(`publishNetwork: ${centre} ${year} ${id} was not protected`);
          return v;
        });
        lines.push({ centre, year, line: line.id, values });
      }
    }
  }
  return { lines, cost: p.cost, work: p.work, unprotected: p.unprotected };
}

/**
 * The last publication as cells. A share the network was shown gave it the count it is a share of; a
 * share hidden beside a shown whole hid that count, with the share's reason: the count stays hidden.
 */
function earlierOf(set: FigureSet, earlier: readonly EarlierLine[]): PublishedCell[] {
  const cells = earlier.flatMap((line) => {
    const figures = set.lines.find((l) => l.id === line.line)?.figures ?? [];
    return figures.flatMap((figure, i) => {
      const shown = line.values[i];
      return shown === undefined ? [] : [{ centre: line.centre, year: line.year, figure, shown }];
    });
  });
  const at = new Map(cells.map((c) => [`${c.centre}|${c.year}|${c.figure}`, c.shown]));
  const parts: PublishedCell[] = [];
  for (const c of cells) {
    const rule = set.byId.get(c.figure)?.rule;
    if (rule?.from !== 'figures' || rule.derive !== 'share') continue;
    if (c.shown === null || typeof c.shown !== 'object' || c.shown.suppressed === 'ratio') continue;
    if (typeof at.get(`${c.centre}|${c.year}|${rule.whole}`) !== 'number') continue;
    parts.push({ centre: c.centre, year: c.year, figure: rule.part, shown: c.shown });
  }
  return [...cells, ...parts];
}
