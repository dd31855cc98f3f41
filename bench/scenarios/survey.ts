import { isScale, type Questionnaire } from '@crux/domain/survey/questionnaire';
import { MAX_CODES } from '@crux/domain/survey/requests';
import type { Step } from './scenario';
import { as, type Scenario, type ScenarioContext } from './scenario';

const questionnairePath = '/api/headoffice/survey/questionnaire';

/** A round that has been answered, closed and counted by the figures job: what its results page reads. */
export type CountedRound = { id: string; respondents: number };

/**
 * Deltakerundersøkelsen (issue 14): the head office's questionnaire and the network's comments on it,
 * the leader's rounds and codes, the participant's answer without a token, and a round's results as the
 * figures job wrote them. `countRound` runs the figures job, as the schedule does after a round closes.
 */
export async function surveyScenarios(
  { year, base, send }: ScenarioContext,
  countRound: () => Promise<void>,
): Promise<{ scenarios: Scenario[]; counted: CountedRound }> {
  const state = async () => (await send('headoffice', { method: 'GET', path: questionnairePath })).draft;
  const saveDraft = async (): Promise<Step> => {
    const draft = await state();
    return {
      method: 'PUT',
      path: `${questionnairePath}/draft`,
      body: { revision: draft.revision, questionnaire: draft.questionnaire },
    };
  };
  const publish = async (): Promise<Step> => {
    let draft = await state();
    if (draft.revision === 0) {
      await send('headoffice', await saveDraft());
      draft = await state();
    }
    const { version, revision, questionnaire } = draft;
    return {
      method: 'POST',
      path: `${questionnairePath}/publish`,
      body: { version, revision, questionnaire },
    };
  };
  const newest = async () =>
    (await send('staff', { method: 'GET', path: '/api/catalogue/survey' })).published.at(-1) as {
      version: number;
      questionnaire: Questionnaire;
    };
  await send('headoffice', await publish());
  const published = await newest();
  const rounds = `${base}/survey/rounds`;
  const open = async () => {
    const listed = await send('leader', { method: 'GET', path: rounds });
    for (const r of listed.rounds.filter((x: { status: string }) => x.status === 'open'))
      await send('leader', { method: 'POST', path: `${rounds}/${r.id}/close`, body: { year } });
    const body = { year, version: (await newest()).version };
    return (await send('leader', { method: 'POST', path: rounds, body })) as { id: string };
  };
  const codes = async (round: string, count: number) =>
    (await send('leader', { method: 'POST', path: `${rounds}/${round}/codes`, body: { count } }))
      .codes as string[];
  // Every scale question answered with its scale's first option, as a participant taps through.
  const scales = new Map(published.questionnaire.scales.map((s) => [s.id, s.options[0]?.id ?? '']));
  const answers = Object.fromEntries(
    published.questionnaire.questions.filter(isScale).map((q) => [q.id, scales.get(q.scale) ?? '']),
  );
  const answer = (round: string, code: string): Step => ({
    method: 'POST',
    path: `/api/answer/${base.split('/').at(-1)}/rounds/${round}`,
    body: { code, version: published.version, answers },
    idempotencyKey: null,
  });

  // A round answered by 6 participants, closed and counted: its results are the job's figures.
  const counted = await open();
  const respondents = 6;
  for (const code of await codes(counted.id, respondents)) await send(undefined, answer(counted.id, code));
  await send('leader', { method: 'POST', path: `${rounds}/${counted.id}/close`, body: { year } });
  await countRound();

  // The round the participants answer now, with a code for every call of the answer's bench.
  const current = await open();
  const unused: string[] = [];
  const code = async () => {
    if (unused.length === 0) unused.push(...(await codes(current.id, MAX_CODES)));
    return unused.pop() as string;
  };
  const network = { role: 'network' } as const;
  const scenarios: Scenario[] = [
    as('staff', async () => ({ method: 'GET', path: '/api/catalogue/survey' })),
    as('headoffice', async () => ({ method: 'GET', path: questionnairePath })),
    as('headoffice', saveDraft),
    { caller: network, next: async () => ({ method: 'GET', path: '/api/network/survey/questionnaire' }) },
    {
      caller: network,
      next: async () => ({
        method: 'POST',
        path: '/api/network/survey/questionnaire/comments',
        body: { version: (await state()).version, text: 'Spør om hvor trygg man føler seg.' },
      }),
    },
    as('headoffice', publish),
    as('staff', async () => ({ method: 'GET', path: rounds })),
    as('leader', async () => ({
      method: 'POST',
      path: `${rounds}/${current.id}/codes`,
      body: { count: 20 },
    })),
    { next: async () => ({ method: 'GET', path: `/api/answer/${base.split('/').at(-1)}` }) },
    { next: async () => answer(current.id, await code()) },
    as('staff', async () => ({ method: 'GET', path: `${rounds}/${counted.id}/results` })),
    as('staff', async () => ({ method: 'GET', path: `${rounds}/${counted.id}/texts` })),
    // Last, as they end the round the participants answer: each opens a round, or closes one.
    as('leader', async () => {
      await open();
      const listed = await send('leader', { method: 'GET', path: rounds });
      const now = listed.rounds.find((x: { status: string }) => x.status === 'open');
      return { method: 'POST', path: `${rounds}/${now.id}/close`, body: { year } };
    }),
    as('leader', async () => {
      const listed = await send('leader', { method: 'GET', path: rounds });
      for (const r of listed.rounds.filter((x: { status: string }) => x.status === 'open'))
        await send('leader', { method: 'POST', path: `${rounds}/${r.id}/close`, body: { year } });
      return { method: 'POST', path: rounds, body: { year, version: (await newest()).version } };
    }),
  ];
  return { scenarios, counted: { id: counted.id, respondents } };
}
