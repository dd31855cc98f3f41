import type * as z from 'zod/mini';
import { type AppError, type FieldError, fail, ok, type Result } from './errors';
import type { Text } from './text';

type Issue = z.core.$ZodIssue;

/**
 * A rule a value can break, with what it means to a person: raised in a schema with `raise(rule)`, or in
 * a check with `fieldError(field, rule)`. Each is a named export of the module its concept lives in
 * (rules.ts, and the date windows in period.ts), never one table looked up by name, so a function bundles
 * the texts of the rules it can raise and no other's (issue 13's bundle size). A window that moves with
 * today is worded when the message is made.
 */
export type Rule = { readonly name: string; readonly text: Text | (() => Text) };

/**
 * A custom zod issue for `rule`: `z.refine(check, raise(rule))`, `ctx.addIssue({ ...raise(rule), … })`.
 * The issue carries the rule itself, so describing it needs no table.
 */
export const raise = (rule: Rule) => ({ message: rule.name, params: { rule } });

function ruleText(rule: Rule): Text {
  return typeof rule.text === 'function' ? rule.text() : rule.text;
}

function describe(issue: Issue): { rule: string; message: Text } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined)
        return { rule: 'required', message: { nb: 'Feltet må fylles ut.', en: 'This field is required.' } };
      return {
        rule: 'type',
        message: {
          nb: `Feil type: forventet ${issue.expected}.`,
          en: `Wrong type: expected ${issue.expected}.`,
        },
      };
    case 'too_small':
      if (issue.origin === 'string')
        return {
          rule: 'min_length',
          message: {
            nb: `Må ha minst ${issue.minimum} tegn.`,
            en: `Must be at least ${issue.minimum} characters.`,
          },
        };
      return {
        rule: 'min',
        message: { nb: `Må være minst ${issue.minimum}.`, en: `Must be at least ${issue.minimum}.` },
      };
    case 'too_big':
      if (issue.origin === 'string')
        return {
          rule: 'max_length',
          message: {
            nb: `Kan ha høyst ${issue.maximum} tegn.`,
            en: `Must be at most ${issue.maximum} characters.`,
          },
        };
      return {
        rule: 'max',
        message: { nb: `Kan være høyst ${issue.maximum}.`, en: `Must be at most ${issue.maximum}.` },
      };
    case 'invalid_format':
      if (issue.format === 'date')
        return {
          rule: 'date',
          message: { nb: 'Må være en gyldig dato (ÅÅÅÅ-MM-DD).', en: 'Must be a valid date (YYYY-MM-DD).' },
        };
      return { rule: 'format', message: { nb: 'Har ikke riktig format.', en: 'Has the wrong format.' } };
    case 'invalid_value':
      return {
        rule: 'one_of',
        message: {
          nb: `Må være en av: ${issue.values.join(', ')}.`,
          en: `Must be one of: ${issue.values.join(', ')}.`,
        },
      };
    case 'unrecognized_keys':
      return { rule: 'unknown_field', message: { nb: 'Ukjent felt.', en: 'Unknown field.' } };
    case 'custom': {
      const rule = (issue.params as { rule?: Rule } | undefined)?.rule;
      if (rule) return { rule: rule.name, message: ruleText(rule) };
      return { rule: 'invalid', message: { nb: 'Ugyldig verdi.', en: 'Invalid value.' } };
    }
    default:
      return { rule: 'invalid', message: { nb: 'Ugyldig verdi.', en: 'Invalid value.' } };
  }
}

/** One FieldError per broken rule; unknown keys are reported one field each, by name. */
export function fieldErrors(issues: readonly Issue[]): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const { rule, message } = describe(issue);
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ field: base ? `${base}.${key}` : key, rule, message });
    } else {
      out.push({ field: base || '(body)', rule, message });
    }
  }
  return out;
}

export function validationError(fields: FieldError[]): AppError {
  return {
    code: 'validation',
    message: { nb: 'Noen felt er ikke fylt ut riktig.', en: 'Some fields are not filled in correctly.' },
    fields,
  };
}

export function fieldError(field: string, rule: Rule): AppError {
  return validationError([{ field, rule: rule.name, message: ruleText(rule) }]);
}

export function parse<S extends z.ZodMiniType>(schema: S, input: unknown): Result<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return ok(result.data as z.infer<S>);
  return fail(validationError(fieldErrors(result.error.issues)));
}
