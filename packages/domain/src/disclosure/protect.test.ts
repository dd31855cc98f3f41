import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Relation } from '../figures/relations';
import { attack } from './attacker';
import { highsSolver } from './highs-solver';
import { auditPublished, protectPublication } from './protect';
import type { LpSolver } from './solver';
import type { FigureDefinition, NetworkValue, Publication, PublicationInput, TrueRow } from './types';

let highs: Highs;
let solver: LpSolver;
beforeAll(async () => {
  highs = await loadHighs();
  solver = highsSolver(highs);
});

const count = (id: string): FigureDefinition => ({
  id,
  aggregation: 'distinct',
  disclosure: { kind: 'count' },
});
const people: FigureDefinition[] = [count('participants'), count('participants.new')];
const peopleRelations: Relation[] = [
  { kind: 'atMost', smaller: 'participants.new', larger: 'participants' },
  { kind: 'carriedOver', active: 'participants', started: 'participants.new' },
];

const row = (centre: string, year: number, participants: number, fresh: number): TrueRow => ({
  centre,
  year,
  figures: { participants, 'participants.new': fresh },
});

function shownOf(p: Publication, centre: string, year: number, figure: string): NetworkValue | undefined {
  return p.cells.find((c) => c.centre === centre && c.year === year && c.figure === figure)?.shown;
}

/** Every reader: the outsider and each centre as insider. */
function attackAll(input: PublicationInput, p: Publication) {
  return [null, ...input.centres].flatMap((insider) => attack(input, p.cells, highs, insider));
}

describe('the Tromsø case (issue 10)', () => {
  // Tromsø 2025: 8 participants, "under 5" new; 2024: "under 5" participants. With new ≤ participants
  // and the carried-over bound, the column-by-column rule let a reader work out 4 and 4 exactly.
  const input: PublicationInput = {
    centres: ['tromso', 'ovre-eiker'],
    years: [2024, 2025],
    figures: people,
    relations: peopleRelations,
    rows: [
      row('tromso', 2024, 4, 2),
      row('tromso', 2025, 8, 4),
      row('ovre-eiker', 2024, 45, 22),
      row('ovre-eiker', 2025, 44, 20),
    ],
  };

  it('the column-by-column pattern alone is worked out by the attacker', () => {
    const naive: Publication = {
      ...protectPublication(input, solver, { insiders: false }),
    };
    // What suppressTable published: small cells hidden, the other centre's cell of each such column hidden too.
    naive.cells = naive.cells.map((c) => {
      const hideCentre =
        c.centre !== 'TOTAL' &&
        ((c.year === 2024 && c.figure === 'participants') ||
          (c.year === 2025 && c.figure === 'participants.new') ||
          (c.year === 2024 && c.figure === 'participants.new'));
      const small = c.centre === 'tromso';
      return hideCentre
        ? { ...c, shown: { suppressed: small ? 'small' : 'secondary' } }
        : { ...c, shown: trueValue(input, c) };
    });
    const found = attack(input, naive.cells, highs, null);
    expect(found.map((f) => `${f.centre} ${f.year} ${f.figure}=${f.min}`)).toContain(
      'tromso 2024 participants=4',
    );
  });

  it('protected as one set, no reader pins a hidden cell, insiders included', () => {
    const p = protectPublication(input, solver);
    expect(p.unprotected).toEqual([]);
    expect(shownOf(p, 'tromso', 2024, 'participants')).toEqual({ suppressed: 'small' });
    expect(shownOf(p, 'tromso', 2025, 'participants.new')).toEqual({ suppressed: 'small' });
    expect(attackAll(input, p)).toEqual([]);
  });
});

function trueValue(input: PublicationInput, c: { centre: string; year: number; figure: string }): number {
  const rows = input.rows.filter((r) => r.year === c.year && (c.centre === 'TOTAL' || r.centre === c.centre));
  return rows.reduce((s, r) => s + (r.figures[c.figure] ?? 0), 0);
}

describe("SSB's GaussSuppression reference case", () => {
  // Source: the GaussSuppression vignette "Small count frequency table suppression" (CRAN, Statistics
  // Norway), Table 1: dataset_a (SSBtoolsData("example1"), year 2014), age × geo with margins,
  // SuppressSmallCounts(maxN = 1): young/Portugal (0) primary; young/Iceland, old/Iceland, old/Portugal
  // secondary; every margin published. Here geo is the centres, age two lines adding up to a third.
  const figures = [count('young'), count('old'), count('all')];
  const input: PublicationInput = {
    centres: ['Iceland', 'Portugal', 'Spain'],
    years: [2014],
    figures,
    relations: [{ kind: 'partsOf', whole: 'all', parts: ['young', 'old'] }],
    rows: [
      { centre: 'Spain', year: 2014, figures: { young: 5, old: 6, all: 11 } },
      { centre: 'Iceland', year: 2014, figures: { young: 2, old: 3, all: 5 } },
      { centre: 'Portugal', year: 2014, figures: { young: 0, old: 4, all: 4 } },
    ],
  };
  // SSB publishes no range for a suppressed cell: each is a hidden line here.
  const ssbHidden = ['Iceland|young', 'Iceland|old', 'Portugal|young', 'Portugal|old'];
  const ssb = ['Iceland', 'Portugal', 'Spain', 'TOTAL'].flatMap((centre) =>
    figures.map((f) => ({
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
  });

  it('with SSB’s primary cell and "under 5" for 1–4, one cell more protects it, and every margin stays', () => {
    // Under our rule Iceland's 2 and 3, Portugal's 4 and Portugal's margin 4 are small too; the labels
    // then pin Portugal's margin (20 − 11 − 5), so one centre margin is hidden, as few as the rule allows.
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
      centres,
      years: [2025],
      figures: [count('order.fine_serving')],
      relations: [],
      rows: centres.map((centre) => ({ centre, year: 2025, figures: { 'order.fine_serving': 1 } })),
    };
    const p = protectPublication(input, solver);
    expect(shownOf(p, 'TOTAL', 2025, 'order.fine_serving')).toEqual({ suppressed: 'line' });
    for (const c of centres)
      expect(shownOf(p, c, 2025, 'order.fine_serving')).toEqual({ suppressed: 'small' });
    expect(attackAll(input, p)).toEqual([]);
  });

  it('a centre alone in a column with a small count: its cell and the total stay two unknowns of 1–4', () => {
    const input: PublicationInput = {
      centres: ['a', 'b', 'c'],
      years: [2025],
      figures: [count('measure.mentor')],
      relations: [],
      rows: [
        { centre: 'a', year: 2025, figures: { 'measure.mentor': 3 } },
        { centre: 'b', year: 2025, figures: {} },
        { centre: 'c', year: 2025, figures: {} },
      ],
    };
    const p = protectPublication(input, solver);
    expect(shownOf(p, 'b', 2025, 'measure.mentor')).toBe(0);
    expect(shownOf(p, 'TOTAL', 2025, 'measure.mentor')).toEqual({ suppressed: 'small' });
    expect(attackAll(input, p)).toEqual([]);
  });
});
