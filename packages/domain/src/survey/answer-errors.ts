import type { AppError } from '../errors';
import * as surveyRules from './rules';

/**
 * The answer route's refusals, said so a participant knows what to do. A code that is no code of this
 * round (mistyped, of another centre, made up) is 401: the code is the only credential there is. A
 * used code, or a round no longer open, is 409: nothing was written either way.
 */
export const codeRefused = (): AppError => ({
  code: 'unauthorized',
  message: {
    nb: 'Vi fant ikke denne koden. Sjekk at den er skrevet riktig, eller spør etter en ny lapp.',
    en: 'We could not find this code. Check that it is typed correctly, or ask for a new slip.',
  },
  fields: [
    {
      field: 'code',
      rule: surveyRules.answerCode.name,
      message: { nb: 'Koden gjelder ikke denne undersøkelsen.', en: 'The code is not for this survey.' },
    },
  ],
});

export const codeUsed = (): AppError => ({
  code: 'conflict',
  message: {
    nb: 'Denne koden er allerede brukt. Hvert svar trenger sin egen kode.',
    en: 'This code has already been used. Each answer needs a code of its own.',
  },
});

export const roundNotOpen = (): AppError => ({
  code: 'conflict',
  message: {
    nb: 'Undersøkelsen er ikke åpen lenger, eller den er endret. Last inn siden på nytt.',
    en: 'The survey is no longer open, or it has changed. Reload the page.',
  },
});
