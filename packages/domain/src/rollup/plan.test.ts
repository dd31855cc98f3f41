import { describe, expect, it } from 'vitest';
import { countedOf, OPEN, spanOf } from './participation';
import { monthsOfYear, monthsUpTo, rolloverMonths, yearsOf } from './plan';

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

  it('the affected years, and the months of a year that have begun', () => {
    expect(yearsOf(['2025-03', '2024-12', '2025-01'])).toEqual([2024, 2025]);
    expect(monthsOfYear(2024, '2025-02')).toHaveLength(12);
    expect(monthsOfYear(2025, '2025-02')).toEqual(['2025-01', '2025-02']);
    expect(monthsOfYear(2026, '2025-02')).toEqual([]);
  });
});
