import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FigureSet } from '../figures/define';
import type { FigureDefinition } from '../figures/definition';
import type { Relation } from '../figures/relations';
import { attack } from './attacker';
import { highsSolver } from './highs-solver';
import { auditPublished, protectPublication } from './protect';
import type { LpSolver } from './solver';
import type { NetworkValue, Publication, PublicationInput, PublishedCell, YearFigures } from './types';

let highs: Highs;
let solver: LpSolver;
beforeAll(async () => {
  highs = await loadHighs();
  solver = highsSolver(highs);
});

/** A figure set of stored counts, one line each, with the relations given. */
function countSet(ids: readonly string[], relations: Relation[] = []): FigureSet {
  const figures = ids.map(
    (id, i): FigureDefinition => ({
      id,
      section: 'test',
      order: i,
      label: { nb: id, en: id },
      valueType: 'count',
      aggregation: 'sum',
      disclosure: { kind: 'count' },
      relations: i === 0 ? relations : [],
      rule: { from: 'entries', kind: id, counts: 'sum' },
    }),
  );
  return {
    catalogueVersion: 1,
    sections: [{ id: 'test', name: { nb: 'Test', en: 'Test' }, order: 0 }],
    figures,
    lines: figures.map((f) => ({
      id: f.id,
      section: 'test',
      order: f.order,
      label: f.label,
      figures: [f.id],
      retired: false,
    })),
    byId: new Map(figures.map((f) => [f.id, f])),
  };
}

function shownOf(p: Publication, centre: string, year: number, figure: string): NetworkValue | undefined {
  return p.cells.find((c) => c.centre === centre && c.year === year && c.figure === figure)?.shown;
}

/** Every reader: the outsider and each centre as insider. */
function attackAll(input: PublicationInput, cells: readonly PublishedCell[]) {
  return [null, ...input.centres].flatMap((insider) => attack(input, cells, highs, insider));
}

function trueValue(input: PublicationInput, c: { centre: string; year: number; figure: string }): number {
  const rows = input.rows.filter((r) => r.year === c.year && (c.centre === 'TOTAL' || r.centre === c.centre));
  return rows.reduce((s, r) => s + (r.figures[c.figure] ?? 0), 0);
}

describe('the Tromsø case (issue 10)', () => {
  // Tromsø 2025: 8 participants, "under 5" new; 2024: "under 5" participants. With new ≤ participants
  // and the carried-over bound, the column-by-column rule let a reader work out 4 and 4 exactly.
  const set = countSet(
    ['participants', 'participants.new'],
    [
      { kind: 'atMost', smaller: 'participants.new', larger: 'participants' },
      { kind: 'carriedOver', active: 'participants', started: 'participants.new' },
    ],
  );
  const row = (centre: string, year: number, participants: number, fresh: number): YearFigures => ({
    centre,
    year,
    figures: { participants, 'participants.new': fresh },
  });
  const input: PublicationInput = {
    set,
    centres: ['tromso', 'ovre-eiker'],
    years: [2024, 2025],
    rows: [
      row('tromso', 2024, 4, 2),
      row('tromso', 2025, 8, 4),
      row('ovre-eiker', 2024, 45, 22),
      row('ovre-eiker', 2025, 44, 20),
    ],
  };

  it('the column-by-column pattern is worked out by the attacker', () => {
    // What suppressTable published: small cells hidden, the other centre's cell of each such column hidden too.
    const hidden = (c: { year: number; figure: string }) =>
      (c.year === 2024 && c.figure === 'participants') ||
      (c.year === 2025 && c.figure === 'participants.new') ||
      (c.year === 2024 && c.figure === 'participants.new');
    const naive = protectPublication(input, solver).cells.map((c) => ({
      ...c,
      shown:
        c.centre !== 'TOTAL' && hidden(c)
          ? { suppressed: c.centre === 'tromso' ? ('small' as const) : ('secondary' as const) }
          : trueValue(input, c),
    }));
    const found = attack(input, naive, highs, null);
    expect(found.map((f) => `${f.centre} ${f.year} ${f.figure}=${f.min}`)).toContain(
      'tromso 2024 participants=4',
    );
  });

  it('protected as one set, no reader pins a hidden cell, insiders included', () => {
    const p = protectPublication(input, solver);
    expect(p.unprotected).toEqual([]);
    expect(shownOf(p, 'tromso', 2024, 'participants')).toEqual({ suppressed: 'small' });
    expect(shownOf(p, 'tromso', 2025, 'participants.new')).toEqual({ suppressed: 'small' });
    expect(attackAll(input, p.cells)).toEqual([]);
  });
});

describe('the flow: who was active and did not end goes on', () => {
  // participants(Y) − new(Y) = participants(Y−1) − ended(Y−1), exactly: beside shown participants and
  // new, the number who ended is known, and so is an outcome shown as "under 5" next to shown ones.
  const set = countSet(
    ['participants', 'participants.new', 'outcome.stable_life', 'outcome.treatment'],
    [
      {
        kind: 'flow',
        active: 'participants',
        started: 'participants.new',
        ended: ['outcome.stable_life', 'outcome.treatment'],
      },
      { kind: 'atMost', smaller: 'participants.new', larger: 'participants' },
    ],
  );
  const figures = (p: number, n: number, stable: number, treatment: number) => ({
    participants: p,
    'participants.new': n,
    'outcome.stable_life': stable,
    'outcome.treatment': treatment,
  });
  const input: PublicationInput = {
    set,
    centres: ['a', 'b', 'c'],
    years: [2024, 2025],
    rows: [
      { centre: 'a', year: 2024, figures: figures(30, 10, 2, 6) },
      { centre: 'a', year: 2025, figures: figures(32, 10, 5, 5) },
      { centre: 'b', year: 2024, figures: figures(40, 12, 7, 8) },
      { centre: 'b', year: 2025, figures: figures(37, 12, 6, 9) },
      { centre: 'c', year: 2024, figures: figures(25, 9, 6, 5) },
      { centre: 'c', year: 2025, figures: figures(23, 9, 5, 6) },
    ],
  };

  it('gives an outcome of 1–4 away when only the small cells are hidden', () => {
    const naive = protectPublication(input, solver).cells.map((c) => {
      const v = trueValue(input, c);
      return { ...c, shown: v >= 1 && v <= 4 ? { suppressed: 'small' as const } : v };
    });
    const found = attack(input, naive, highs, null).map((f) => `${f.centre} ${f.year} ${f.figure}=${f.min}`);
    expect(found).toContain('a 2024 outcome.stable_life=2');
  });

  it('is held against by hiding more, for every reader', () => {
    const p = protectPublication(input, solver);
    expect(shownOf(p, 'a', 2024, 'outcome.stable_life')).toEqual({ suppressed: 'small' });
    expect(p.cost.secondary).toBeGreaterThan(0);
    expect(attackAll(input, p.cells)).toEqual([]);
  });
});

describe("SSB's GaussSuppression reference case", () => {
  // Source: the GaussSuppression vignette "Small count frequency table suppression" (CRAN, Statistics
  // Norway), Table 1: dataset_a (SSBtoolsData("example1"), year 2014), age × geo with margins,
  // SuppressSmallCounts(maxN = 1): young/Portugal (0) primary; young/Iceland, old/Iceland, old/Portugal
  // secondary; every margin published. Here geo is the centres, age two lines adding up to a third.
  const set = countSet(['all', 'old', 'young'], [{ kind: 'partsOf', whole: 'all', parts: ['young', 'old'] }]);
  const input: PublicationInput = {
    set,
    centres: ['Iceland', 'Portugal', 'Spain'],
    years: [2014],
    rows: [
      { centre: 'Spain', year: 2014, figures: { young: 5, old: 6, all: 11 } },
      { centre: 'Iceland', year: 2014, figures: { young: 2, old: 3, all: 5 } },
      { centre: 'Portugal', year: 2014, figures: { young: 0, old: 4, all: 4 } },
    ],
  };
  // SSB publishes no range for a suppressed cell: each is a hidden line here.
  const ssbHidden = ['Iceland|young', 'Iceland|old', 'Portugal|young', 'Portugal|old'];
  const ssb = ['Iceland', 'Portugal', 'Spain', 'TOTAL'].flatMap((centre) =>
    set.figures.map((f) => ({
      centre,
      year: 2014,
      figure: f.id,
      shown: ssbHidden.includes(`${centre}|${f.id}`)
        ? ({ suppressed: 'line' } as const)
        : trueValue(input, { centre, year: 2014, figure: f.id }),
    })),
  );

  it("the audit agrees that SSB's published pattern protects against the outside reader", () => {
    expect(auditPublished(input, ssb, solver, { insiders: false })).toEqual([]);
    expect(attack(input, ssb, highs, null)).toEqual([]);
  });

  it('but not against an insider: Iceland knows its own cells, so the margins give Portugal away, and back', () => {
    const found = auditPublished(input, ssb, solver).map(
      (f) => `${f.insider}: ${f.cell.centre} ${f.cell.figure}`,
    );
    expect(found.sort()).toEqual([
      'Iceland: Portugal old',
      'Iceland: Portugal young',
      'Portugal: Iceland old',
      'Portugal: Iceland young',
    ]);
    const attacked = attackAll(input, ssb).map((f) => `${f.insider}: ${f.centre} ${f.figure}`);
    expect(attacked.sort()).toEqual(found.sort());
  });

  it('with SSB’s primary cell and "under 5" for 1–4, every margin stays and every reader is held off', () => {
    // Under our rule Iceland's 2 and 3, Portugal's 4 and Portugal's margin 4 are small too; the labels
    // then pin Portugal's margin (20 − 11 − 5), so one more cell must go.
    const earlier = [
      { centre: 'Portugal', year: 2014, figure: 'young', shown: { suppressed: 'line' as const } },
    ];
    const p = protectPublication({ ...input, earlier }, solver, { insiders: false });
    expect(p.cost).toMatchObject({ primary: 4, secondary: 1, line: 1 });
    expect(p.cells.filter((c) => c.centre === 'TOTAL' && typeof c.shown === 'object')).toEqual([]);
    expect(attack(input, p.cells, highs, null)).toEqual([]);
  });
});

describe('where only hiding a line protects it', () => {
  it('four centres with one person each and a total of 4: the total is hidden without "under 5"', () => {
    const centres = ['a', 'b', 'c', 'd'];
    const input: PublicationInput = {
      set: countSet(['order.fine_serving.persons']),
      centres,
      years: [2025],
      rows: centres.map((centre) => ({ centre, year: 2025, figures: { 'order.fine_serving.persons': 1 } })),
    };
    const p = protectPublication(input, solver);
    expect(shownOf(p, 'TOTAL', 2025, 'order.fine_serving.persons')).toEqual({ suppressed: 'line' });
    for (const c of centres)
      expect(shownOf(p, c, 2025, 'order.fine_serving.persons')).toEqual({ suppressed: 'small' });
    expect(attackAll(input, p.cells)).toEqual([]);
  });

  it('a centre alone in a column with a small count: its cell and the total stay two unknowns of 1–4', () => {
    const input: PublicationInput = {
      set: countSet(['measure.mentor']),
      centres: ['a', 'b', 'c'],
      years: [2025],
      rows: [
        { centre: 'a', year: 2025, figures: { 'measure.mentor': 3 } },
        { centre: 'b', year: 2025, figures: {} },
        { centre: 'c', year: 2025, figures: {} },
      ],
    };
    const p = protectPublication(input, solver);
    expect(shownOf(p, 'b', 2025, 'measure.mentor')).toBe(0);
    expect(shownOf(p, 'TOTAL', 2025, 'measure.mentor')).toEqual({ suppressed: 'small' });
    expect(attackAll(input, p.cells)).toEqual([]);
  });
});
