import type { Relation } from '../figures/relations';
import type { FigureDefinition, PublicationInput, TrueRow } from './types';
import { TOTAL } from './types';

/**
 * Generated publications for the property tests and the bench: lines shaped like Øvre Eiker's
 * *Fakta og tall* (people, outcomes, activities, measures, orders with hours, food, economy), values
 * that satisfy every relation, small centres, many zeros, and — on request — the Tromsø case.
 * Deterministic for a seed.
 */
type Line = FigureDefinition & {
  draw: 'people' | 'activity' | 'rare' | 'measure' | 'persons' | 'hours' | 'amount' | 'derived';
};

const count = (id: string, draw: Line['draw'], aggregation: Line['aggregation'] = 'sum'): Line => ({
  id,
  aggregation,
  disclosure: { kind: 'count' },
  draw,
});
const ratio = (id: string): Line => ({
  id,
  aggregation: 'distinct',
  disclosure: { kind: 'ratio', base: 'participants' },
  draw: 'derived',
});
const hours = (id: string, persons: string): Line => ({
  id,
  aggregation: 'sum',
  disclosure: { kind: 'tiedSum', persons },
  draw: 'hours',
});
const amount = (id: string): Line => ({
  id,
  aggregation: 'sum',
  disclosure: { kind: 'amount' },
  draw: 'amount',
});

const orders = ['community_sentence', 'fine_serving', 'electronic_monitoring'];
const measures = ['nav_activity', 'municipal_followup', 'vto', 'mentor', 'clarification'];
const outcomes = ['stable_life', 'treatment', 'nav', 'other'];
const activities = [
  'visit',
  'contact_point',
  'wheel_conversation',
  'support_conversation',
  'practical_help',
  'home_visit',
  'meeting_outside',
  'prison_visit',
  'exam',
  'community_meeting',
];
const food = ['food_bags', 'wish_tree', 'christmas_boxes', 'gift_cards'];
const income = [
  'helsedir',
  'kdi',
  'municipal_operating',
  'municipal_project',
  'other_grants',
  'sales',
  'gifts',
  'other',
];

/** 45 lines, as many as the catalogue of issue 8 will have. */
const FULL: Line[] = [
  count('participants', 'people', 'distinct'),
  count('participants.new', 'people', 'distinct'),
  count('participants.women', 'people', 'distinct'),
  count('participants.men', 'people', 'distinct'),
  count('participants.other', 'people', 'distinct'),
  ratio('participants.women.share'),
  ratio('participants.age.mean'),
  ...outcomes.map((o) => count(`outcome.${o}`, 'rare')),
  ...activities.map((a) => count(`kind.${a}`, 'activity')),
  count('kind.non_participant_support', 'rare'),
  count('kind.cabin_trip', 'measure', 'distinct'),
  ...measures.map((m) => count(`measure.${m}`, 'measure', 'distinct')),
  ...orders.flatMap((o) => [
    count(`order.${o}`, 'persons', 'distinct'),
    hours(`order.${o}.hours`, `order.${o}`),
  ]),
  ...food.map((f) => count(`food.${f}`, 'activity')),
  ...income.slice(0, 6).map((i) => amount(`income.${i}`)),
  amount('income.turnover'),
];

/** A dozen lines with every kind of relation, small enough for the attacker to try every reader quickly. */
const SMALL_SET = new Set([
  'participants',
  'participants.new',
  'participants.women',
  'participants.men',
  'participants.other',
  'participants.women.share',
  'participants.age.mean',
  'measure.vto',
  'order.community_sentence',
  'order.community_sentence.hours',
  'kind.visit',
  'kind.home_visit',
]);

function relationsOf(lines: readonly Line[]): Relation[] {
  const has = new Set(lines.map((l) => l.id));
  const rel: Relation[] = [
    { kind: 'atMost', smaller: 'participants.new', larger: 'participants' },
    { kind: 'carriedOver', active: 'participants', started: 'participants.new' },
    {
      kind: 'partsOf',
      whole: 'participants',
      parts: ['participants.women', 'participants.men', 'participants.other'],
    },
    { kind: 'shareOf', share: 'participants.women.share', part: 'participants.women', whole: 'participants' },
  ];
  for (const l of lines) {
    if ((l.draw === 'measure' || l.draw === 'persons') && l.aggregation === 'distinct') {
      rel.push({ kind: 'atMost', smaller: l.id, larger: 'participants' });
    }
    if (l.disclosure.kind === 'tiedSum')
      rel.push({ kind: 'tiedTo', sum: l.id, persons: l.disclosure.persons });
  }
  const parts = lines
    .filter((l) => l.id.startsWith('income.') && l.id !== 'income.turnover')
    .map((l) => l.id);
  if (has.has('income.turnover')) rel.push({ kind: 'partsOf', whole: 'income.turnover', parts });
  return rel;
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SyntheticOptions = {
  centres: number;
  years: number;
  seed: number;
  /** Every line of the catalogue (45), or a dozen covering every relation. */
  lines: 'full' | 'small';
  /** Share of centres that are small (3–12 participants a year); the rest have 25–60. */
  smallCentres?: number;
  /** Chance that an activity, measure or order line is 0 for a centre and year. */
  zeros?: number;
  /** Adds a centre `tromso` with the pattern: `before` participants, then `before + fresh` with `fresh` new. */
  tromso?: { before: number; fresh: number };
};

export function syntheticPublication(o: SyntheticOptions): PublicationInput {
  const rnd = random(o.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const lines = o.lines === 'full' ? FULL : FULL.filter((l) => SMALL_SET.has(l.id));
  const years = Array.from({ length: o.years }, (_, i) => 2016 + i);
  const centres = Array.from({ length: o.centres }, (_, i) => `centre-${String(i + 1).padStart(3, '0')}`);
  if (o.tromso) centres.push('tromso');
  const rows: TrueRow[] = [];
  const totals = years.map(() => ({ participants: 0, women: 0, ageSum: 0 }));
  for (const centre of centres) {
    const small = centre === 'tromso' || rnd() < (o.smallCentres ?? 0.3);
    const size = small ? int(3, 12) : int(25, 60);
    let previous = 0;
    years.forEach((year, yi) => {
      let participants = Math.max(0, size + int(-3, 3));
      let fresh = int(Math.max(0, participants - previous), participants);
      if (o.tromso && centre === 'tromso' && yi >= years.length - 2) {
        participants = yi === years.length - 2 ? o.tromso.before : o.tromso.before + o.tromso.fresh;
        fresh =
          yi === years.length - 2 ? int(Math.max(0, participants - previous), participants) : o.tromso.fresh;
      }
      const other = Math.min(participants, rnd() < 0.7 ? 0 : int(1, 2));
      const women = int(0, participants - other);
      const f: Record<string, number> = {
        participants,
        'participants.new': fresh,
        'participants.women': women,
        'participants.men': participants - other - women,
        'participants.other': other,
        'participants.women.share': participants ? Math.round((100 * women) / participants) : 0,
      };
      const age = participants ? int(25, 50) : 0;
      f['participants.age.mean'] = age;
      const t = totals[yi] as { participants: number; women: number; ageSum: number };
      t.participants += participants;
      t.women += women;
      t.ageSum += age * participants;
      const zero = () => rnd() < (o.zeros ?? 0.3);
      for (const l of lines) {
        if (l.id in f) continue;
        if (l.draw === 'activity') f[l.id] = zero() ? 0 : int(1, size * 40);
        if (l.draw === 'rare') f[l.id] = zero() ? 0 : int(1, Math.max(1, Math.round(size / 4)));
        if (l.draw === 'measure' || l.draw === 'persons')
          f[l.id] = participants === 0 || zero() || zero() ? 0 : int(1, Math.min(participants, 6));
        if (l.draw === 'amount') f[l.id] = zero() ? 0 : int(10, 2000) * 1000;
      }
      for (const l of lines) {
        if (l.disclosure.kind === 'tiedSum') f[l.id] = (f[l.disclosure.persons] ?? 0) * int(10, 150);
      }
      if (lines.some((l) => l.id === 'income.turnover')) {
        f['income.turnover'] = lines
          .filter((l) => l.id.startsWith('income.') && l.id !== 'income.turnover')
          .reduce((s, l) => s + (f[l.id] ?? 0), 0);
      }
      rows.push({ centre, year, figures: f });
      previous = participants;
    });
  }
  years.forEach((year, yi) => {
    const t = totals[yi] as { participants: number; women: number; ageSum: number };
    const figures: Record<string, number> = {
      'participants.age.mean': t.participants ? Math.round((10 * t.ageSum) / t.participants) / 10 : 0,
    };
    if (lines.some((l) => l.id === 'participants.women.share')) {
      figures['participants.women.share'] = t.participants ? Math.round((100 * t.women) / t.participants) : 0;
    }
    rows.push({ centre: TOTAL, year, figures });
  });
  const figures: FigureDefinition[] = lines.map(({ id, aggregation, disclosure }) => ({
    id,
    aggregation,
    disclosure,
  }));
  return { centres, years, figures, relations: relationsOf(lines), rows };
}
