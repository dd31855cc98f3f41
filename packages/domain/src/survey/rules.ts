import type { Rule } from '../validation';

/** The rules of the survey's questionnaires and answers, each with its text (see ../rules.ts). */

export const answerCode: Rule = {
  name: 'answer_code',
  text: {
    nb: 'Koden har 10 tegn: tall og bokstaver. Sjekk at den er skrevet riktig.',
    en: 'The code has 10 characters: digits and letters. Check that it is typed correctly.',
  },
};

export const unknownQuestion: Rule = {
  name: 'unknown_question',
  text: {
    nb: 'Spørsmålet finnes ikke i undersøkelsen.',
    en: 'This question is not in the survey.',
  },
};

export const unknownOption: Rule = {
  name: 'unknown_option',
  text: {
    nb: 'Dette svaret finnes ikke på spørsmålet.',
    en: 'This answer is not one of the question’s.',
  },
};

export const freeTextLength: Rule = {
  name: 'free_text_length',
  text: { nb: 'Teksten kan ha høyst 1000 tegn.', en: 'The text can be at most 1000 characters.' },
};

export const tooManyAnswers: Rule = {
  name: 'too_many_answers',
  text: { nb: 'For mange svar.', en: 'Too many answers.' },
};

export const reservedOption: Rule = {
  name: 'reserved_option',
  text: {
    nb: '«Ikke aktuelt» gis på hvert spørsmål og kan ikke være et eget svaralternativ.',
    en: '"Not applicable" is offered on every question and cannot be an option of its own.',
  },
};

export const unknownScale: Rule = {
  name: 'unknown_scale',
  text: { nb: 'Fant ingen skala med denne id-en.', en: 'No scale with this id.' },
};

export const allPositive: Rule = {
  name: 'all_positive',
  text: {
    nb: 'Minst ett svaralternativ må telle som ikke positivt.',
    en: 'At least one option must count as not positive.',
  },
};

export const unknownVersion: Rule = {
  name: 'unknown_version',
  text: {
    nb: 'Det finnes ingen publisert versjon med dette nummeret.',
    en: 'No published version has this number.',
  },
};

export const yearNotBegun: Rule = {
  name: 'year_not_begun',
  text: { nb: 'Året har ikke begynt ennå.', en: 'This year has not begun yet.' },
};
