import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/lists';
import { startingCatalogue } from '../catalogue/starting';
import type { BaseFigures } from './compute';
import { defineFigures } from './define';
import { figureValue, formatLine, yearTable } from './display';

const set = defineFigures(startingCatalogue);

describe('derived values', () => {
  const people = (participants: number, women: number, ageSum: number): BaseFigures => ({
    participants,
    'participants.woman': women,
    'participants.man': participants - women,
    'participants.age_sum': ageSum,
  });

  it('round a share or a mean half up, in whole numbers', () => {
    const f = people(45, 23, 1845);
    expect(figureValue(set, 'participants.woman.share', f)).toBe(51);
    expect(figureValue(set, 'participants.man.share', f)).toBe(49);
    expect(figureValue(set, 'participants.other.share', f)).toBe(0);
    expect(figureValue(set, 'participants.mean_age', f)).toBe(41);
    expect(figureValue(set, 'participants.woman.share', people(8, 1, 0))).toBe(13);
    expect(figureValue(set, 'participants.mean_age', people(2, 0, 69))).toBe(35);
  });

  it('have no value over nobody', () => {
    expect(figureValue(set, 'participants.mean_age', {})).toBeNull();
    expect(figureValue(set, 'participants.woman.share', {})).toBeNull();
  });

  it('read a stored figure absent from the item as zero', () => {
    expect(figureValue(set, 'kind.visit', {})).toBe(0);
  });
});

describe('formatLine', () => {
  it('puts the previous year in parentheses, or nothing when that cell is empty', () => {
    expect(formatLine(['count'], [45], [44])).toEqual({ nb: '45 (44)', en: '45 (44)' });
    expect(formatLine(['persons', 'hours'], [1, 136], [2, 78]).nb).toBe('1/136 (2/78)');
    expect(formatLine(['percent'], [51], [52])).toEqual({ nb: '51 % (52 %)', en: '51% (52%)' });
    expect(formatLine(['persons', 'hours'], [1, 12.5], null)).toEqual({ nb: '1/12,5', en: '1/12.5' });
    expect(formatLine(['years'], [null], null).nb).toBe('–');
  });
});

describe('yearTable', () => {
  const current: BaseFigures = {
    participants: 45,
    'participants.new': 22,
    'participants.woman': 23,
    'participants.man': 22,
    'participants.age_sum': 1845,
    'measure.clarification': 8,
    'order.fine_serving.persons': 1,
    'order.fine_serving.hours': 87,
    'order.community_sentence.persons': 1,
    'order.community_sentence.hours': 136,
  };
  const previous: BaseFigures = {
    participants: 44,
    'participants.new': 20,
    'participants.woman': 23,
    'participants.man': 21,
    'participants.age_sum': 1496,
    'order.community_sentence.persons': 2,
    'order.community_sentence.hours': 78,
  };
  const row = (table: ReturnType<typeof yearTable>, id: string) =>
    table.sections.flatMap((s) => s.rows).find((r) => r.id === id);

  it('is titled as the reports are, and shows every line with the previous year', () => {
    const table = yearTable(set, 2024, current, previous);
    expect(table.title.nb).toBe('Fakta og tall 2024 (2023 i parentes)');
    expect(table.sections.map((s) => s.name.nb)).toEqual([
      'Deltakere',
      'Går videre til',
      'Aktivitetstall Oppfølgingssenteret',
      'Arbeidshjulet: endring i året',
      'Arbeidstrening',
      'Aktivitetstall Kriminalomsorgen',
      'Frivillige',
      'Ansatte',
      'Egne tiltak',
      'Matutdeling og julehjelp',
      'Ombruk i bruktbutikken',
      'Økonomi',
    ]);
    expect(row(table, 'participants')?.text.nb).toBe('45 (44)');
    expect(row(table, 'participants.mean_age')?.text.nb).toBe('41 år (34 år)');
    expect(row(table, 'participants.woman.share')?.text.nb).toBe('51 % (52 %)');
    expect(row(table, 'order.community_sentence')?.text.nb).toBe('1/136 (2/78)');
  });

  it('shows an empty previous-year cell without parentheses, not as (0)', () => {
    const table = yearTable(set, 2024, current, previous);
    expect(row(table, 'order.fine_serving')).toMatchObject({ previous: null, text: { nb: '1/87' } });
    expect(row(table, 'measure.clarification')).toMatchObject({ previous: null, text: { nb: '8' } });
    expect(row(table, 'kind.visit')?.text.nb).toBe('0');
    expect(row(yearTable(set, 2024, current, null), 'participants')?.text.nb).toBe('45');
  });

  it('leaves out a retired kind in years it has nothing, and shows it where it has', () => {
    const retired: Catalogue = {
      ...startingCatalogue,
      activityKinds: startingCatalogue.activityKinds.map((k) =>
        k.id === 'prison_visit' ? { ...k, status: 'retired' } : k,
      ),
    };
    const withRetired = defineFigures(retired);
    expect(row(yearTable(withRetired, 2024, current, previous), 'kind.prison_visit')).toBeUndefined();
    expect(
      row(yearTable(withRetired, 2025, {}, { 'kind.prison_visit': 3 }), 'kind.prison_visit')?.text.nb,
    ).toBe('0 (3)');
  });
});
