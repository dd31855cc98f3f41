import * as z from 'zod/mini';
import { Slug } from '../catalogue/ids';
import { type FieldError, fail, ok, type Result } from '../errors';
import * as rules from '../rules';
import { MultiLine } from '../text-input';
import type { Rule } from '../validation';
import { fieldError, raise, validationError } from '../validation';
import { AnswerCode } from './code';
import type { Questionnaire } from './questionnaire';
import { isScale, NOT_APPLICABLE } from './reading';
import * as surveyRules from './rules';

/** Free text a participant may write in a text question. */
export const FREE_TEXT_MAX = 1000;

/**
 * One participant's answer as the answer page sends it: the one-time code, the questionnaire version the
 * page showed, and an answer per question answered (a question left out is skipped). Nothing else: no
 * language, no time, no device, so nothing stored with the answer can point at who gave it.
 */
export const AnswerSubmit = z.strictObject({
  code: AnswerCode,
  version: z.int().check(z.gte(1)),
  answers: z
    .record(Slug, z.string().check(z.maxLength(FREE_TEXT_MAX * 2)))
    .check(z.refine((a) => Object.keys(a).length <= 60, { ...raise(surveyRules.tooManyAnswers) })),
});
export type AnswerSubmit = z.infer<typeof AnswerSubmit>;

/** An answer's choices: scale question id → option id or `not_applicable`. What the figures count. */
export type StoredAnswers = Readonly<Record<string, string>>;

/**
 * What is stored of one participant's answer, and nothing more: the choices, and the free text apart
 * (so the centre's reading of free text never reads the choices beside it).
 */
export type CheckedAnswer = { choices: StoredAnswers; texts: Readonly<Record<string, string>> };

const FreeText = MultiLine(1, FREE_TEXT_MAX);

/**
 * The answers checked against the version they answer: every question must be in it, a scale answer one
 * of its scale's options or "not applicable", a text answer printable text of at most 1000 characters
 * (blank counts as skipped). Each broken rule names its field (`answers.housing`).
 */
export function checkAnswers(
  q: Questionnaire,
  answers: Readonly<Record<string, string>>,
): Result<CheckedAnswer> {
  const byId = new Map(q.questions.map((question) => [question.id, question]));
  const scales = new Map(q.scales.map((s) => [s.id, new Set(s.options.map((o) => o.id))]));
  const choices: Record<string, string> = {};
  const texts: Record<string, string> = {};
  const fields: FieldError[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const field = `answers.${id}`;
    const question = byId.get(id);
    if (!question) {
      fields.push(...fieldsOf(field, surveyRules.unknownQuestion));
      continue;
    }
    if (isScale(question)) {
      if (value === NOT_APPLICABLE || scales.get(question.scale)?.has(value)) choices[id] = value;
      else fields.push(...fieldsOf(field, surveyRules.unknownOption));
      continue;
    }
    if (value.trim() === '') continue;
    const text = FreeText.safeParse(value);
    if (text.success) texts[id] = text.data;
    else
      fields.push(
        ...fieldsOf(
          field,
          text.error.issues[0]?.message === rules.printable.name
            ? rules.printable
            : surveyRules.freeTextLength,
        ),
      );
  }
  return fields.length ? fail(validationError(fields)) : ok({ choices, texts });
}

const fieldsOf = (field: string, rule: Rule) => fieldError(field, rule).fields ?? [];
