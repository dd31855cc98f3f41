import type { BaseFigures } from '../figures/compute';
import type { FigureSet } from '../figures/define';
import type { FigureId } from '../figures/relations';
import type { Text } from '../text';

/** Counts from 1 to 4 could point at a person ("under 5"); 0 is shown. */
export const SMALL_MAX = 4;

/** The foundation total's row, beside the centres' rows. */
export { TOTAL } from '../figure-set';
export type RowId = string;

/** One centre's stored figures for one year, as the figure engine stores them (a figure left out is 0). */
export type YearFigures = { centre: RowId; year: number; figures: BaseFigures };

/**
 * Why the network does not see a cell:
 * - `small`: a count of 1–4 ("under 5"), or a share whose count is 1–4;
 * - `ratio`: a share or mean over fewer than 5 people, or a sum of their hours ("under 5 people");
 * - `secondary`: hidden so that another hidden cell cannot be worked out (the reader may take it as 5 or more);
 * - `line`: hidden with nothing said of its value, because even "under 5" would give it away.
 */
export type Reason = 'small' | 'ratio' | 'secondary' | 'line';

export const reasonText: Readonly<Record<Reason, Text>> = {
  small: { nb: 'under 5', en: 'under 5' },
  ratio: { nb: 'under 5 personer', en: 'under 5 people' },
  secondary: {
    nb: 'skjult for å beskytte et annet tall',
    en: 'hidden to protect another figure',
  },
  line: {
    nb: 'linjen er skjult: selv «under 5» ville røpet tallet',
    en: 'line hidden: even "under 5" would give the number away',
  },
};

/** What the network sees of one cell: the value (null: a mean or share over nobody), or why it is hidden. */
export type NetworkValue = number | null | { suppressed: Reason };

export type CellKey = { centre: RowId; year: number; figure: FigureId };
export type PublishedCell = CellKey & { shown: NetworkValue };

/** Everything the network can read, as one set: every year published so far, every line, every total. */
export type PublicationInput = {
  /** The figures and their relations, as the engine defines them from the catalogue. */
  set: FigureSet;
  centres: readonly RowId[];
  years: readonly number[];
  /** Each centre's stored figures per year; the total is their sum, the derived figures come from them. */
  rows: readonly YearFigures[];
  /**
   * What the network saw in the last publication. A cell hidden there stays hidden; a cell shown there
   * with the value it still has is known to the reader for good, so it is never hidden now.
   */
  earlier?: readonly PublishedCell[];
};

export type DisclosureOptions = {
  /**
   * What a reader knows of a sum tied to persons whose `tiedTo` relation states no bounds of its own
   * (hours): each person adds at least `min` and at most `max` in a year. Defaults: a quarter of an hour
   * (the least a record holds) and 8784 (every hour of a leap year).
   */
  tiedSumPerPerson?: { min: number; max: number };
  /** Audit against a reader who knows one centre's true row (default true; the issue requires it). */
  insiders?: boolean;
};

export type ProtectionCost = {
  cells: number;
  /** Hidden because they are small, or a ratio or hours over fewer than 5 people. */
  primary: number;
  secondary: number;
  line: number;
  /** (secondary + line) / cells: what the protection costs beyond the small cells. */
  share: number;
};

/** What the protection did, for the bench: linear programs solved, protection rounds. */
export type ProtectionWork = { lps: number; rounds: number };

export type Publication = {
  /** Every published cell: centres and the total, every year, every figure the network sees, canonically ordered. */
  cells: PublishedCell[];
  cost: ProtectionCost;
  work: ProtectionWork;
  /**
   * Hidden cells that cells shown in the last publication give away whatever is hidden now (only a late
   * correction can cause it). Empty in every case the tests generate; the job must not publish otherwise.
   */
  unprotected: CellKey[];
};
