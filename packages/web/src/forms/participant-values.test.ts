import { ParticipantCreate } from '@crux/domain/participant';
import { describe, expect, test } from 'vitest';
import { differingFields } from './conflict-resolver';
import {
  checkParticipant,
  editableFields,
  emptyValues,
  type ParticipantValues,
  valuesOf,
} from './participant-values';

const filled: ParticipantValues = {
  displayName: '  Åse T.  ',
  birthYear: '1980',
  gender: '',
  startDate: '2026-03-01',
  referralSource: 'nav',
};

describe('the participant form', () => {
  test('empty fields get plain words: fill in, or choose', () => {
    const result = checkParticipant(ParticipantCreate, emptyValues(''));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual(['displayName', 'birthYear', 'startDate', 'referralSource']);
    expect(result.errors.displayName?.nb).toBe('Feltet må fylles ut.');
    expect(result.errors.referralSource).toEqual({ nb: 'Velg et alternativ.', en: 'Choose an option.' });
  });

  test('a birth year that is not four digits says so, and the adult rule comes from the domain', () => {
    const typo = checkParticipant(ParticipantCreate, { ...filled, birthYear: '19x0' });
    expect(typo.ok || typo.errors.birthYear?.en).toBe('Write the birth year with four digits.');
    const child = checkParticipant(ParticipantCreate, { ...filled, birthYear: '2015' });
    expect(child.ok || child.errors.birthYear?.nb).toMatch(/minst 18 år/);
  });

  test('a valid form becomes the body the API takes: trimmed, gender left out when not stated', () => {
    expect(checkParticipant(ParticipantCreate, filled)).toEqual({
      ok: true,
      body: { displayName: 'Åse T.', birthYear: 1980, startDate: '2026-03-01', referralSource: 'nav' },
    });
  });

  test('a conflict lists only the fields where what the user wants differs from what is stored', () => {
    const stored = {
      id: 'x',
      displayName: 'Åse T.',
      birthYear: 1981,
      startDate: '2026-03-01',
      referralSource: 'nav' as const,
      version: 2,
      createdAt: '',
      updatedAt: '',
      measures: {},
      orders: {},
    };
    expect(differingFields(editableFields, filled, valuesOf(stored))).toEqual(['birthYear']);
  });
});
