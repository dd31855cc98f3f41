import type { StoredAnswers } from './answer';
import type { Questionnaire, ScaleQuestion } from './questionnaire';
import { askedOrder, countedAs, isScale } from './reading';

/**
 * The survey's results, counted as DOMAIN.md says: for each question, the share of positive answers
 * among the answers that are not "not applicable", in whole percent, with the number of answers beside
 * it, and the share who answered "not applicable". Pure: the figures job counts a closed round's answers
 * with these, and every reader shows what they give.
 *
 * The one rule against small numbers: nothing is shown over fewer than 5 people. A round with fewer
 * than 5 answers shows no results at all (and counts in no figure); a share over fewer than 5 answers
 * is not shown, and neither is anything it could be worked out from.
 */
export const MIN_ANSWERS = 5;

/** Half up, as the reports round: 12.5 % is 13 %. */
export const sharePercent = (part: number, whole: number) => Math.floor((100 * part) / whole + 0.5);

/** A share over `whole` people, or null when it is over fewer than 5 (or over nobody). */
export const shownShare = (part: number, whole: number): number | null =>
  whole < MIN_ANSWERS ? null : sharePercent(part, whole);

export type QuestionCounts = {
  /** Agreeing with the statement. */
  positive: number;
  /** Answered with an option of the scale (not "not applicable"): the base of the share. */
  answered: number;
  notApplicable: number;
};

export type RoundCounts = { respondents: number; questions: Map<string, QuestionCounts> };

/** Every scale question's counts over a round's answers; a skipped question counts nowhere. */
export function countAnswers(q: Questionnaire, answers: readonly StoredAnswers[]): RoundCounts {
  const questions = new Map<string, QuestionCounts>();
  const scaleQuestions = q.questions.filter(isScale);
  for (const question of scaleQuestions)
    questions.set(question.id, { positive: 0, answered: 0, notApplicable: 0 });
  for (const answer of answers) {
    for (const question of scaleQuestions) {
      const counts = questions.get(question.id) as QuestionCounts;
      const counted = countedAs(question, answer[question.id]);
      if (counted === 'not_applicable') counts.notApplicable++;
      else if (counted !== undefined) {
        counts.answered++;
        if (counted === 'positive') counts.positive++;
      }
    }
  }
  return { respondents: answers.length, questions };
}

/** What a reader of a question's results sees; null where the rule against small numbers hides it. */
export type QuestionResult = {
  question: string;
  /** Positive among those answered, whole percent. */
  share: number | null;
  answered: number | null;
  /** "Not applicable" among those who answered the question at all, whole percent. */
  notApplicableShare: number | null;
};

export type RoundResults = {
  respondents: number;
  /** False when fewer than 5 answered: then `questions` is empty. */
  shown: boolean;
  questions: QuestionResult[];
};

/**
 * A question's counts as they may be shown: the share over 5 answers or more, and the "not applicable"
 * share and the number of answers only where at least 5 answered the question at all (otherwise the
 * number of answers and the N/A share together would give away the few who answered).
 */
export function questionResult(question: string, c: QuestionCounts): QuestionResult {
  const replied = c.answered + c.notApplicable;
  const enough = replied >= MIN_ANSWERS;
  return {
    question,
    share: enough ? shownShare(c.positive, c.answered) : null,
    answered: enough ? c.answered : null,
    notApplicableShare: enough ? sharePercent(c.notApplicable, replied) : null,
  };
}

/** A closed round's results, in the order the questions were asked; nothing when fewer than 5 answered. */
export function roundResults(q: Questionnaire, counts: RoundCounts): RoundResults {
  if (counts.respondents < MIN_ANSWERS)
    return { respondents: counts.respondents, shown: false, questions: [] };
  const questions = askedOrder(q)
    .filter((question): question is ScaleQuestion => isScale(question))
    .map((question) =>
      questionResult(
        question.id,
        counts.questions.get(question.id) ?? { positive: 0, answered: 0, notApplicable: 0 },
      ),
    );
  return { respondents: counts.respondents, shown: true, questions };
}

/** GET /api/centres/{centre}/survey/rounds/{round}/results: a closed round's results, as the job wrote them. */
export type SurveyRoundResults = {
  round: string;
  year: number;
  version: number;
  results: RoundResults;
  computedAt: string | null;
};
