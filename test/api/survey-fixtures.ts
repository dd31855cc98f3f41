import { startingQuestionnaire } from '@crux/domain/survey/starting';
import { call, claimsFor } from './call';

/**
 * The survey's fixtures, made through the API as its users would. The questionnaire is foundation data,
 * shared by every test file of the run: the first to need a published version publishes the starting
 * draft, and a file that finds one published uses the newest.
 */
const headOffice = () => claimsFor('headoffice');
const questionnairePath = '/api/headoffice/survey/questionnaire';

export type Published = { version: number; questionnaire: typeof startingQuestionnaire };

/** The head office saves the draft at the revision it read: the answer, 200 or 409. */
export async function saveDraft(questionnaire = startingQuestionnaire) {
  const state = await call({ method: 'GET', path: questionnairePath, claims: headOffice() });
  return call({
    method: 'PUT',
    path: `${questionnairePath}/draft`,
    claims: headOffice(),
    body: { revision: state.body.draft.revision, questionnaire },
  });
}

/** The head office publishes the draft exactly as it read it (saving it first if never saved). */
export async function publishDraft() {
  let { body } = await call({ method: 'GET', path: questionnairePath, claims: headOffice() });
  if (body.draft.revision === 0) {
    await saveDraft(body.draft.questionnaire);
    ({ body } = await call({ method: 'GET', path: questionnairePath, claims: headOffice() }));
  }
  const { version, revision, questionnaire } = body.draft;
  return call({
    method: 'POST',
    path: `${questionnairePath}/publish`,
    claims: headOffice(),
    body: { version, revision, questionnaire },
  });
}

/** The newest published version, publishing one if there is none yet (retried if another file races). */
export async function ensurePublished(): Promise<Published> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { body } = await call({ method: 'GET', path: '/api/catalogue/survey', claims: headOffice() });
    const newest = body.published.at(-1);
    if (newest) return newest;
    await publishDraft();
  }
  throw new Error('no questionnaire could be published');
}

export const roundsPath = (centre: string) => `/api/centres/${centre}/survey/rounds`;
const leader = (centre: string) => claimsFor('leader', centre);

/** Closes the centre's open round, if it has one. */
export async function closeOpenRounds(centre: string) {
  const listed = await call({ method: 'GET', path: roundsPath(centre), claims: leader(centre) });
  for (const r of listed.body.rounds.filter((x: { status: string }) => x.status === 'open'))
    await closeRound(centre, r.id, r.year);
}

/** The leader's round for `year`, freshly opened (closing the centre's open one first, if any). */
export async function openRound(centre: string, year = 2024): Promise<{ id: string; version: number }> {
  const { version } = await ensurePublished();
  await closeOpenRounds(centre);
  const opened = await call({
    method: 'POST',
    path: roundsPath(centre),
    claims: leader(centre),
    body: { year, version },
  });
  if (opened.status !== 201) throw new Error(`open round: ${JSON.stringify(opened.body)}`);
  return opened.body;
}

export async function closeRound(centre: string, round: string, year = 2024) {
  const closed = await call({
    method: 'POST',
    path: `${roundsPath(centre)}/${round}/close`,
    claims: leader(centre),
    body: { year },
  });
  if (closed.status !== 200) throw new Error(`close round: ${JSON.stringify(closed.body)}`);
  return closed.body;
}

/** `count` codes for the round, as the leader prints them. */
export async function makeCodes(centre: string, round: string, count: number): Promise<string[]> {
  const made = await call({
    method: 'POST',
    path: `${roundsPath(centre)}/${round}/codes`,
    claims: leader(centre),
    body: { count },
  });
  if (made.status !== 201) throw new Error(`codes: ${JSON.stringify(made.body)}`);
  return made.body.codes;
}

export const answerPath = (centre: string, round: string) => `/api/answer/${centre}/rounds/${round}`;

/** A participant's answer, without a token, as the answer page sends it. */
export const answer = (centre: string, round: string, body: unknown) =>
  call({ method: 'POST', path: answerPath(centre, round), claims: undefined, body, idempotencyKey: null });
