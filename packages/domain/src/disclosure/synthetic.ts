import type { Catalogue } from '../catalogue/lists';
import { startingCatalogue } from '../catalogue/starting';
import { computeFigures } from '../figures/compute';
import { defineFigures, type FigureSet } from '../figures/define';
import {
  type CentreRecords,
  type EntryRecord,
  type HoursRecord,
  type MeasureRecord,
  noRegisterRecords,
  type ParticipationRecord,
} from '../figures/records';
import { outcomes } from '../participant';
import { yearPeriod } from '../period';
import { between, pick, type Rnd, random } from '../random';
import type { PublicationInput, YearFigures } from './types';

/**
 * Generated publications for the property tests and the bench: centres' records over the years —
 * participations that start, carry over and end with an outcome, entries of every kind, measures, hours
 * served — counted by the figure engine, so every relation the figures state holds as it would for real
 * data. Small centres, many zeros, and on request the Tromsø case. Deterministic for a seed.
 */
export type SyntheticOptions = {
  centres: number;
  years: number;
  seed: number;
  /** Every line of the starting catalogue, or a few of each kind (the property tests' attacker is fast on them). */
  lines: 'full' | 'small';
  /** Share of centres that are small (3–12 participants a year); the rest have 25–60. */
  smallCentres?: number;
  /** Chance that an activity, measure or order is not used by a centre in a year. */
  zeros?: number;
  /**
   * Adds a centre `tromso` with the pattern in the last two years: `before` participants, then
   * `before + fresh` of whom `fresh` are new.
   */
  tromso?: { before: number; fresh: number };
};

const fewLines: Catalogue = {
  ...startingCatalogue,
  activityKinds: startingCatalogue.activityKinds.filter((k) =>
    ['visit', 'home_visit', 'cabin_trip'].includes(k.id),
  ),
  measureTypes: startingCatalogue.measureTypes.filter((m) => m.id === 'vto'),
  orderTypes: startingCatalogue.orderTypes.filter((o) => o.id === 'community_sentence'),
};

export const syntheticSets: Record<SyntheticOptions['lines'], FigureSet> = {
  full: defineFigures(startingCatalogue),
  small: defineFigures(fewLines),
};
const catalogues: Record<SyntheticOptions['lines'], Catalogue> = { full: startingCatalogue, small: fewLines };

const day = (year: number, rnd: Rnd) => {
  const month = between(rnd, 1, 12);
  return `${year}-${String(month).padStart(2, '0')}-${String(between(rnd, 1, 28)).padStart(2, '0')}`;
};

/** About as many women as men, a few of another gender or not stated. */
const gender = (u: number) => (u < 0.03 ? undefined : u < 0.05 ? 'other' : u < 0.5 ? 'woman' : 'man');

type Plan = { size: number; tromso: SyntheticOptions['tromso'] };

/** One centre's participations: each year some end (with an outcome) and new ones start towards its size. */
function participations(rnd: Rnd, years: readonly number[], plan: Plan, name: string): ParticipationRecord[] {
  const all: ParticipationRecord[] = [];
  let open: ParticipationRecord[] = [];
  const last = years.length - 1;
  const start = (year: number, date = day(year, rnd)) => {
    const p: ParticipationRecord = {
      id: `${name}-${all.length}`,
      startDate: date,
      birthYear: year - between(rnd, 19, 70),
      gender: gender(rnd()),
    };
    all.push(p);
    return p;
  };
  years.forEach((year, yi) => {
    const tromso = yi >= last - 1 ? plan.tromso : undefined;
    const carried = yi > 0 ? 0 : tromso ? between(rnd, 0, tromso.before) : Math.round(plan.size * 0.6);
    for (let i = 0; i < carried; i++) open.push(start(year - 1 - between(rnd, 0, 2)));
    const fresh = tromso
      ? tromso.before + (yi === last ? tromso.fresh : 0) - open.length
      : Math.max(0, plan.size - open.length + between(rnd, -2, 2));
    for (let i = 0; i < fresh; i++) open.push(start(year));
    // Tromsø's second-last year ends no one, so all of it carries into the last; the year before it
    // ends enough for that year to hold `before`.
    const keepAll = tromso !== undefined;
    const keepAtMost = plan.tromso && yi === last - 2 ? plan.tromso.before : Number.POSITIVE_INFINITY;
    const staying: ParticipationRecord[] = [];
    for (const p of open) {
      const ends = !keepAll && (rnd() < 0.3 || staying.length >= keepAtMost);
      if (!ends) {
        staying.push(p);
        continue;
      }
      let endDate = day(year, rnd);
      if (endDate < p.startDate) endDate = p.startDate;
      p.endDate = endDate;
      p.outcome = rnd() < 0.1 ? undefined : pick(rnd, outcomes);
    }
    open = staying;
  });
  return all;
}

function activeIn(ps: readonly ParticipationRecord[], year: number): ParticipationRecord[] {
  const { first, last } = yearPeriod(year);
  return ps.filter((p) => p.startDate <= last && (p.endDate === undefined || p.endDate >= first));
}

/** A centre's records: its participations, and each year entries of every kind, measures and hours. */
function records(
  rnd: Rnd,
  catalogue: Catalogue,
  years: readonly number[],
  plan: Plan,
  name: string,
  zeros: number,
): CentreRecords {
  const ps = participations(rnd, years, plan, name);
  const entries: EntryRecord[] = [];
  const measures: MeasureRecord[] = [];
  const hours: HoursRecord[] = [];
  const unused = () => rnd() < zeros;
  for (const year of years) {
    const active = activeIn(ps, year);
    const some = (most: number) => active.slice(0, between(rnd, 1, Math.min(most, active.length)));
    for (const kind of catalogue.activityKinds) {
      if (unused()) continue;
      if (kind.counts === 'participants') {
        if (active.length === 0) continue;
        for (const p of some(12))
          entries.push({ date: day(year, rnd), kind: kind.id, count: 1, participantId: p.id });
      } else {
        const rare = kind.counts === 'persons' || kind.section === 'food';
        const count = between(rnd, 1, rare ? Math.max(1, plan.size) : plan.size * 40);
        entries.push({ date: day(year, rnd), kind: kind.id, count });
      }
    }
    for (const type of catalogue.measureTypes) {
      if (active.length === 0 || unused() || unused()) continue;
      for (const p of some(6))
        measures.push({
          participantId: p.id,
          type: type.id,
          startDate: `${year}-03-01`,
          endDate: `${year}-10-31`,
        });
    }
    for (const type of catalogue.orderTypes) {
      if (active.length === 0 || unused() || unused()) continue;
      for (const p of some(4))
        hours.push({
          date: day(year, rnd),
          orderType: type.id,
          participantId: p.id,
          hours: between(rnd, 4, 600) / 4,
        });
    }
  }
  return { ...noRegisterRecords, participations: ps, entries, measures, hours, conversations: [] };
}

export function syntheticPublication(o: SyntheticOptions): PublicationInput {
  const rnd = random(o.seed);
  const set = syntheticSets[o.lines];
  const years = Array.from({ length: o.years }, (_, i) => 2016 + i);
  const centres = Array.from({ length: o.centres }, (_, i) => `centre-${String(i + 1).padStart(3, '0')}`);
  if (o.tromso) centres.push('tromso');
  const rows: YearFigures[] = [];
  for (const centre of centres) {
    const tromso = centre === 'tromso' ? o.tromso : undefined;
    const small = tromso !== undefined || rnd() < (o.smallCentres ?? 0.3);
    const plan: Plan = { size: small ? between(rnd, 3, 12) : between(rnd, 25, 60), tromso };
    const r = records(rnd, catalogues[o.lines], years, plan, centre, o.zeros ?? 0.3);
    for (const year of years) rows.push({ centre, year, figures: computeFigures(set, yearPeriod(year), r) });
  }
  return { set, centres, years, rows };
}
