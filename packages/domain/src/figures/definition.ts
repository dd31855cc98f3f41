import type { CountingRule } from '../catalogue/schema';
import type { Outcome } from '../participant';
import type { SurveyCount } from '../survey/figures';
import type { Text } from '../text';
import type { Aggregation, DisclosureClass, FigureId, Relation } from './relations';

/** What a figure's number is: the table adds the unit (`20 personer`, `41 år`, `51 %`, `1 vikar`). */
export type ValueType =
  | 'count'
  | 'persons'
  | 'participants'
  | 'hours'
  | 'years'
  | 'percent'
  | 'fte'
  | 'substitutes'
  | 'kilograms'
  | 'kroner';

/** The gender a figure counts; `other` is "other or not stated". */
export type GenderGroup = 'woman' | 'man' | 'other';

/**
 * How a stored figure is counted from one centre's records in one period (DOMAIN.md, "How each figure
 * is counted"). Stored figures are additive across centres, so the foundation's are plain sums.
 */
export type BaseRule =
  /** Distinct participations active in the period. */
  | { from: 'participations'; count: 'active' }
  /** Participations that started in the period. */
  | { from: 'participations'; count: 'started' }
  /** The sum over active participations of (the period's year − birth year): the mean age's numerator. */
  | { from: 'participations'; count: 'ageSum' }
  | { from: 'participations'; count: 'gender'; gender: GenderGroup }
  /** Participations that ended in the period with this outcome (an end without one counts as `other`). */
  | { from: 'participations'; count: 'ended'; outcome: Outcome }
  /** `plan`: the kind is counted from the wheel conversations too (catalogue `registration: 'plan'`). */
  | { from: 'entries'; kind: string; counts: CountingRule; plan?: true }
  /** Distinct participants with a measure of the type active in the period. */
  | { from: 'measures'; type: string }
  /** Distinct persons with hours of the order type dated in the period, or the sum of those hours. */
  | { from: 'hours'; orderType: string; count: 'persons' | 'hours' }
  /** Participants who moved this way on the domain over the period's conversations (figures/wheel.ts). */
  | { from: 'conversations'; domain: string; direction: 'up' | 'same' | 'down' }
  /** From the centre's closed survey rounds of the year (survey/figures.ts): counted per year, never per month. */
  | { from: 'rounds'; count: 'respondents' | SurveyCount; question?: string }
  | RegisterRule;

/** How a figure of the centre's own registers is counted (figures/register-tally.ts). */
export type RegisterRule =
  /** Distinct volunteers active in the period, or those whose start falls in it. */
  | { from: 'volunteers'; count: 'active' | 'started' }
  /** Hours volunteers logged in the period: all of them, or those of one arena. */
  | { from: 'volunteerHours'; arena?: string }
  /**
   * Staff positions held on the period's last day: those that are not substitutes, the substitutes, or
   * the sum of the percentages of those that are not.
   */
  | { from: 'positions'; count: 'held' | 'substitutes' | 'percent' }
  /** Kilograms the shop sold in the period's months. */
  | { from: 'shop' }
  /** Income of the years the period covers whole, from the sources named (one, or every one: turnover). */
  | { from: 'income'; sources: readonly string[] };

/** A figure computed at display time from stored ones, never stored: a mean or a share, rounded half up. */
export type DerivedRule =
  | { from: 'figures'; derive: 'mean'; sum: FigureId; over: FigureId }
  | {
      from: 'figures';
      derive: 'share';
      part: FigureId;
      whole: FigureId;
      /** A share over fewer than this many (the survey: 5 answers) has no value. */
      minWhole?: number;
    }
  /** A stored figure divided by a constant, rounded half up to `decimals`: FTE from hours or percentages. */
  | { from: 'figures'; derive: 'scaled'; of: FigureId; divisor: number; decimals: number };

export type FigureDefinition = {
  id: FigureId;
  section: string;
  /** Its line's place in the section. */
  order: number;
  label: Text;
  valueType: ValueType;
  /** How it combines over a year's months; a derived figure is never summed (`distinct`). */
  aggregation: Aggregation;
  disclosure: DisclosureClass;
  /** What a reader who knows the counting rules knows about it: each relation written once, here. */
  relations: readonly Relation[];
  rule: BaseRule | DerivedRule;
  /** Counted for years only: a month's value is not a figure of its own (and is 0 where read). */
  yearOnly?: true;
};

/**
 * A line of *Fakta og tall*: one figure, or two shown as one (a correctional order's persons/hours,
 * joined by `/`; staff positions and substitutes, `5 + 1 vikar`, joined by ` + `).
 * A retired catalogue entry's line is shown only in a year where it, or the year before, has a value.
 */
export type TableLine = {
  id: string;
  section: string;
  order: number;
  label: Text;
  figures: readonly FigureId[];
  retired: boolean;
  /** Between the values of a line of two figures; `/` when not given. */
  joiner?: string;
};

/** Some of the figures and the lines they make, as one part of the catalogue (or the people) defines them. */
export type FigureGroup = { figures: FigureDefinition[]; lines: TableLine[] };

/** A stored figure counted from the records themselves, by period (every base figure but the survey's). */
export function isRecordFigure(
  definition: FigureDefinition,
): definition is FigureDefinition & { rule: Exclude<BaseRule, { from: 'rounds' }> } {
  return definition.rule.from !== 'figures' && definition.rule.from !== 'rounds';
}

export function isBase(definition: FigureDefinition): definition is FigureDefinition & { rule: BaseRule } {
  return definition.rule.from !== 'figures';
}
