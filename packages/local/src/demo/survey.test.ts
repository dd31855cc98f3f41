import { countAnswers, roundResults } from '@crux/domain/survey/results';
import { startingQuestionnaire } from '@crux/domain/survey/starting';
import { describe, expect, it } from 'vitest';
import { DEMO_RESPONDENTS, demoSurveyAnswers } from './survey';

describe("Øvre Eiker's 2024 survey in the demo", () => {
  const results = roundResults(
    startingQuestionnaire,
    countAnswers(startingQuestionnaire, demoSurveyAnswers()),
  );
  const share = (q: string) => results.questions.find((r) => r.question === q);

  it("reproduces the report's 95 / 80 / 90 / 85 %", () => {
    expect(results.respondents).toBe(DEMO_RESPONDENTS);
    expect(share('everyday')?.share).toBe(95);
    expect(share('less_lonely')?.share).toBe(80);
    expect(share('activities')?.share).toBe(90);
    expect(share('decide_use')?.share).toBe(85);
  });

  it('has "not applicable" on housing, work, education and economy, apart from the base', () => {
    expect(share('housing')).toEqual({ question: 'housing', share: 63, answered: 8, notApplicableShare: 60 });
    expect(share('work')?.notApplicableShare).toBe(50);
    expect(share('education')?.notApplicableShare).toBe(70);
    expect(share('economy')?.notApplicableShare).toBe(45);
  });

  it('gives each participant a whole answer, and no two the same pattern of "not applicable"', () => {
    const answers = demoSurveyAnswers();
    for (const a of answers) expect(Object.keys(a).length).toBe(13);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(DEMO_RESPONDENTS);
  });
});
