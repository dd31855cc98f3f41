import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Auditor } from './audit';
import { roundedConstraints, staticConstraints } from './constraints';
import { highsSolver } from './highs-solver';
import { Links } from './links';
import { primaryStatus, propagateTies, ties } from './primary';
import { Repairer } from './repair';
import type { LpSolver } from './solver';
import { SECONDARY, VISIBLE } from './status';
import { syntheticSets } from './synthetic';
import { buildTable, cellIndex, type Table } from './table';
import type { PublicationInput } from './types';

let solver: LpSolver;
beforeAll(async () => {
  solver = highsSolver(await loadHighs());
});

const at = (t: Table, centre: string, figure: string) =>
  cellIndex(t, t.rows.indexOf(centre), 0, t.figureIndex.get(figure) as number);

describe('the repairer within one round', () => {
  // One year, two centres. centre-001 has 4 women, 4 men and 1 of another gender ("under 5" each) of
  // 9 participants; centre-002 10, 10 and 0 of 20. The total: 14 women (48 %), 14 men (48 %), 1 other.
  const input: PublicationInput = {
    set: syntheticSets.small,
    centres: ['centre-001', 'centre-002'],
    years: [2016],
    rows: [
      [9, 4, 4, 1],
      [20, 10, 10, 0],
    ].map(([participants, woman, man, other], i) => ({
      centre: `centre-00${i + 1}`,
      year: 2016,
      figures: {
        participants: participants as number,
        'participants.age_sum': 40 * (participants as number),
        'participants.woman': woman as number,
        'participants.man': man as number,
        'participants.other': other as number,
      },
    })),
  };

  it("does not hold against a later row what the shares of counts hidden earlier in the round said (seed 1888915379's cause)", () => {
    const t = buildTable(input);
    const tieList = ties(t);
    const status = primaryStatus(t, tieList);
    const fixed = staticConstraints(t, { min: 0.25, max: 8784 });
    // The round's program is written while the total's participants, women and men are shown: their
    // shares (48 %, 48 %) bound the total's "under 5" others to 3–5 % of its participants: exactly 1.
    const constraints = [...fixed, ...roundedConstraints(t, (c) => status[c] === VISIBLE)];
    const other = at(t, 'TOTAL', 'participants.other');
    // Then, in the same round, the repair of an earlier row hides those three counts; their shares go
    // with them once the round's ties are followed, so the reader no longer has what the shares said.
    for (const figure of ['participants', 'participants.woman', 'participants.man'])
      status[at(t, 'TOTAL', figure)] = SECONDARY;
    const links = new Links(t, status, constraints);
    // Nothing may be hidden any more (as when the last publication showed every other cell): the total's
    // others must move with what is already hidden (one man fewer at centre-001, one other more).
    const frozen = new Uint8Array(t.size).fill(1);
    const repairer = new Repairer(t, solver, frozen, tieList);
    const failure = { cell: other, insider: null, sure: true };
    const { hidden, relabelled, unrepaired } = repairer.choose(status, links, constraints, [failure]);
    expect(unrepaired).toEqual([]);
    expect([...hidden, ...relabelled]).toEqual([]);
    // And the audit agrees on the pattern as published: the others' count of the total moves.
    propagateTies(status, tieList);
    expect(status[at(t, 'TOTAL', 'participants.woman.share')]).not.toBe(VISIBLE);
    const now = [...fixed, ...roundedConstraints(t, (c) => status[c] === VISIBLE)];
    const failures = new Auditor(t, solver, true).run(status, new Links(t, status, now), true);
    expect(failures.filter((f) => f.cell === other)).toEqual([]);
  });

  it('the shares of the hidden counts, were they still read, would pin it (so the case above is a real one)', () => {
    const t = buildTable(input);
    const tieList = ties(t);
    const status = primaryStatus(t, tieList);
    const constraints = [
      ...staticConstraints(t, { min: 0.25, max: 8784 }),
      ...roundedConstraints(t, (c) => status[c] === VISIBLE),
    ];
    for (const figure of ['participants', 'participants.woman', 'participants.man'])
      status[at(t, 'TOTAL', figure)] = SECONDARY;
    const other = at(t, 'TOTAL', 'participants.other');
    const failures = new Auditor(t, solver, true).run(status, new Links(t, status, constraints), true);
    expect(failures).toContainEqual({ cell: other, insider: null, sure: true });
  });
});
