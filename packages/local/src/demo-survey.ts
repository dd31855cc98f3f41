import { demoSurveyAnswers } from './demo/survey';

type Api = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, key?: string) => Promise<unknown>;
type Draft = { version: number; revision: number; questionnaire: unknown };

/**
 * The demo's participant survey, made as its users make it: the head office saves and publishes the
 * starting questionnaire; the experience network has commented on the draft first; Øvre Eiker's leader
 * opens a 2024 round and makes codes; 20 participants answer through the answer route, without a
 * token, one code each; the leader closes the round, and the figures job then counts it.
 */
export async function seedDemoSurvey(
  baseUrl: string,
  as: { headOffice: Api; network: Api; leader: Api },
  count: () => void,
): Promise<void> {
  const questionnaire = '/api/headoffice/survey/questionnaire';
  let { draft } = (await as.headOffice('GET', questionnaire)) as { draft: Draft };
  if (draft.revision === 0)
    draft = (await as.headOffice('PUT', `${questionnaire}/draft`, {
      revision: 0,
      questionnaire: draft.questionnaire,
    })) as Draft;
  await as.network(
    'POST',
    '/api/network/survey/questionnaire/comments',
    {
      version: draft.version,
      question: 'housing',
      text: 'Husk å si tydelig at «ikke aktuelt» er et godt svar: mange av oss har bolig og jobb i orden.',
    },
    'demo-survey-comment',
  );
  const published = (await as.headOffice(
    'POST',
    `${questionnaire}/publish`,
    { version: draft.version, revision: draft.revision, questionnaire: draft.questionnaire },
    'demo-survey-publish',
  )) as { version: number };

  const rounds = '/api/centres/ovre-eiker/survey/rounds';
  const round = (await as.leader(
    'POST',
    rounds,
    { year: 2024, version: published.version },
    'demo-survey-round',
  )) as {
    id: string;
  };
  const answers = demoSurveyAnswers();
  const { codes } = (await as.leader(
    'POST',
    `${rounds}/${round.id}/codes`,
    { count: answers.length },
    'demo-survey-codes',
  )) as { codes: string[] };
  for (const [i, choices] of answers.entries()) {
    count();
    const response = await fetch(`${baseUrl}/api/answer/ovre-eiker/rounds/${round.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: codes[i], version: published.version, answers: choices }),
    });
    if (response.status !== 201) throw new Error(`demo survey: answer ${i} got ${response.status}`);
  }
  await as.leader('POST', `${rounds}/${round.id}/close`, { year: 2024 }, 'demo-survey-close');
}
