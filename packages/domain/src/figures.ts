import type { ActivityKind } from './activity';
import { type FigureKey, type Figures, figureKeys } from './figure-set';
import { isActiveIn, type ParticipationSpan, startedIn } from './figures/people';
import { type IsoDate, type Period, yearPeriod } from './period';

export { monthPeriod, type Period, yearPeriod } from './period';
export { isActiveIn, type ParticipationSpan, startedIn };

/** What the figures need of an activity entry. */
export type ActivityCount = { date: IsoDate; kind: ActivityKind; count: number };

/** The figures that are sums of activity counts; the rest are counted from people. */
export type ActivityFigureKey = Exclude<FigureKey, 'participants' | 'newParticipants'>;

/**
 * The figure each activity kind adds to. A `Record` over every kind, so a kind the foundation adds
 * to the list cannot be left uncounted without the compiler saying so.
 */
export const figureOfActivityKind: Record<ActivityKind, ActivityFigureKey> = {
  visit: 'visits',
  contact_point: 'contactPoints',
};

export function zeroFigures(): Figures {
  return { participants: 0, newParticipants: 0, visits: 0, contactPoints: 0 };
}

/** The people of a period: distinct active participants, and those of them who started in it. */
export function participantFigures(
  period: Period,
  participations: readonly ParticipationSpan[],
): Pick<Figures, 'participants' | 'newParticipants'> {
  const active = new Set<string>();
  const started = new Set<string>();
  for (const p of participations) {
    if (isActiveIn(p, period)) active.add(p.id);
    if (startedIn(p, period)) started.add(p.id);
  }
  return { participants: active.size, newParticipants: started.size };
}

/** The sums of the counts of entries dated in the period, per figure. */
export function activityFigures(
  period: Period,
  entries: readonly ActivityCount[],
): Pick<Figures, ActivityFigureKey> {
  const out: Pick<Figures, ActivityFigureKey> = { visits: 0, contactPoints: 0 };
  for (const e of entries) {
    if (e.date < period.first || e.date > period.last) continue;
    out[figureOfActivityKind[e.kind]] += e.count;
  }
  return out;
}

/** A centre's figures for one period, counted from its records as DOMAIN.md "How each figure is counted" says. */
export function computeFigures(
  period: Period,
  participations: readonly ParticipationSpan[],
  entries: readonly ActivityCount[],
): Figures {
  return { ...participantFigures(period, participations), ...activityFigures(period, entries) };
}

/**
 * A year's figures from its people and its months: distinct counts come from the people (a person
 * active in March and in May counts once), the activity sums are additive over the months.
 */
export function yearFigures(
  year: number,
  participations: readonly ParticipationSpan[],
  months: readonly Figures[],
): Figures {
  const summed = sumFigures(months);
  return { ...summed, ...participantFigures(yearPeriod(year), participations) };
}

/**
 * Foundation totals: the sum over centres. People are not matched across centres (no identity leaves
 * a centre), so a person at two centres counts at each.
 */
export function sumFigures(list: readonly Figures[]): Figures {
  const out = zeroFigures();
  for (const f of list) for (const key of figureKeys) out[key] += f[key];
  return out;
}
