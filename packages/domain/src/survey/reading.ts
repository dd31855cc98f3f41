import type { Questionnaire, ScaleQuestion, SurveyQuestion } from './questionnaire';

/**
 * How a questionnaire is read: the order its questions are asked in and how an answer counts. Apart
 * from the schemas (questionnaire.ts, answer.ts) so the figures, which read questionnaires but never
 * check one, load no validation library in the browser.
 */

/** Offered with every scale question; see questionnaire.ts. */
export const NOT_APPLICABLE = 'not_applicable';

/** The questions in the order they are asked: by section, then by their order in it, ties by id. */
export function askedOrder(q: Questionnaire): SurveyQuestion[] {
  const rank = new Map(
    [...q.sections].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)).map((s, i) => [s.id, i]),
  );
  return [...q.questions].sort(
    (a, b) =>
      (rank.get(a.section) ?? 0) - (rank.get(b.section) ?? 0) ||
      a.order - b.order ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export const isScale = (q: SurveyQuestion): q is ScaleQuestion => q.kind === 'scale';

/** How an answer to a scale question counts: agreeing with its statement, not agreeing, or not applicable. */
export type Counted = 'positive' | 'other' | 'not_applicable';

export function countedAs(question: SurveyQuestion, value: string | undefined): Counted | undefined {
  if (value === undefined || !isScale(question)) return undefined;
  if (value === NOT_APPLICABLE) return 'not_applicable';
  return question.positive.includes(value) ? 'positive' : 'other';
}
