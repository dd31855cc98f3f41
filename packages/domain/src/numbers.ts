/**
 * Numbers written as the annual reports write them (`4 375 000`, `12,5`), without Intl.NumberFormat: a
 * browser's first NumberFormat costs about 30 ms of main thread while ICU loads its data (measured in
 * Chromium; whichever Intl object comes first pays it, see dates.ts), which was the longest single task
 * on several pages. The result is the same string Intl gives for the locale (numbers.test.ts compares
 * them), rounded half away from zero on the shortest decimal form of the value, as Intl does.
 */
export type NumberStyle = {
  /** The locale Intl would format with: used only for values this module does not write itself. */
  locale: string;
  group: string;
  decimal: string;
  minus: string;
};

export const norwegianNumbers: NumberStyle = {
  locale: 'nb-NO',
  group: '\u00a0',
  decimal: ',',
  minus: '\u2212',
};
export const britishNumbers: NumberStyle = { locale: 'en-GB', group: ',', decimal: '.', minus: '-' };

/** The decimal `whole.fraction` rounded to `max` fraction digits, half away from zero: [whole, fraction]. */
function rounded(whole: string, fraction: string, max: number): [string, string] {
  if (fraction.length <= max) return [whole, fraction];
  const kept = whole + fraction.slice(0, max);
  const up = (fraction[max] ?? '0') >= '5';
  const digits = up ? (BigInt(kept) + 1n).toString().padStart(kept.length, '0') : kept;
  return [digits.slice(0, digits.length - max) || '0', digits.slice(digits.length - max)];
}

export function formatDecimal(value: number, style: NumberStyle, maxFractionDigits: number): string {
  const text = String(Math.abs(value));
  // Infinity, NaN and exponent forms (below 1e-6, from 1e21) never occur in a centre's figures.
  if (!/^\d+(\.\d+)?$/.test(text))
    return value.toLocaleString(style.locale, { maximumFractionDigits: maxFractionDigits });
  const [whole = '0', fraction = ''] = text.split('.');
  const [w, f] = rounded(whole, fraction, maxFractionDigits);
  const grouped = w.replace(/\B(?=(\d{3})+$)/g, style.group);
  const decimals = f.replace(/0+$/, '');
  const negative = value < 0 || Object.is(value, -0);
  return (negative ? style.minus : '') + grouped + (decimals ? style.decimal + decimals : '');
}
