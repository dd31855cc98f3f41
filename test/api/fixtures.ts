import { randomUUID } from 'node:crypto';
import type { Role } from '@crux/domain/roles';
import { type Answer, call, claimsFor } from './call';
import { centrePartition } from './snapshot';

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

export const participantPath = (centre: string, id: string) => `/api/centres/${centre}/participants/${id}`;

/** A record a test works on, made through the API by someone of the centre, as a user would: its body. */
export async function made(centre: string, path: string, body: unknown, role: Role = 'staff') {
  const answer = await call({ method: 'POST', path, claims: claimsFor(role, centre), body });
  if (answer.status !== 201) throw new Error(`${path}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Ends a participation still at its first version through the API, as staff would. */
export async function endParticipation(centre: string, id: string, endDate: string, outcome = 'other') {
  const answer = await call({
    method: 'POST',
    path: `${participantPath(centre, id)}/end`,
    claims: claimsFor('staff', centre),
    body: { endDate, outcome, version: 1 },
  });
  if (answer.status !== 200) throw new Error(`end failed: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The centre's dirty month markers as the figures job finds them: month → seq. */
export async function dirtyMonths(centre: string): Promise<Record<string, number>> {
  const items = await centrePartition(centre);
  return Object.fromEntries(
    items.filter((i) => String(i.SK).startsWith('DIRTY#')).map((i) => [String(i.month), Number(i.seq)]),
  );
}

/** Two requests sent at once, the way two people save the same screen: the answers, the success first. */
export async function race(a: () => Promise<Answer>, b: () => Promise<Answer>): Promise<[Answer, Answer]> {
  const answers = await Promise.all([a(), b()]);
  return answers.sort((x, y) => x.status - y.status) as [Answer, Answer];
}

/** A kind the admin could add to the catalogue, with a name of its own. */
export const catalogueKind = (id: string) => ({
  id,
  name: { nb: `Prøvetype ${id}`, en: `Test kind ${id}` },
  section: 'centre_activity',
  order: 999,
  status: 'active',
  counts: 'sum',
  participant: 'may',
});

/** The admin's change adding a kind (a fresh id unless named), made on the catalogue as it is now. */
export async function catalogueChange(id = `k_${randomUUID().replaceAll('-', '').slice(0, 12)}`) {
  const { body } = await call({ method: 'GET', path: '/api/catalogue', claims: claimsFor('admin') });
  const { version } = body.catalogue;
  return {
    base: body.catalogue,
    change: { op: 'add', list: 'activityKinds', version, entry: catalogueKind(id) },
  };
}

const scale = { min: 1, max: 10 };

/** A plan as staff write it: positions both ways, a goal, a step for NAV, NAV as partner, one consent. */
export const planBody = (over: Record<string, unknown> = {}) => ({
  version: 0,
  scale,
  positions: { participant: { housing: 3, economy: 5 }, staff: { housing: 4, economy: 5 } },
  goals: [{ id: randomUUID(), domain: 'housing', text: 'Egen leilighet' }],
  steps: [{ id: randomUUID(), domain: 'economy', what: 'Søke om gjeldsrådgivning', who: 'Kari og NAV' }],
  partners: [
    {
      id: randomUUID(),
      type: 'nav',
      organisation: 'NAV Øvre Eiker',
      contact: 'Per Veileder',
      domains: ['economy'],
    },
  ],
  consent: { economy: '2024-03-01' },
  ...over,
});

/** What the participant writes themselves before a conversation. */
export const ownPlanBody = (over: Record<string, unknown> = {}) => ({
  version: 0,
  scale,
  positions: { housing: 2, health: 6 },
  goals: [{ id: randomUUID(), domain: 'health', text: 'Sove bedre' }],
  ...over,
});

/** A wheel conversation on a day of the 2024-02-01 participation, against the plan's version shown. */
export const conversationBody = (over: Record<string, unknown> = {}) => ({
  date: '2024-03-05',
  planVersion: 0,
  attendees: ['Kari', 'Ola (CRUX)'],
  scale,
  positions: { participant: { housing: 4, health: 5 }, staff: { housing: 4 } },
  notes: 'Ny leilighet i sikte.',
  ...over,
});

/** The claims of a participant signed in to their own plan. */
export const participantClaims = (centre: string, participantId: string) =>
  claimsFor('participant', centre, { participant: participantId });

/** The centre's leader turns participant sign-in on (the setting participants' own writes need). */
export async function openParticipantSignIn(centre: string): Promise<void> {
  const path = `/api/centres/${centre}/settings`;
  const leader = claimsFor('leader', centre);
  const now = await call({ method: 'GET', path, claims: leader });
  if (now.body.participantSignIn === true) return;
  const { todayKinds, version } = now.body;
  const set = await call({
    method: 'PUT',
    path,
    claims: leader,
    body: { todayKinds, version, participantSignIn: true },
  });
  if (set.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(set.body)}`);
}
