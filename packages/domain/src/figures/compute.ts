import { type Period, yearOf } from '../period';
import type { FigureSet } from './define';
import { type BaseRule, type FigureDefinition, type GenderGroup, isBase, isRecordFigure } from './definition';
import { endedIn, isActiveIn, startedIn } from './people';
import type { CentreRecords } from './records';
import { readRegister, tallyRegisters } from './register-tally';
import type { Aggregation, FigureId } from './relations';
import { type ChangeCounts, wheelChange } from './wheel';

/** A centre's (or the foundation's) stored figures for one period: base quantities only, all additive. */
export type BaseFigures = Readonly<Record<FigureId, number>>;

/** What one pass over the records finds, per catalogue id, before it is read out figure by figure. */
type Tally = {
  active: number;
  started: number;
  ageSum: number;
  gender: Record<GenderGroup, number>;
  ended: Map<string, number>;
  entrySums: Map<string, number>;
  entryPeople: Map<string, Set<string>>;
  measurePeople: Map<string, Set<string>>;
  hoursPeople: Map<string, Set<string>>;
  hoursSums: Map<string, number>;
  /** Wheel conversations dated in the period, the participants they name, and the change per domain. */
  conversations: number;
  conversationPeople: Set<string>;
  change: Map<string, ChangeCounts>;
};

const isYear = (period: Period) => period.first.endsWith('-01-01') && period.last.endsWith('-12-31');
const within = (date: string, period: Period) => date >= period.first && date <= period.last;
const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
const member = (map: Map<string, Set<string>>, key: string, id: string) => {
  const set = map.get(key) ?? new Set<string>();
  map.set(key, set.add(id));
};

function tally(period: Period, records: CentreRecords): Tally {
  const t: Tally = {
    active: 0,
    started: 0,
    ageSum: 0,
    gender: { woman: 0, man: 0, other: 0 },
    ended: new Map(),
    entrySums: new Map(),
    entryPeople: new Map(),
    measurePeople: new Map(),
    hoursPeople: new Map(),
    hoursSums: new Map(),
    conversations: 0,
    conversationPeople: new Set(),
    // The change figures are counted for years only.
    change: isYear(period) ? wheelChange(period, records.conversations) : new Map(),
  };
  const year = yearOf(period.first);
  const seen = new Set<string>();
  for (const p of records.participations) {
    // One participation is one person of the centre: listed twice, it still counts once.
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    if (startedIn(p, period)) t.started++;
    if (endedIn(p, period)) add(t.ended, p.outcome ?? 'other', 1);
    if (!isActiveIn(p, period)) continue;
    t.active++;
    t.ageSum += year - p.birthYear;
    t.gender[p.gender === 'woman' || p.gender === 'man' ? p.gender : 'other']++;
  }
  for (const e of records.entries) {
    if (!within(e.date, period)) continue;
    add(t.entrySums, e.kind, e.count);
    if (e.participantId !== undefined) member(t.entryPeople, e.kind, e.participantId);
  }
  for (const m of records.measures) {
    if (isActiveIn({ id: m.participantId, ...m }, period)) member(t.measurePeople, m.type, m.participantId);
  }
  for (const h of records.hours) {
    if (!within(h.date, period)) continue;
    member(t.hoursPeople, h.orderType, h.participantId);
    add(t.hoursSums, h.orderType, h.hours);
  }
  for (const c of records.conversations) {
    if (!within(c.date, period)) continue;
    t.conversations++;
    t.conversationPeople.add(c.participantId);
  }
  return t;
}

function read(
  t: Tally,
  registers: ReturnType<typeof tallyRegisters>,
  rule: Exclude<BaseRule, { from: 'rounds' }>,
): number {
  switch (rule.from) {
    case 'participations':
      if (rule.count === 'gender') return t.gender[rule.gender];
      if (rule.count === 'ended') return t.ended.get(rule.outcome) ?? 0;
      return t[rule.count];
    case 'entries': {
      const named = t.entryPeople.get(rule.kind) ?? new Set<string>();
      if (rule.counts === 'participants')
        return rule.plan ? new Set([...named, ...t.conversationPeople]).size : named.size;
      return (t.entrySums.get(rule.kind) ?? 0) + (rule.plan ? t.conversations : 0);
    }
    case 'measures':
      return t.measurePeople.get(rule.type)?.size ?? 0;
    case 'hours':
      return rule.count === 'persons'
        ? (t.hoursPeople.get(rule.orderType)?.size ?? 0)
        : (t.hoursSums.get(rule.orderType) ?? 0);
    case 'conversations':
      return t.change.get(rule.domain)?.[rule.direction] ?? 0;
    default:
      return readRegister(registers, rule);
  }
}

/** The set's stored figures, optionally only those of one aggregation. */
export function baseFigures(set: FigureSet, only?: Aggregation): (FigureDefinition & { rule: BaseRule })[] {
  return set.figures.filter(isBase).filter((f) => only === undefined || f.aggregation === only);
}

/** The stored figures counted from the records by period: all but the survey's, which come per year. */
function recordFigures(set: FigureSet, only?: Aggregation) {
  return set.figures.filter(isRecordFigure).filter((f) => only === undefined || f.aggregation === only);
}

/**
 * A centre's stored figures for a period (a month or a year), counted from its records: every stored
 * figure of the set counted from records, zeros included (a month leaves out the figures counted for
 * years only; the survey's come per year from its rounds). `only: 'distinct'` counts just the figures
 * of people, for a year whose sums come from its months (`yearFromMonths`).
 */
export function computeFigures(
  set: FigureSet,
  period: Period,
  records: CentreRecords,
  only?: Aggregation,
): BaseFigures {
  const t = tally(period, records);
  const year = isYear(period);
  const registers = tallyRegisters(period, records);
  return Object.fromEntries(
    recordFigures(set, only)
      .filter((f) => year || !f.yearOnly)
      .map((f) => [f.id, read(t, registers, f.rule)]),
  );
}

/**
 * A year from its months and its people: a sum is the sum of its months; a distinct count comes from
 * the people of the whole year (a person active in March and in May counts once), never from the months.
 */
export function yearFromMonths(
  set: FigureSet,
  months: readonly BaseFigures[],
  people: BaseFigures,
): BaseFigures {
  return Object.fromEntries(
    recordFigures(set).map((f) => [
      f.id,
      f.aggregation === 'sum' ? months.reduce((n, m) => n + (m[f.id] ?? 0), 0) : (people[f.id] ?? 0),
    ]),
  );
}

/** The foundation's figures: the sum over centres (a person at two centres counts at each, by design). */
export function sumCentres(set: FigureSet, centres: readonly BaseFigures[]): BaseFigures {
  return Object.fromEntries(
    baseFigures(set).map((f) => [f.id, centres.reduce((n, c) => n + (c[f.id] ?? 0), 0)]),
  );
}
