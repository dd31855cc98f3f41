import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startingCatalogue } from '../catalogue/starting';
import { computeFigures } from '../figures/compute';
import { defineFigures, type FigureSet } from '../figures/define';
import { noRegisterRecords, type ParticipationRecord } from '../figures/records';
import { yearPeriod } from '../period';
import { attack } from './attacker';
import { highsSolver } from './highs-solver';
import { type NetworkLine, publishNetwork } from './network';
import type { LpSolver } from './solver';
import { syntheticPublication } from './synthetic';
import type { PublishedCell, YearFigures } from './types';

let highs: Highs;
let solver: LpSolver;
beforeAll(async () => {
  highs = await loadHighs();
  solver = highsSolver(highs);
});

const set = defineFigures(startingCatalogue);

/** What the network reads, as the attacker takes it: every value of every line. */
function readable(of: FigureSet, lines: readonly NetworkLine[]): PublishedCell[] {
  return lines.flatMap((l) => {
    const figures = of.lines.find((line) => line.id === l.line)?.figures ?? [];
    return figures.map((figure, i) => ({
      centre: l.centre,
      year: l.year,
      figure,
      shown: l.values[i] ?? null,
    }));
  });
}

const valuesOf = (lines: readonly NetworkLine[], centre: string, year: number, line: string) =>
  lines.find((l) => l.centre === centre && l.year === year && l.line === line)?.values;

/** A centre's year figures from participants born in 1980, of the genders given, all started in January. */
function centreYear(centre: string, year: number, genders: ParticipationRecord['gender'][]): YearFigures {
  const participations = genders.map((gender, i) => ({
    id: `${centre}-${i}`,
    startDate: `${year}-01-10`,
    birthYear: 1980,
    gender,
  }));
  const records = {
    ...noRegisterRecords,
    participations,
    entries: [],
    measures: [],
    hours: [],
    conversations: [],
  };
  return { centre, year, figures: computeFigures(set, yearPeriod(year), records) };
}

describe('publishNetwork, the figures job’s adapter', () => {
  it('gives every line of the set for every centre and the total, every year, a value per figure', () => {
    const input = syntheticPublication({ centres: 2, years: 1, seed: 5, lines: 'full' });
    const p = publishNetwork(set, input.rows, [], solver);
    expect(p.unprotected).toEqual([]);
    expect(p.lines).toHaveLength(3 * set.lines.length);
    for (const l of p.lines) {
      const line = set.lines.find((x) => x.id === l.line);
      expect(l.values).toHaveLength(line?.figures.length ?? -1);
    }
    expect(valuesOf(p.lines, 'TOTAL', input.years[0] as number, 'order.community_sentence')).toHaveLength(2);
  }, 30_000);

  it('hides a mean or a share over fewer than 5 people, and a share of 1–4 people, as "under 5 people"', () => {
    const women = (n: number) => Array.from({ length: n }, () => 'woman' as const);
    const men = (n: number) => Array.from({ length: n }, () => 'man' as const);
    const small = [
      centreYear('a', 2025, [...women(2), ...men(1)]),
      centreYear('c', 2025, [...women(20), ...men(20)]),
      centreYear('d', 2025, [...women(15), ...men(16)]),
    ];
    const fewWomen = [
      centreYear('b', 2025, [...women(3), ...men(27)]),
      centreYear('e', 2025, [...women(4), ...men(26)]),
      centreYear('c', 2025, [...women(20), ...men(20)]),
      centreYear('d', 2025, [...women(15), ...men(16)]),
    ];
    const under5people = [{ suppressed: 'ratio' }];
    for (const rows of [small, fewWomen]) {
      const p = publishNetwork(set, rows, [], solver);
      const centres = rows.map((r) => r.centre);
      const input = { set, centres, years: [2025], rows };
      for (const r of [null, ...centres]) expect(attack(input, readable(set, p.lines), highs, r)).toEqual([]);
      if (rows === small) {
        expect(valuesOf(p.lines, 'a', 2025, 'participants')).toEqual([{ suppressed: 'small' }]);
        expect(valuesOf(p.lines, 'a', 2025, 'participants.mean_age')).toEqual(under5people);
        expect(valuesOf(p.lines, 'a', 2025, 'participants.woman.share')).toEqual(under5people);
      } else {
        expect(valuesOf(p.lines, 'b', 2025, 'participants')).toEqual([30]);
        expect(valuesOf(p.lines, 'b', 2025, 'participants.woman.share')).toEqual(under5people);
        expect(valuesOf(p.lines, 'b', 2025, 'participants.mean_age')).toEqual([45]);
      }
    }
  }, 30_000);

  it('takes a centre from its first year on the platform, with participants carried in from before', () => {
    const rows = syntheticPublication({ centres: 3, years: 2, seed: 3, lines: 'full' }).rows;
    const first = Math.min(...rows.map((r) => r.year));
    // centre-001 came on the platform in the second year: its first year has participants who are not new.
    const joined = rows.filter((r) => r.centre !== 'centre-001' || r.year !== first);
    const late = joined.find((r) => r.centre === 'centre-001');
    expect((late?.figures.participants ?? 0) - (late?.figures['participants.new'] ?? 0)).toBeGreaterThan(0);
    const p = publishNetwork(set, joined, [], solver);
    expect(p.unprotected).toEqual([]);
    expect(valuesOf(p.lines, 'centre-001', first, 'participants')).toEqual([0]);
    const input = {
      set,
      centres: ['centre-001', 'centre-002', 'centre-003'],
      years: [first, first + 1],
      rows: joined,
    };
    expect(attack(input, readable(set, p.lines), highs, null)).toEqual([]);
  }, 30_000);

  it('what the network reads, shares and means included, passes every reader; a new year hides all it hid', () => {
    const all = syntheticPublication({ centres: 2, years: 3, seed: 11, lines: 'small', smallCentres: 0.5 });
    const smallSet = all.set;
    const last = all.years[2] as number;
    const before = all.rows.filter((r) => r.year !== last);
    const p1 = publishNetwork(smallSet, before, [], solver);
    const p2 = publishNetwork(smallSet, all.rows, p1.lines, solver);
    const now = new Map(p2.lines.map((l) => [`${l.centre}|${l.year}|${l.line}`, l.values]));
    for (const l of p1.lines) {
      const after = now.get(`${l.centre}|${l.year}|${l.line}`);
      l.values.forEach((v, i) => {
        if (v !== null && typeof v === 'object') expect(typeof after?.[i]).toBe('object');
        else expect(after?.[i]).toEqual(v);
      });
    }
    const cells = readable(smallSet, p2.lines);
    for (const r of [null, ...all.centres]) expect(attack(all, cells, highs, r)).toEqual([]);
  }, 30_000);
});
