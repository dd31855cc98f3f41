import { fail, ok, type Result } from './errors';
import { Year } from './period';
import { validationError } from './validation';

/**
 * The `{year}` of a figures path (`/api/…/figures/{year}`): four digits, 2000–2100. Anything else is a
 * 400 that names the field and the rule.
 */
export function parseFiguresYear(raw: string): Result<number> {
  if (/^\d{4}$/.test(raw) && Year.safeParse(Number(raw)).success) return ok(Number(raw));
  return fail(
    validationError([
      {
        field: 'year',
        rule: 'year',
        message: {
          nb: 'Må være et årstall med fire sifre, fra 2000 til 2100.',
          en: 'Must be a four-digit year from 2000 to 2100.',
        },
      },
    ]),
  );
}
