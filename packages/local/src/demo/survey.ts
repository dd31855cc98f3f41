import { NOT_APPLICABLE } from '@crux/domain/survey/questionnaire';

/**
 * Øvre Eiker's 2024 participant survey as its report tells it: of 20 who answered, 95 % cope better
 * with everyday life, 80 % feel less lonely, 90 % have meaningful activities and 85 % decided to a very
 * great extent how they use the centre; many answered "not applicable" on housing, work, education and
 * economy, whose part of life was in order. Each question: how many answered positively, and how many
 * "not applicable"; the rest answered with a non-positive option. The offsets spread who is positive
 * where, so no one answer is the "all negative" one.
 */
export const DEMO_RESPONDENTS = 20;

type Plan = { positive: number; notApplicable: number; yes: string[]; no: string[] };
const extent = (positive: number, notApplicable = 0): Plan => ({
  positive,
  notApplicable,
  yes: ['very_great', 'great'],
  no: ['some', 'small'],
});
const helped = (positive: number, notApplicable = 0): Plan => ({
  positive,
  notApplicable,
  yes: ['yes_much', 'yes_some'],
  no: ['no'],
});

export const demoSurveyPlan: Record<string, Plan> = {
  welcome: extent(19),
  // "To a very great extent" is the one positive answer of this question.
  decide_use: { positive: 17, notApplicable: 0, yes: ['very_great'], no: ['great', 'some'] },
  safe: extent(19),
  cooperation: extent(18),
  seen_at_work: extent(12, 6),
  everyday: helped(19),
  less_lonely: helped(16),
  activities: helped(18),
  housing: helped(5, 12),
  work: helped(4, 10),
  education: helped(2, 14),
  employers: helped(3, 11),
  economy: helped(6, 9),
};

/** The 20 answers, as the participants gave them (questions left out are skipped). */
export function demoSurveyAnswers(): Record<string, string>[] {
  const plans = Object.entries(demoSurveyPlan);
  return Array.from({ length: DEMO_RESPONDENTS }, (_, i) =>
    Object.fromEntries(
      plans.map(([question, plan], q) => {
        const slot = (i + 3 * q) % DEMO_RESPONDENTS;
        if (slot < plan.notApplicable) return [question, NOT_APPLICABLE];
        const pick = (options: string[]) => options[i % options.length] as string;
        return [question, slot < plan.notApplicable + plan.positive ? pick(plan.yes) : pick(plan.no)];
      }),
    ),
  );
}
