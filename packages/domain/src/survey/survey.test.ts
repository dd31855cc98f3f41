import { describe, expect, it } from 'vitest';
import { startingCatalogue } from '../catalogue/starting';
import { defineFigures } from '../figures/define';
import { figureValue } from '../figures/display';
import { checkAnswers } from './answer';
import { AnswerCode, CODE_ALPHABET, codeFromBytes, normaliseCode, printedCode } from './code';
import { centreSurveyView, countSurveyYear, surveyShareId } from './figures';
import { questionnaireProblems } from './questionnaire';
import { countAnswers, roundResults, sharePercent } from './results';
import { startingQuestionnaire as q } from './starting';

const published = [{ version: 1, publishedAt: '2024-01-01T00:00:00Z', questionnaire: q }];

describe('one-time codes', () => {
  it('are 10 symbols of the alphabet, each byte giving one', () => {
    const code = codeFromBytes(Uint8Array.from({ length: 10 }, (_, i) => i * 37));
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{10}$`));
    expect(printedCode('7KQM3XPART')).toBe('7KQM3-XPART');
  });

  it('read as typed: any case, dashes and spaces, O for 0 and I or L for 1', () => {
    expect(normaliseCode('7kqm3-xpart')).toBe('7KQM3XPART');
    expect(normaliseCode('o1l1i 2345')).toBe('011112345');
    expect(AnswerCode.safeParse('7kqm3 xpart').data).toBe('7KQM3XPART');
    expect(AnswerCode.safeParse('7KQM3XPAR').success).toBe(false);
    expect(AnswerCode.safeParse('7KQM3XPAR!').success).toBe(false);
  });
});

describe('an answer checked against its questionnaire', () => {
  it('keeps choices and free text apart, and skips what was left blank', () => {
    const checked = checkAnswers(q, { welcome: 'great', housing: 'not_applicable', anything_else: '  ' });
    expect(checked).toEqual({
      ok: true,
      value: { choices: { welcome: 'great', housing: 'not_applicable' }, texts: {} },
    });
  });

  it('names each broken rule by its field', () => {
    const checked = checkAnswers(q, {
      nowhere: 'great',
      welcome: 'yes_much',
      anything_else: 'x'.repeat(1001),
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error.fields?.map((f) => `${f.field}:${f.rule}`).sort()).toEqual([
      'answers.anything_else:free_text_length',
      'answers.nowhere:unknown_question',
      'answers.welcome:unknown_option',
    ]);
  });
});

describe('the questionnaire', () => {
  it('the starting one keeps every rule', () => {
    expect(questionnaireProblems(q)).toEqual([]);
  });

  it('may not name an option "not applicable", nor count every option as positive', () => {
    const broken = structuredClone(q);
    (broken.scales[1] as { options: { id: string }[] }).options[0] = {
      id: 'not_applicable',
      label: { nb: 'x', en: 'x' },
    } as never;
    const welcome = broken.questions[0] as { positive: string[] };
    welcome.positive = ['very_small', 'small', 'some', 'great', 'very_great'];
    expect(
      questionnaireProblems(broken)
        .map((p) => p.rule.name)
        .sort(),
    ).toEqual(['all_positive', 'reserved_option']);
  });
});

describe('results, counted by hand', () => {
  /** welcome: 3 positive of 5 answered, 2 not applicable of 7; housing: 1 answered, 4 N/A; one skipped. */
  const answers: Record<string, string>[] = [
    { welcome: 'very_great', housing: 'not_applicable' },
    { welcome: 'great', housing: 'not_applicable' },
    { welcome: 'great', housing: 'not_applicable' },
    { welcome: 'small', housing: 'not_applicable' },
    { welcome: 'some', housing: 'yes_much' },
    { welcome: 'not_applicable' },
    { welcome: 'not_applicable' },
  ];

  it('count "not applicable" apart from the base of the share', () => {
    const counts = countAnswers(q, answers);
    expect(counts.questions.get('welcome')).toEqual({ positive: 3, answered: 5, notApplicable: 2 });
    expect(counts.questions.get('housing')).toEqual({ positive: 1, answered: 1, notApplicable: 4 });
    const results = roundResults(q, counts);
    const byId = new Map(results.questions.map((r) => [r.question, r]));
    expect(byId.get('welcome')).toEqual({
      question: 'welcome',
      share: 60,
      answered: 5,
      notApplicableShare: 29,
    });
    expect(byId.get('housing')).toEqual({
      question: 'housing',
      share: null,
      answered: 1,
      notApplicableShare: 80,
    });
  });

  it('show nothing of a round with fewer than 5 answers', () => {
    expect(roundResults(q, countAnswers(q, answers.slice(0, 4)))).toEqual({
      respondents: 4,
      shown: false,
      questions: [],
    });
  });

  it('round half up', () => {
    expect(sharePercent(1, 8)).toBe(13);
    expect(sharePercent(2, 3)).toBe(67);
  });

  it('are the year figures the engine shows, a share hidden over fewer than 5, and a small round counted in none', () => {
    const set = defineFigures(startingCatalogue, published);
    const figures = countSurveyYear(set, [
      { questionnaire: q, answers },
      { questionnaire: q, answers: answers.slice(0, 3) },
    ]);
    expect(figures['survey.respondents']).toBe(7);
    expect(figureValue(set, surveyShareId('welcome'), figures)).toBe(60);
    expect(figureValue(set, surveyShareId('housing'), figures)).toBeNull();
    // The centre's own items keep no count a hidden share could be worked out from.
    const view = centreSurveyView(set, figures);
    expect(view['survey.housing.positive']).toBeUndefined();
    expect(view['survey.welcome.positive']).toBe(3);
  });
});
