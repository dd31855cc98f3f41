import { describe, expect, test } from 'vitest';
import { formatDate, formatNumber, withPrevious } from './format';

/** nb-NO groups thousands with a no-break space; written out here so the test says what the page shows. */
const nb = (text: string) => text.replace(/(\d) (\d)/g, '$1\u00a0$2');

describe('figures as in the annual reports', () => {
  test('the previous year stands in parentheses', () => {
    expect(withPrevious(3643, 3557)).toBe(nb('3 643 (3 557)'));
    expect(withPrevious(45, 44)).toBe('45 (44)');
  });

  test('an empty previous year is left out, never shown as (0)', () => {
    expect(withPrevious(250, null)).toBe('250');
    expect(withPrevious(250, undefined)).toBe('250');
  });

  test('a previous year that really was zero is shown as such', () => {
    expect(withPrevious(3, 0)).toBe('3 (0)');
  });

  test('numbers follow Norwegian grouping in both languages', () => {
    expect(formatNumber(1190)).toBe(nb('1 190'));
  });

  test('a calendar date stays on its day whatever the time zone', () => {
    expect(formatDate('2024-01-01', 'nb')).toBe('1. januar 2024');
    expect(formatDate('2024-12-31', 'en')).toBe('31 December 2024');
  });
});
