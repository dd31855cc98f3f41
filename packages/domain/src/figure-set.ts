/**
 * The figures the platform counts per centre and period. The job computes them, the head office sees
 * them as they are, the experience network sees them suppressed.
 */
export const figureKeys = ['participants', 'newParticipants', 'visits', 'contactPoints'] as const;
export type FigureKey = (typeof figureKeys)[number];
export type Figures = Record<FigureKey, number>;

/** The foundation's row among the centres' in every head-office and network table: the sum over centres. */
export const TOTAL = 'TOTAL';

/** Why a network cell is hidden: a count of 1–4 (`small`), or to protect a hidden cell (`secondary`). */
export type Suppressed = { suppressed: 'small' | 'secondary' };
export type NetworkCell = number | Suppressed;
export type NetworkFigures = Record<FigureKey, NetworkCell>;

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
