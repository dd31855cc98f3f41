import { describe, expect, it } from 'vitest';
import { startingCatalogue } from '../catalogue/starting';
import { monthPeriod, yearPeriod } from '../period';
import { countCentreYear } from '../rollup/publish';
import { usedEntries } from '../rollup/used';
import { computeFigures } from './compute';
import { defineFigures } from './define';
import { type CentreRecords, type ConversationRecord, noRegisterRecords } from './records';
import { wheelChange } from './wheel';

const set = defineFigures(startingCatalogue);
const ten = { min: 1, max: 10 };
const talk = (
  participantId: string,
  date: string,
  positions: Record<string, number>,
  id = `${participantId}-${date}`,
  scale = ten,
): ConversationRecord => ({ id, participantId, date, positions, scale });

/**
 * Counted by hand, for 2025 (the participant's own view, first against last conversation of the year
 * that placed them on the domain):
 * - A: housing 3 → 5 → 4: up.
 * - B: housing 6 → 6: same; health 7 → 4: down.
 * - C: one conversation: in none.
 * - D: housing 2 in December 2024 (another year), then 8 → 8 in 2025: same.
 * - E: housing 5 of 1–10 (4/9 of the way) → 3 of 1–5 (2/4): up, though the number fell.
 * - F: economy 2 → (not placed) → 2: same; housing placed once: in none.
 * - G: two conversations the same day, taken in id order: housing 2 (id a) → 9 (id b): up.
 * So housing 3 up / 2 same / 0 down; health 0/0/1; economy 0/1/0; work/activity and network nothing.
 */
const conversations: ConversationRecord[] = [
  talk('A', '2025-02-01', { housing: 3 }),
  talk('A', '2025-06-01', { housing: 5 }),
  talk('A', '2025-11-01', { housing: 4 }),
  talk('B', '2025-03-01', { housing: 6, health: 7 }),
  talk('B', '2025-09-01', { housing: 6, health: 4 }),
  talk('C', '2025-05-05', { housing: 9 }),
  talk('D', '2024-12-20', { housing: 2 }),
  talk('D', '2025-01-10', { housing: 8 }),
  talk('D', '2025-12-31', { housing: 8 }),
  talk('E', '2025-01-05', { housing: 5 }),
  talk('E', '2025-05-05', { housing: 3 }, 'E-2', { min: 1, max: 5 }),
  talk('F', '2025-01-01', { economy: 2 }),
  talk('F', '2025-04-01', { housing: 1 }),
  talk('F', '2025-08-01', { economy: 2 }),
  talk('G', '2025-07-01', { housing: 9 }, 'b'),
  talk('G', '2025-07-01', { housing: 2 }, 'a'),
];
const records: CentreRecords = {
  ...noRegisterRecords,
  participations: [],
  entries: [{ date: '2025-03-03', kind: 'wheel_conversation', count: 5 }],
  measures: [],
  hours: [],
  conversations,
};

describe('change across a service (the wheel, per domain and year)', () => {
  it('counts the hand-counted cases', () => {
    expect(Object.fromEntries(wheelChange(yearPeriod(2025), conversations))).toEqual({
      housing: { up: 3, same: 2, down: 0 },
      health: { up: 0, same: 0, down: 1 },
      economy: { up: 0, same: 1, down: 0 },
    });
  });

  it('are figures of the set: every domain each way, zeros included, for the year only', () => {
    const year = computeFigures(set, yearPeriod(2025), records);
    expect(year['wheel.housing.up']).toBe(3);
    expect(year['wheel.housing.same']).toBe(2);
    expect(year['wheel.housing.down']).toBe(0);
    expect(year['wheel.health.down']).toBe(1);
    expect(year['wheel.economy.same']).toBe(1);
    expect(year['wheel.work_activity.up']).toBe(0);
    const march = computeFigures(set, monthPeriod('2025-03'), records);
    expect(Object.keys(march).filter((id) => id.startsWith('wheel.'))).toEqual([]);
  });

  it('a centre year takes them from the whole year, never from its months', () => {
    const year = countCentreYear({ id: 'a', name: 'A' }, 2025, '2025-12', set, records);
    expect(year.figures['wheel.housing.up']).toBe(3);
    expect([...year.months.values()].every((m) => m['wheel.housing.up'] === undefined)).toBe(true);
  });

  it('counts every conversation as a wheel conversation, beside the entries imported for earlier years', () => {
    // 15 conversations dated in 2025 (D's of 2024 is not), and 5 brought in as entries.
    expect(computeFigures(set, yearPeriod(2025), records)['kind.wheel_conversation']).toBe(20);
    expect(computeFigures(set, monthPeriod('2025-07'), records)['kind.wheel_conversation']).toBe(2);
    expect(computeFigures(set, yearPeriod(2024), records)['kind.wheel_conversation']).toBe(1);
  });

  it('a domain with change counted has history: it is retired, never removed', () => {
    const counted = computeFigures(set, yearPeriod(2025), records);
    expect(usedEntries(startingCatalogue, [counted]).filter((e) => e.list === 'wheelDomains')).toEqual([
      { list: 'wheelDomains', id: 'housing' },
      { list: 'wheelDomains', id: 'economy' },
      { list: 'wheelDomains', id: 'health' },
    ]);
  });

  it('state what the disclosure audit needs: each way at most the participants, the three together too', () => {
    const up = set.byId.get('wheel.housing.up');
    expect(up?.disclosure).toEqual({ kind: 'count' });
    expect(up?.relations).toEqual(
      expect.arrayContaining([
        { kind: 'atMost', smaller: 'wheel.housing.up', larger: 'participants' },
        {
          kind: 'partsAtMost',
          whole: 'participants',
          parts: ['wheel.housing.up', 'wheel.housing.same', 'wheel.housing.down'],
        },
      ]),
    );
    expect(set.lines.find((l) => l.id === 'wheel.housing')).toMatchObject({
      section: 'wheel',
      label: { nb: 'Bolig: bedre/uendret/dårligere' },
      figures: ['wheel.housing.up', 'wheel.housing.same', 'wheel.housing.down'],
    });
  });
});
