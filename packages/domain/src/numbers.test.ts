import { describe, expect, test } from 'vitest';
import { britishNumbers, formatDecimal, norwegianNumbers } from './numbers';

const values = [
  0,
  -0,
  1,
  7,
  12,
  999,
  1000,
  1190,
  3643,
  12_345,
  99_999,
  100_000,
  4_375_000,
  1_234_567_890,
  123_456_789_012_345,
  -1,
  -1234,
  -4_375_000.5,
  0.5,
  1.5,
  2.5,
  12.25,
  1.005,
  1.015,
  0.125,
  0.0005,
  0.0004,
  9.9995,
  999.9999,
  1999.995,
  0.1 + 0.2,
  1 / 3,
  2 / 3,
  -0.001,
  1e-7,
  1e21,
  33.333333,
  51.2,
  1234.5678,
];

describe('numbers as Intl.NumberFormat writes them, without it', () => {
  for (const [name, style] of [
    ['nb-NO', norwegianNumbers],
    ['en-GB', britishNumbers],
  ] as const) {
    for (const max of [0, 2, 3]) {
      test(`${name}, at most ${max} decimals`, () => {
        const intl = new Intl.NumberFormat(style.locale, { maximumFractionDigits: max });
        for (const value of values)
          expect([value, formatDecimal(value, style, max)]).toEqual([value, intl.format(value)]);
      });
    }
  }

  test('many random amounts agree with Intl', () => {
    const intl = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 5000; i++) {
      const value = Math.round((next() - 0.3) * 10 ** Math.floor(next() * 9) * 1000) / 1000;
      expect([value, formatDecimal(value, norwegianNumbers, 2)]).toEqual([value, intl.format(value)]);
    }
  });

  test('thousands stand apart with a no-break space in Norwegian, a comma in English', () => {
    expect(formatDecimal(4_375_000, norwegianNumbers, 2)).toBe('4\u00a0375\u00a0000');
    expect(formatDecimal(4_375_000, britishNumbers, 2)).toBe('4,375,000');
    expect(formatDecimal(-12.5, norwegianNumbers, 2)).toBe('\u221212,5');
  });
});
