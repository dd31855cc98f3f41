import * as z from 'zod/mini';
import type { AppError } from './errors';
import { Year } from './period';
import { validationError } from './validation';

/**
 * The `{year}` of a figures path (`/api/…/figures/{year}`): four digits, 2000–2100. Anything else is a
 * 400 that names the field and the rule.
 */
export const YearParam = z.string().check(
  z.regex(/^\d{4}$/),
  z.refine((raw: string) => Year.safeParse(Number(raw)).success),
);

export const yearParamError = (): AppError =>
  validationError([
    {
      field: 'year',
      rule: 'year',
      message: {
        nb: 'Må være et årstall med fire sifre, fra 2000 til 2100.',
        en: 'Must be a four-digit year from 2000 to 2100.',
      },
    },
  ]);
