import { britishNumbers, formatDecimal, norwegianNumbers } from '../numbers';
import type { Text } from '../text';
import type { BaseFigures } from './compute';
import type { FigureSet } from './define';
import type { TableLine, ValueType } from './definition';
import type { FigureId } from './relations';

/** Half up, as the reports round: 12.5 % is 13 %. Exact for the ratios of whole numbers the engine divides. */
const roundHalfUp = (x: number) => Math.floor(x + 0.5);

/**
 * A figure's value as shown: a stored figure as it is (absent is zero), a derived one from the stored
 * ones at display time, so a correction or a new total never leaves a stale mean behind. A mean or a
 * share over nobody has no value (null).
 */
export function figureValue(set: FigureSet, id: FigureId, figures: BaseFigures): number | null {
  const definition = set.byId.get(id);
  if (!definition)
    throw new Error(`figureValue: no figure ${id} in catalogue version ${set.catalogueVersion}`);
  const { rule } = definition;
  if (rule.from !== 'figures') return figures[id] ?? 0;
  if (rule.derive === 'mean') {
    const over = figures[rule.over] ?? 0;
    return over === 0 ? null : roundHalfUp((figures[rule.sum] ?? 0) / over);
  }
  if (rule.derive === 'scaled') {
    const unit = 10 ** rule.decimals;
    return roundHalfUp(((figures[rule.of] ?? 0) * unit) / rule.divisor) / unit;
  }
  const whole = figures[rule.whole] ?? 0;
  return whole === 0 || whole < (rule.minWhole ?? 1)
    ? null
    : roundHalfUp((100 * (figures[rule.part] ?? 0)) / whole);
}

export type LineValues = (number | null)[];

export function lineValues(set: FigureSet, line: TableLine, figures: BaseFigures): LineValues {
  return line.figures.map((id) => figureValue(set, id, figures));
}

/**
 * Empty: nothing counted on the line (every value zero, or no value). A registered zero and a line not
 * registered at all look the same in stored figures, and the reports print neither as "(0)": an empty
 * previous-year cell is shown without parentheses.
 */
export const isEmpty = (values: LineValues) => values.every((v) => v === null || v === 0);

const units: Partial<Record<ValueType, Text>> = {
  percent: { nb: ' %', en: '%' },
  years: { nb: ' år', en: ' years' },
  substitutes: { nb: ' vikar', en: ' substitute(s)' },
  kilograms: { nb: ' kg', en: ' kg' },
  kroner: { nb: ' kr', en: ' NOK' },
};

/** Amounts of money and kilograms are large: written with thousands apart (`4 375 000 kr`). */
const grouped: readonly ValueType[] = ['kroner', 'kilograms'];

function formatValues(
  types: readonly ValueType[],
  values: LineValues,
  lang: keyof Text,
  joiner: string,
): string {
  const style = lang === 'nb' ? norwegianNumbers : britishNumbers;
  return values
    .map((v, i) => {
      if (v === null) return '–';
      const type = types[i] as ValueType;
      const number = Number.isInteger(v) && !grouped.includes(type) ? String(v) : formatDecimal(v, style, 2);
      return number + (units[type]?.[lang] ?? '');
    })
    .join(joiner);
}

/** `45 (44)`, `1/136 (2/78)`, `51 % (52 %)`, `5 + 1 vikar`; with an empty previous year just `8`. */
export function formatLine(
  types: readonly ValueType[],
  values: LineValues,
  previous: LineValues | null,
  joiner = '/',
): Text {
  const text = (lang: keyof Text) =>
    formatValues(types, values, lang, joiner) +
    (previous ? ` (${formatValues(types, previous, lang, joiner)})` : '');
  return { nb: text('nb'), en: text('en') };
}

export type TableRow = {
  id: string;
  label: Text;
  figures: readonly FigureId[];
  valueTypes: readonly ValueType[];
  values: LineValues;
  /** The previous year's values, or null when that cell is empty. */
  previous: LineValues | null;
  text: Text;
};
export type YearTable = {
  year: number;
  title: Text;
  sections: { id: string; name: Text; rows: TableRow[] }[];
};

export function tableTitle(year: number): Text {
  return {
    nb: `Fakta og tall ${year} (${year - 1} i parentes)`,
    en: `Facts and figures ${year} (${year - 1} in parentheses)`,
  };
}

/**
 * A centre's (or the foundation's) *Fakta og tall* for a year: every line in the report's sections
 * and order, the previous year in parentheses. A retired entry's line is left out of a year where it
 * and the year before are both empty; a section with no line is left out.
 */
export function yearTable(
  set: FigureSet,
  year: number,
  current: BaseFigures,
  previous: BaseFigures | null,
): YearTable {
  const sections = set.sections.map((section) => ({
    id: section.id,
    name: section.name,
    rows: set.lines.flatMap((line): TableRow[] => {
      if (line.section !== section.id) return [];
      const values = lineValues(set, line, current);
      const before = previous ? lineValues(set, line, previous) : null;
      const shownBefore = before && !isEmpty(before) ? before : null;
      if (line.retired && isEmpty(values) && !shownBefore) return [];
      const valueTypes = line.figures.map((id) => set.byId.get(id)?.valueType ?? 'count');
      return [
        {
          id: line.id,
          label: line.label,
          figures: line.figures,
          valueTypes,
          values,
          previous: shownBefore,
          text: formatLine(valueTypes, values, shownBefore, line.joiner),
        },
      ];
    }),
  }));
  return { year, title: tableTitle(year), sections: sections.filter((s) => s.rows.length > 0) };
}
