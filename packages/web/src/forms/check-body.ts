import type { FieldError } from '@crux/domain/errors';
import { parse } from '@crux/domain/validation';
import type * as z from 'zod/mini';
import { type FormErrors, toFormErrors } from './form-errors';

export type Checked<T> = { ok: true; body: T } | { ok: false; errors: FormErrors };

/**
 * A form's own check before a round trip: the plain messages it already has (`first`: "fill this in",
 * "choose one"), then the API's schema on the body; each field shows the first message it got.
 */
export function checkBody<S extends z.ZodMiniType>(
  schema: S,
  body: unknown,
  first: readonly FieldError[] = [],
): Checked<z.infer<S>> {
  const result = parse(schema, body);
  const all = [...first, ...(result.ok ? [] : (result.error.fields ?? []))];
  if (result.ok && all.length === 0) return { ok: true, body: result.value };
  return { ok: false, errors: toFormErrors(all) };
}
