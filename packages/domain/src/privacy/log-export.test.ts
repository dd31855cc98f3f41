import { describe, expect, it } from 'vitest';
import { startingCatalogue } from '../catalogue/starting';
import type { AccessLogEntry } from './access-log';
import {
  addHours,
  archiveKey,
  archiveObjects,
  archiveRetentionYears,
  canonicalJson,
  daysCovering,
  exportEnd,
  planChunks,
} from './log-export';
import { yearsBefore } from './retention';

const entry = (centre: string, at: string, nonce: string, extra: Partial<AccessLogEntry> = {}) =>
  ({
    id: `${at}#${nonce}`,
    at,
    requestId: `r-${nonce}`,
    subject: 'u1',
    role: 'staff',
    centre,
    via: 'GET /api/centres/{centreId}/participants/{participantId}',
    action: 'read',
    outcome: 'allowed',
    people: { participant: ['ref1'] },
    ...extra,
  }) as AccessLogEntry;

describe('the export plan', () => {
  it('takes an hour only twenty minutes after it ends', () => {
    expect(exportEnd(new Date('2026-12-02T09:19:59Z'))).toBe('2026-12-02T08');
    expect(exportEnd(new Date('2026-12-02T09:20:00Z'))).toBe('2026-12-02T09');
  });

  it('cuts the hours to export at midnight and stops at the end or the per-run limit', () => {
    expect(planChunks('2026-12-31T22', '2027-01-01T03')).toEqual([
      { from: '2026-12-31T22', to: '2027-01-01T00' },
      { from: '2027-01-01T00', to: '2027-01-01T03' },
    ]);
    expect(planChunks('2026-12-02T05', '2026-12-05T00', 30)).toEqual([
      { from: '2026-12-02T05', to: '2026-12-03T00' },
      { from: '2026-12-03T00', to: '2026-12-03T11' },
    ]);
  });

  it('has nothing to do when the next hour is not closed yet', () => {
    expect(planChunks('2026-12-02T09', '2026-12-02T09')).toEqual([]);
    expect(planChunks('2026-12-02T10', '2026-12-02T09')).toEqual([]);
  });

  it('counts hours across a month and a leap day', () => {
    expect(addHours('2028-02-28T23', 1)).toBe('2028-02-29T00');
    expect(addHours('2028-02-29T23', 1)).toBe('2028-03-01T00');
  });
});

describe('the archive objects', () => {
  it('one per centre and hour, keyed by centre and date, the lines in time order', () => {
    const objects = archiveObjects([
      entry('tromso', '2026-12-02T08:59:00.000Z', 'b'),
      entry('bodo', '2026-12-02T08:10:00.000Z', 'c'),
      entry('tromso', '2026-12-02T08:01:00.000Z', 'a'),
      entry('tromso', '2026-12-02T09:00:00.000Z', 'd'),
    ]);
    expect(objects.map((o) => [o.key, o.entries])).toEqual([
      ['bodo/2026-12-02/08.jsonl', 1],
      ['tromso/2026-12-02/08.jsonl', 2],
      ['tromso/2026-12-02/09.jsonl', 1],
    ]);
    const lines = (objects[1]?.body ?? '').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual([
      '2026-12-02T08:01:00.000Z#a',
      '2026-12-02T08:59:00.000Z#b',
    ]);
    expect(objects[1]?.body.endsWith('\n')).toBe(true);
  });

  it('gives the same bytes whatever order the entries and their attributes were read in', () => {
    const a = entry('tromso', '2026-12-02T08:01:00.000Z', 'a', {
      records: { participantId: 'x', year: '1' },
    });
    const b = entry('tromso', '2026-12-02T08:02:00.000Z', 'b');
    const shuffled = Object.fromEntries(Object.entries(a).reverse()) as AccessLogEntry;
    shuffled.records = { year: '1', participantId: 'x' };
    expect(archiveObjects([b, shuffled])).toEqual(archiveObjects([a, b]));
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe(
      '{"a":{"c":3,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it('has no object for an hour without entries', () => {
    expect(archiveObjects([])).toEqual([]);
    expect(archiveKey('tromso', '2026-01-05T00')).toBe('tromso/2026-01-05/00.jsonl');
  });
});

describe('the archive retention', () => {
  it('is the access log retention the foundation ships', () => {
    expect(archiveRetentionYears).toBe(startingCatalogue.settings.accessLogRetentionYears);
  });

  it('in days, never ends before the same number of calendar years has passed', () => {
    for (const years of [2, 5, 10, 30]) {
      for (const start of ['2024-02-29', '2025-03-01', '2027-01-01', '2096-03-01']) {
        const startMs = Date.parse(`${start}T00:00:00Z`);
        const end = new Date(startMs + daysCovering(years) * 86_400_000).toISOString().slice(0, 10);
        expect(yearsBefore(end, years) >= start, `${years} years from ${start}`).toBe(true);
      }
    }
  });
});
