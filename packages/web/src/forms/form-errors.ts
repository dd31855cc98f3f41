import type { FieldError } from '@crux/domain/errors';
import type { Text } from '@crux/domain/text';

/** One message per field, keyed by the API's dotted field path; the first broken rule is the one shown. */
export type FormErrors = Record<string, Text>;

export function toFormErrors(fields: readonly FieldError[] | undefined): FormErrors {
  const out: FormErrors = {};
  for (const { field, message } of fields ?? []) out[field] ??= message;
  return out;
}

export const hasErrors = (errors: FormErrors) => Object.keys(errors).length > 0;
