import type { FieldError } from '@crux/domain/errors';
import type { Text } from '@crux/domain/text';
import { en } from '../i18n/messages-en';
import { nb } from '../i18n/messages-nb';

/** One message per field, keyed by the API's dotted field path; the first broken rule is the one shown. */
export type FormErrors = Record<string, Text>;

export function toFormErrors(fields: readonly FieldError[] | undefined): FormErrors {
  const out: FormErrors = {};
  for (const { field, message } of fields ?? []) out[field] ??= message;
  return out;
}

export const hasErrors = (errors: FormErrors) => Object.keys(errors).length > 0;

/** An empty field in plain words: "fill this in", or for a choice "choose one", not the schema's rule text. */
export function required(field: string, choice = false): FieldError {
  return {
    field,
    rule: 'required',
    message: choice ? { nb: nb.chooseRequired, en: en.chooseRequired } : { nb: nb.required, en: en.required },
  };
}
