import type { Figures } from '../figure-set';
import type { FigureSet } from '../figures/define';
import type { FigureDefinition, FigureGroup, TableLine } from '../figures/definition';
import type { FigureId } from '../figures/relations';
import type { Text } from '../text';
import type { StoredAnswers } from './answer';
import type { PublishedQuestionnaire, ScaleQuestion } from './questionnaire';
import { askedOrder, isScale } from './reading';
import { countAnswers, MIN_ANSWERS, type QuestionCounts } from './results';

/**
 * The survey in the figure engine: the year's figures of a centre's closed rounds, summed, so the head
 * office's totals are sums over centres like every other figure and the network's view is protected
 * with the rest. Ids: `survey.respondents`; per scale question `survey.<q>.positive`, `.answered` (not
 * "not applicable"), `.not_applicable` and `.replied` (the two together), and the shares shown,
 * `survey.<q>.share` (positive of answered) and `survey.<q>.not_applicable.share` (of replied), each
 * hidden over fewer than 5 people. A question keeps its id from version to version, so do its figures.
 */
export const SURVEY_SECTION = 'survey';
export const surveySection = {
  id: SURVEY_SECTION,
  name: { nb: 'Deltakerundersøkelsen', en: 'Participant survey' },
  order: 110,
};

export const respondentsId: FigureId = 'survey.respondents';
const counts = ['positive', 'answered', 'not_applicable', 'replied'] as const;
export type SurveyCount = (typeof counts)[number];
export const surveyCountId = (question: string, count: SurveyCount): FigureId =>
  `survey.${question}.${count}`;
export const surveyShareId = (question: string): FigureId => `survey.${question}.share`;
export const notApplicableShareId = (question: string): FigureId => `survey.${question}.not_applicable.share`;
export const surveyLineId = (question: string) => `survey.${question}`;

/**
 * Every scale question any published version has asked, each as its newest version words it, in the
 * newest version's order; questions it no longer asks follow, so their past figures keep their lines.
 */
export function surveyQuestions(published: readonly PublishedQuestionnaire[]): ScaleQuestion[] {
  const newestFirst = [...published].sort((a, b) => b.version - a.version);
  const out = new Map<string, ScaleQuestion>();
  for (const p of newestFirst)
    for (const q of askedOrder(p.questionnaire)) if (isScale(q) && !out.has(q.id)) out.set(q.id, q);
  return [...out.values()];
}

const capitalised = (t: Text): Text => ({
  nb: t.nb.charAt(0).toLocaleUpperCase('nb') + t.nb.slice(1),
  en: t.en.charAt(0).toLocaleUpperCase('en') + t.en.slice(1),
});

/** Counted for the whole year from its closed rounds, never by month: a month has no share of a round. */
const yearly = { section: SURVEY_SECTION, aggregation: 'distinct' } as const;
const count = { kind: 'count' } as const;

function questionFigures(q: ScaleQuestion, order: number): FigureGroup {
  const id = (c: SurveyCount) => surveyCountId(q.id, c);
  const label = capitalised(q.statement);
  const base = (
    c: SurveyCount,
    suffix: Text,
    relations: FigureDefinition['relations'] = [],
  ): FigureDefinition => ({
    id: id(c),
    ...yearly,
    order,
    label: { nb: `${label.nb}: ${suffix.nb}`, en: `${label.en}: ${suffix.en}` },
    valueType: 'count',
    disclosure: count,
    relations,
    rule: { from: 'rounds', question: q.id, count: c },
  });
  const figures: FigureDefinition[] = [
    base('positive', { nb: 'positive svar', en: 'positive answers' }, [
      { kind: 'atMost', smaller: id('positive'), larger: id('answered') },
    ]),
    base('answered', { nb: 'antall svar', en: 'answers' }),
    base('not_applicable', { nb: 'ikke aktuelt', en: 'not applicable' }),
    base('replied', { nb: 'svar medregnet ikke aktuelt', en: 'answers including not applicable' }, [
      { kind: 'partsOf', whole: id('replied'), parts: [id('answered'), id('not_applicable')] },
      { kind: 'atMost', smaller: id('replied'), larger: respondentsId },
    ]),
    {
      id: surveyShareId(q.id),
      ...yearly,
      order,
      label,
      valueType: 'percent',
      disclosure: { kind: 'ratio', base: id('answered') },
      relations: [
        {
          kind: 'rounded',
          value: surveyShareId(q.id),
          numerator: id('positive'),
          denominator: id('answered'),
          scale: 100,
        },
      ],
      rule: {
        from: 'figures',
        derive: 'share',
        part: id('positive'),
        whole: id('answered'),
        minWhole: MIN_ANSWERS,
      },
    },
    {
      id: notApplicableShareId(q.id),
      ...yearly,
      order,
      label: { nb: `${label.nb}: ikke aktuelt`, en: `${label.en}: not applicable` },
      valueType: 'percent',
      disclosure: { kind: 'ratio', base: id('replied') },
      relations: [
        {
          kind: 'rounded',
          value: notApplicableShareId(q.id),
          numerator: id('not_applicable'),
          denominator: id('replied'),
          scale: 100,
        },
      ],
      rule: {
        from: 'figures',
        derive: 'share',
        part: id('not_applicable'),
        whole: id('replied'),
        minWhole: MIN_ANSWERS,
      },
    },
  ];
  const line: TableLine = {
    id: surveyLineId(q.id),
    ...yearly,
    order,
    label,
    figures: [surveyShareId(q.id), id('answered'), notApplicableShareId(q.id)],
    retired: false,
  };
  return { figures, lines: [line] };
}

/** The survey's figures and lines, for the questions the published versions ask (none before the first). */
export function surveyFigures(published: readonly PublishedQuestionnaire[]): FigureGroup {
  const questions = surveyQuestions(published);
  if (questions.length === 0) return { figures: [], lines: [] };
  const respondents: FigureDefinition = {
    id: respondentsId,
    ...yearly,
    order: 0,
    label: { nb: 'Antall som svarte', en: 'Respondents' },
    valueType: 'persons',
    disclosure: count,
    relations: [],
    rule: { from: 'rounds', count: 'respondents' },
  };
  const groups = questions.map((q, i) => questionFigures(q, 10 * (i + 1)));
  return {
    figures: [respondents, ...groups.flatMap((g) => g.figures)],
    lines: [
      {
        id: respondentsId,
        ...yearly,
        order: 0,
        label: respondents.label,
        figures: [respondentsId],
        retired: false,
      },
      ...groups.flatMap((g) => g.lines),
    ],
  };
}

/** A closed round as the figures count it: the version it asked, and its answers. */
export type CountedRound = {
  questionnaire: PublishedQuestionnaire['questionnaire'];
  answers: readonly StoredAnswers[];
};

/**
 * A centre's survey figures for a year: every survey figure of the set, the sums over its closed rounds
 * of the year (zeros included). A round with fewer than 5 answers counts in none of them: its results are shown to nobody, so they are in no figure either.
 */
export function countSurveyYear(set: FigureSet, rounds: readonly CountedRound[]): Figures {
  const out: Record<FigureId, number> = {};
  for (const f of set.figures) if (f.rule.from === 'rounds') out[f.id] = 0;
  const add = (id: FigureId, n: number) => {
    out[id] = (out[id] ?? 0) + n;
  };
  for (const round of rounds) {
    if (round.answers.length < MIN_ANSWERS) continue;
    const counted = countAnswers(round.questionnaire, round.answers);
    add(respondentsId, counted.respondents);
    for (const [q, c] of counted.questions) addQuestion(add, q, c);
  }
  return out;
}

function addQuestion(add: (id: FigureId, n: number) => void, q: string, c: QuestionCounts) {
  add(surveyCountId(q, 'positive'), c.positive);
  add(surveyCountId(q, 'answered'), c.answered);
  add(surveyCountId(q, 'not_applicable'), c.notApplicable);
  add(surveyCountId(q, 'replied'), c.answered + c.notApplicable);
}

/**
 * The survey figures a centre's own items may hold: a share hidden over fewer than 5 people is not to be
 * worked out from the counts either, so a question answered by fewer than 5 keeps no positive count,
 * and one replied to by fewer than 5 keeps only that number. The head office's items keep them all
 * (its foundation totals are sums); the network's are protected by the disclosure control.
 */
export function centreSurveyView(set: FigureSet, figures: Figures): Figures {
  const out: Record<FigureId, number> = { ...figures };
  for (const f of set.figures) {
    if (f.rule.from !== 'rounds' || f.rule.count !== 'replied' || !f.rule.question) continue;
    const q = f.rule.question;
    if ((figures[surveyCountId(q, 'answered')] ?? 0) < MIN_ANSWERS) delete out[surveyCountId(q, 'positive')];
    if ((figures[f.id] ?? 0) < MIN_ANSWERS) {
      delete out[surveyCountId(q, 'answered')];
      delete out[surveyCountId(q, 'not_applicable')];
    }
  }
  return out;
}
