import { randomUUID } from 'node:crypto';
import { as, newParticipant, type Scenario, type ScenarioContext } from './scenario';

const email = (who: string) => `${who}.${randomUUID().slice(0, 8)}@eksempel.no`;

/**
 * Accounts (issue 11): the leader lists, invites, deactivates and reactivates the centre's accounts, and
 * the admin onboards a centre with its first leader; staff give a participant an account to their own
 * plan (issue 12), a new participant each time, as each gets one account. These reach the user pool (Cognito in AWS, the local
 * provider's pool here), counted apart from the table's requests; the table keeps their requests'
 * idempotency records.
 */
export async function accountScenarios({ base, send }: ScenarioContext): Promise<Scenario[]> {
  const accounts = `${base}/accounts`;
  const settings = await send('leader', { method: 'GET', path: `${base}/settings` });
  if (settings.participantSignIn !== true)
    await send('leader', {
      method: 'PUT',
      path: `${base}/settings`,
      body: { todayKinds: settings.todayKinds, version: settings.version, participantSignIn: true },
    });
  const invite = async () =>
    (await send('leader', {
      method: 'POST',
      path: accounts,
      body: { email: email('ansatt'), name: 'Kari Ansatt', role: 'staff' },
    })) as { id: string };
  for (let i = 0; i < 5; i++) await invite();
  const kept = await invite();
  // A participant with an account, whose page asks for it.
  const withAccount = await newParticipant({ base, send }, '2024-02-01');
  await send('staff', {
    method: 'POST',
    path: `${base}/participants/${withAccount.id}/account`,
    body: { email: email('deltaker') },
  });
  const pool =
    'the user pool (Cognito’s admin API in AWS), and the request’s idempotency record claimed and completed';
  return [
    as(
      'leader',
      async () => ({ method: 'GET', path: accounts }),
      'the user pool only (Cognito’s admin API in AWS)',
    ),
    as(
      'leader',
      async () => ({
        method: 'POST',
        path: accounts,
        body: { email: email('ny'), name: 'Nils Ny', role: 'volunteer' },
      }),
      pool,
    ),
    as('leader', async () => ({ method: 'POST', path: `${accounts}/${kept.id}/deactivate`, body: {} }), pool),
    as('leader', async () => ({ method: 'POST', path: `${accounts}/${kept.id}/reactivate`, body: {} }), pool),
    as(
      'staff',
      async () => {
        const { id } = await newParticipant({ base, send }, '2024-02-01');
        return {
          method: 'POST',
          path: `${base}/participants/${id}/account`,
          body: { email: email('deltaker') },
        };
      },
      'the participant and the centre’s settings read at once through the tenant role, the centre’s accounts listed and the account made in the user pool, the idempotency record claimed and completed, and the access-log entry',
    ),
    as(
      'staff',
      async () => ({ method: 'GET', path: `${base}/participants/${withAccount.id}/account` }),
      'the user pool only (the centre’s accounts, Cognito’s admin API in AWS), beside the access-log entry that names the participant',
    ),
    as(
      'admin',
      async () => {
        const id = `b-${randomUUID().slice(0, 8)}`;
        return {
          method: 'POST',
          path: '/api/admin/onboardings',
          body: {
            centre: { id, name: 'CRUX Nordby', town: 'Nordby' },
            leader: { email: email('leder'), name: 'Lene Leder' },
          },
        };
      },
      'the centre registered and its first leader made in the user pool, under one idempotency record',
    ),
  ];
}
