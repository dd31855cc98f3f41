import { call, claimsFor } from './call';

export const participantBody = (over: Record<string, unknown> = {}) => ({
  displayName: 'Kari Nordmann',
  birthYear: 1985,
  gender: 'woman',
  startDate: '2024-02-01',
  referralSource: 'nav',
  ...over,
});

/** One save of *I dag* with visits only: `date` for the day, the rest for its one entry. */
export const visitBody = ({ date = '2024-03-05', ...entry }: Record<string, unknown> = {}) => ({
  date,
  entries: [{ kind: 'visit', count: 3, ...entry }],
});

/** A centre's staff member creates a participant through the API, as a user would. */
export async function createParticipant(centre: string, over: Record<string, unknown> = {}) {
  const answer = await call({
    method: 'POST',
    path: `/api/centres/${centre}/participants`,
    claims: claimsFor('staff', centre),
    body: participantBody(over),
  });
  if (answer.status !== 201) throw new Error(`create failed: ${JSON.stringify(answer)}`);
  return answer.body as { id: string; version: number };
}
