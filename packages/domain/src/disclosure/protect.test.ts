import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Relation } from '../figures/relations';
import { attack } from './attacker';
import { highsSolver } from './highs-solver';
import { protectPublication } from './protect';
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
