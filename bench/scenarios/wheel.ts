import { randomUUID } from 'node:crypto';
import { as, newParticipant, type Scenario, type ScenarioContext } from './scenario';

/** How many earlier conversations the participant's page shows in the bench: its history. */
export const HISTORY = 12;

const scale = { min: 1, max: 10 };

/**
 * Arbeidshjulet (issue 12): the participant's page with the plan and its conversations, the staff's
 * and the participant's plan writes, a step marked done, and the wheel conversation recorded, corrected
 * and deleted; every request as the plan pages send it, against the version they show.
 */
export async function wheelScenarios({ year, base, send }: ScenarioContext): Promise<Scenario[]> {
  const participant = () => newParticipant({ base, send }, `${year}-01-05`);
  const page = (at: string) => send('staff', { method: 'GET', path: `${at}/plan` });
  const planVersion = async (at: string) => ((await page(at)).plan?.version ?? 0) as number;
  const stepId = randomUUID();
  const plan = (version: number) => ({
    version,
    scale,
    positions: { participant: { housing: 3, economy: 5 }, staff: { housing: 4, economy: 5 } },
    goals: [{ id: randomUUID(), domain: 'housing', text: 'Egen leilighet' }],
    steps: [{ id: stepId, domain: 'economy', what: 'Søke om gjeldsrådgivning', who: 'Kari og NAV' }],
    partners: [
      { id: randomUUID(), type: 'nav', organisation: 'NAV', contact: 'Per Veileder', domains: ['economy'] },
    ],
    consent: { economy: `${year}-03-01` },
  });
  const conversation = { attendees: ['Kari', 'Ola (CRUX)'], scale, notes: 'Ny leilighet i sikte.' };
  const positions = { participant: { housing: 4, health: 5 }, staff: { housing: 4 } };
  const record = async (at: string) =>
    (
      await send('staff', {
        method: 'POST',
        path: `${at}/conversations`,
        body: { date: `${year}-03-05`, planVersion: await planVersion(at), positions, ...conversation },
      })
    ).conversation as { id: string; date: string; version: number };

  // The page read: a plan and HISTORY conversations, as a participant followed for a while has.
  const followed = `${base}/participants/${(await participant()).id}`;
  await send('staff', { method: 'PUT', path: `${followed}/plan`, body: plan(0) });
  for (let i = 0; i < HISTORY; i++) await record(followed);
  const shown = await page(followed);
  if (shown.conversations.length !== HISTORY) throw new Error('bench: the plan page lacks its history');

  // The centre lets participants sign in to their own plan, as its leader sets it.
  const settings = await send('leader', { method: 'GET', path: `${base}/settings` });
  await send('leader', {
    method: 'PUT',
    path: `${base}/settings`,
    body: { todayKinds: settings.todayKinds, version: settings.version, participantSignIn: true },
  });
  const own = await participant();
  const at = `${base}/participants/${own.id}`;
  await send('staff', { method: 'PUT', path: `${at}/plan`, body: plan(0) });
  const self = { role: 'participant', participant: own.id } as const;
  const corrected = await record(at);
  let correctedVersion = corrected.version;
  return [
    as('staff', async () => ({ method: 'GET', path: `${followed}/plan` })),
    as('staff', async () => ({ method: 'PUT', path: `${at}/plan`, body: plan(await planVersion(at)) })),
    {
      caller: self,
      next: async () => ({
        method: 'PUT',
        path: `${at}/plan/own`,
        body: {
          version: await planVersion(at),
          scale,
          positions: { housing: 2, health: 6 },
          goals: [{ id: randomUUID(), domain: 'health', text: 'Sove bedre' }],
        },
      }),
    },
    {
      caller: self,
      next: async () => ({
        method: 'PUT',
        path: `${at}/plan/steps/${stepId}`,
        body: { version: await planVersion(at), done: `${year}-03-05` },
      }),
    },
    as('staff', async () => ({
      method: 'POST',
      path: `${at}/conversations`,
      body: { date: `${year}-03-06`, planVersion: await planVersion(at), positions, ...conversation },
    })),
    as('staff', async () => ({
      method: 'PUT',
      path: `${at}/conversations/${corrected.date}/${corrected.id}`,
      body: { ...conversation, positions, version: correctedVersion++, notes: 'Rettet.' },
    })),
    as('staff', async () => {
      const made = await record(at);
      return {
        method: 'DELETE',
        path: `${at}/conversations/${made.date}/${made.id}`,
        query: { version: String(made.version) },
      };
    }),
  ];
}
