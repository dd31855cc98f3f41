import { OPEN } from '@crux/store/figures-repo';
import { describe, expect, it } from 'vitest';
import { contiguousRuns, countedOf, monthsUpTo, rolloverMonths, spanOf, yearsOf } from './plan';

const p = (startDate: string, endDate?: string) => ({ id: 'x', startDate, endDate, version: 1 });

describe('which months a run recomputes', () => {
  it('a participation spans its start month to its end month, or stays open', () => {
    expect(spanOf(p('2024-11-10'))).toEqual({ from: '2024-11', through: OPEN });
    expect(spanOf(p('2024-11-10', '2025-01-31'))).toEqual({ from: '2024-11', through: '2025-01' });
  });

  it('only what it was counted in before is known, once the job has counted it', () => {
    expect(countedOf(p('2024-11-10'))).toBeUndefined();
    expect(countedOf({ ...p('2024-11-10'), countedFrom: '2024-11', countedThrough: OPEN })).toEqual({
      from: '2024-11',
      through: OPEN,
    });
  });

  it('months that have not begun are left for when they do', () => {
    expect(monthsUpTo({ from: '2024-11', through: OPEN }, '2025-02')).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(monthsUpTo({ from: '2025-01', through: '2025-06' }, '2025-02')).toEqual(['2025-01', '2025-02']);
    expect(monthsUpTo({ from: '2025-04', through: OPEN }, '2025-02')).toEqual([]);
  });

  it('new months since the last finished run, the current one on the first run, none twice', () => {
    expect(rolloverMonths(undefined, '2025-03')).toEqual(['2025-03']);
    expect(rolloverMonths('2025-03', '2025-03')).toEqual([]);
    expect(rolloverMonths('2024-11', '2025-02')).toEqual(['2024-12', '2025-01', '2025-02']);
  });

  it('reads contiguous months as one range, across a new year', () => {
    expect(contiguousRuns(['2024-12', '2025-01', '2025-03', '2025-07', '2025-08'])).toEqual([
      ['2024-12', '2025-01'],
      ['2025-03', '2025-03'],
      ['2025-07', '2025-08'],
    ]);
    expect(contiguousRuns([])).toEqual([]);
    expect(yearsOf(['2024-12', '2025-01', '2025-03'])).toEqual([2024, 2025]);
  });
});
