/** Text shown to people: Norwegian bokmål first, English beside it. */
export type Text = { nb: string; en: string };

/**
 * Strings in code-point order: ids, keys and `YYYY-MM-DD` dates, where that order is the meaning (a
 * date's text order is its date order) and the same on every machine. Names people read are sorted
 * with localeCompare instead; that starts ICU's collator, which a page load should not pay for ids.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
