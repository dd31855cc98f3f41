import type { NetworkValue } from './disclosure/types';
import type { BaseFigures } from './figures/compute';
import type { FigureId } from './figures/relations';

/**
 * The figures as the API serves them. What is counted, and how, is the figure engine's (figures/):
 * stored figures are base quantities keyed by figure id (`participants`, `kind.visit`, …), all additive,
 * so the foundation's totals are sums over centres; displayed values (a mean age, a share) are derived
 * from them where they are shown. A figure a map lacks is 0.
 */
export type Figures = BaseFigures;

/** The foundation's row among the centres' in every head-office and network table: the sum over centres. */
export const TOTAL = 'TOTAL';

/** The figures the head office's overview and charts lead with; every line is a click away. */
export const headlineFigures = [
  'participants',
  'participants.new',
  'kind.visit',
  'kind.contact_point',
] as const;
export type HeadlineFigure = (typeof headlineFigures)[number];

/** What the network sees of a figure: its value (null: a mean or share over nobody), or why it is hidden. */
export type NetworkCell = NetworkValue;
/** Every figure of every line of the network's table, by figure id. */
export type NetworkFigures = Readonly<Record<FigureId, NetworkCell>>;

/** GET /api/headoffice/figures/{year} */
export type HeadOfficeYear = {
  year: number;
  centres: { centre: string; name: string; figures: Figures; previous: Figures | null }[];
  total: { figures: Figures; previous: Figures | null };
  computedAt: string | null;
};

/** GET /api/headoffice/figures/{year}/months: one row per centre and month, plus `centre: 'TOTAL'` rows. */
export type HeadOfficeMonths = {
  year: number;
  months: { month: string; centre: string; figures: Figures }[];
};

/** GET /api/network/figures/{year} */
export type NetworkYear = {
  year: number;
  centres: { centre: string; name: string; figures: NetworkFigures }[];
  total: { figures: NetworkFigures };
  computedAt: string | null;
};

/** GET /api/centres/{centre}/figures/{year}: the centre's own year beside the year before. */
export type CentreFiguresYear = {
  year: number;
  /** Null until the figures job has counted the year. */
  figures: Figures | null;
  previous: Figures | null;
  computedAt: string | null;
};

/** GET /api/centres/{centre}/figures/{year}/months: the centre's months of a year, in order. */
export type CentreFiguresMonths = {
  year: number;
  /** `computedAt`: when the figures job last counted the month. */
  months: { month: string; figures: Figures; computedAt: string | null }[];
};

/** A figure of a map, 0 where the map has none. */
export const figureOf = (figures: Figures, id: FigureId): number => figures[id] ?? 0;

/** The sum of maps of figures, key by key over every key any of them has: the foundation's totals. */
export function sumFigures(list: readonly Figures[]): Figures {
  const out: Record<FigureId, number> = {};
  for (const figures of list)
    for (const [id, value] of Object.entries(figures)) out[id] = (out[id] ?? 0) + value;
  return out;
}

/** Whether two maps hold the same figures (a missing figure is 0). */
export function sameFigures(a: Figures | null, b: Figures | null): boolean {
  if (a === null || b === null) return a === b;
  const ids = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...ids].every((id) => figureOf(a, id) === figureOf(b, id));
}
