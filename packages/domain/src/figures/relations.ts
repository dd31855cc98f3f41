/**
 * What a reader who knows DOMAIN.md's counting rules knows about a centre's figures, written once beside
 * each figure's definition, so a figure added to the catalogue brings its relations with it. The figure
 * engine states them; the disclosure audit turns them, with every published cell, into linear constraints.
 *
 * Relations hold within one centre (or the foundation total) and one period unless they say otherwise.
 * Two hold for every stored (base) figure without being written: the centres sum to the total, and a `sum`
 * figure's months sum to its year (a `distinct` figure's months are each at most its year). A derived
 * figure (a mean, a share) is not summed; its `rounded` relation ties it to the base figures it comes from.
 */

/** A figure's stable id, e.g. `participants`, `participants.new`, `kind.visit`, `order.community_sentence.hours`. */
export type FigureId = string;

/** How a figure combines over the months of a year: sums add up; distinct counts of people do not. */
export type Aggregation = 'sum' | 'distinct';

/** What a published cell is, for disclosure control. */
export type DisclosureClass =
  /** A count of people or events: 1–4 is shown as "under 5", 0 is shown. */
  | { kind: 'count' }
  /** A sum tied to a count of persons (hours): hidden whenever that count is hidden. */
  | { kind: 'tiedSum'; persons: FigureId }
  /** A share or a mean over a count of people: hidden ("under 5 people") when that count is under 5. */
  | { kind: 'ratio'; base: FigureId }
  /** An amount tied to no persons (kroner of a grant): never small-suppressed, only hidden to protect others. */
  | { kind: 'amount' };

export type Relation =
  /** smaller ≤ larger: new ≤ participants; persons with a measure or an order ≤ participants. */
  | { kind: 'atMost'; smaller: FigureId; larger: FigureId }
  /** active(Y) − started(Y) ≤ active(Y−1): everyone active in Y who did not start in Y was active in Y−1. */
  | { kind: 'carriedOver'; active: FigureId; started: FigureId }
  /**
   * sum ≥ 0, and zero exactly when the persons count is zero (hours served by persons with hours): each
   * person adds at least `perPerson.min` and at most `perPerson.max` (without it, what the disclosure
   * control assumes of hours: a quarter of an hour to every hour of a leap year).
   */
  | { kind: 'tiedTo'; sum: FigureId; persons: FigureId; perPerson?: { min: number; max: number } }
  /** The parts add up to the whole: women + men + other = participants. */
  | { kind: 'partsOf'; whole: FigureId; parts: readonly FigureId[] }
  /** The parts add up to at most the whole: the participations that ended in a period were active in it. */
  | { kind: 'partsAtMost'; whole: FigureId; parts: readonly FigureId[] }
  /**
   * For consecutive periods of one length (years; months): active(P) − started(P) = active(P−1) − Σ ended(P−1).
   * Exact, not a bound: whoever was active in P−1 and did not end in it is active in P without starting in it.
   * With nothing known of `ended` it is `carriedOver`.
   */
  | { kind: 'flow'; active: FigureId; started: FigureId; ended: readonly FigureId[] }
  /**
   * value = round(scale × numerator ÷ denominator), half up, whenever denominator > 0: the mean age
   * (scale 1) over the age sum and the participants; a share in whole percent (scale 100).
   */
  | { kind: 'rounded'; value: FigureId; numerator: FigureId; denominator: FigureId; scale: number }
  /**
   * value = of ÷ divisor, rounded half up to `decimals` decimals, with a constant divisor: FTE from
   * volunteers' hours (÷ the foundation's hours per FTE) or from staff percentages (÷ 100). Shown beside
   * a hidden `of`, it gives `of` away to within divisor ÷ 10^decimals.
   */
  | { kind: 'scaled'; value: FigureId; of: FigureId; divisor: number; decimals: number };
