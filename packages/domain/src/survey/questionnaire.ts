import * as z from 'zod/mini';
import { Slug } from '../catalogue/ids';
import * as catalogueRules from '../catalogue/rules';
import * as rules from '../rules';
import { SingleLine } from '../text-input';
import { type Rule, raise } from '../validation';
import { NOT_APPLICABLE } from './reading';
import * as surveyRules from './rules';

/**
 * The participant survey's questionnaire: foundation data, drafted by the head office, commented on by
 * the experience network, then published as a numbered version that never changes (a new version
 * replaces it). Question ids are slugs that stay the same from version to version, so a question's
 * figures of two years can stand side by side; its texts may be reworded.
 *
 * A scale question is answered with one of its scale's options or "not applicable" (`not_applicable`,
 * offered with every scale question), or left unanswered. `positive` names the options that count as
 * agreeing with its `statement`, the sentence the results report ("håndterer hverdagen bedre"). A text
 * question takes free text, which only the centre reads, and only after its round has closed.
 */
export { askedOrder, isScale, NOT_APPLICABLE } from './reading';

const Text = (max: number) => z.strictObject({ nb: SingleLine(1, max), en: SingleLine(1, max) });
const Order = z.int().check(z.gte(0), z.lte(10_000));

export const SurveySection = z.strictObject({ id: Slug, title: Text(160), order: Order });
export type SurveySection = z.infer<typeof SurveySection>;

export const SurveyScale = z.strictObject({
  id: Slug,
  options: z.array(z.strictObject({ id: Slug, label: Text(80) })).check(z.minLength(2), z.maxLength(7)),
});
export type SurveyScale = z.infer<typeof SurveyScale>;

const questionBase = { id: Slug, section: Slug, order: Order, text: Text(300) };

export const ScaleQuestion = z.strictObject({
  ...questionBase,
  kind: z.literal('scale'),
  scale: Slug,
  positive: z.array(Slug).check(z.minLength(1), z.maxLength(6)),
  statement: Text(200),
});
export const TextQuestion = z.strictObject({ ...questionBase, kind: z.literal('text') });
export const SurveyQuestion = z.discriminatedUnion('kind', [ScaleQuestion, TextQuestion]);
export type ScaleQuestion = z.infer<typeof ScaleQuestion>;
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

export const QuestionnaireShape = z.strictObject({
  title: Text(120),
  /** Said before the first question: what the survey is for, that it is anonymous, that N/A is fine. */
  intro: Text(600),
  sections: z.array(SurveySection).check(z.minLength(1), z.maxLength(10)),
  scales: z.array(SurveyScale).check(z.minLength(1), z.maxLength(5)),
  questions: z.array(SurveyQuestion).check(z.minLength(1), z.maxLength(60)),
});
export type Questionnaire = z.infer<typeof QuestionnaireShape>;

/** A broken rule across the questionnaire, at a path into it, with its text (rules.ts). */
export type QuestionnaireProblem = { path: (string | number)[]; rule: Rule };

function duplicates(ids: readonly string[], at: (i: number) => (string | number)[]): QuestionnaireProblem[] {
  const seen = new Set<string>();
  return ids.flatMap((id, i) => {
    const twice = seen.has(id);
    seen.add(id);
    return twice ? [{ path: at(i), rule: rules.duplicateId }] : [];
  });
}

/**
 * What no questionnaire may be: two sections, scales, options of a scale or questions with one id; a
 * question in a section or on a scale that does not exist; an option named `not_applicable` (every
 * scale question offers it already); a positive answer that is not an option of the question's scale,
 * or a scale question on which every option is positive (its share would say nothing).
 */
export function questionnaireProblems(q: Questionnaire): QuestionnaireProblem[] {
  const problems = [
    ...duplicates(
      q.sections.map((s) => s.id),
      (i) => ['sections', i, 'id'],
    ),
    ...duplicates(
      q.scales.map((s) => s.id),
      (i) => ['scales', i, 'id'],
    ),
    ...duplicates(
      q.questions.map((s) => s.id),
      (i) => ['questions', i, 'id'],
    ),
  ];
  q.scales.forEach((scale, s) => {
    problems.push(
      ...duplicates(
        scale.options.map((o) => o.id),
        (i) => ['scales', s, 'options', i, 'id'],
      ),
    );
    scale.options.forEach((o, i) => {
      if (o.id === NOT_APPLICABLE)
        problems.push({ path: ['scales', s, 'options', i, 'id'], rule: surveyRules.reservedOption });
    });
  });
  const sections = new Set(q.sections.map((s) => s.id));
  const scales = new Map(q.scales.map((s) => [s.id, new Set(s.options.map((o) => o.id))]));
  q.questions.forEach((question, i) => {
    if (!sections.has(question.section))
      problems.push({ path: ['questions', i, 'section'], rule: catalogueRules.unknownSection });
    if (question.kind !== 'scale') return;
    const options = scales.get(question.scale);
    if (!options) {
      problems.push({ path: ['questions', i, 'scale'], rule: surveyRules.unknownScale });
      return;
    }
    question.positive.forEach((p, j) => {
      if (!options.has(p))
        problems.push({ path: ['questions', i, 'positive', j], rule: surveyRules.unknownOption });
    });
    if (new Set(question.positive).size >= options.size)
      problems.push({ path: ['questions', i, 'positive'], rule: surveyRules.allPositive });
  });
  return problems;
}

/** A questionnaire as saved and published: its shape, and the rules across its parts. */
export const QuestionnaireDoc = QuestionnaireShape.check(
  z.superRefine((q, ctx) => {
    for (const p of questionnaireProblems(q))
      ctx.addIssue({ code: 'custom', ...raise(p.rule), path: p.path, input: q });
  }),
);

/** A published version, as stored and served: never changed after it is written. */
export type PublishedQuestionnaire = {
  version: number;
  publishedAt: string;
  questionnaire: Questionnaire;
};
