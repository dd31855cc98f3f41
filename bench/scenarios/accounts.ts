import { randomUUID } from 'node:crypto';
import { as, type Scenario, type ScenarioContext } from './scenario';

const email = (who: string) => `${who}.${randomUUID().slice(0, 8)}@eksempel.no`;

/**
 * Accounts (issue 11): the leader lists, invites, deactivates and reactivates the centre's accounts, and
 * the admin onboards a centre with its first leader. These reach the user pool (Cognito in AWS, the local
 * provider's pool here), counted apart from the table's requests; the table keeps their requests'
 * idempotency records.
 */
export async function accountScenarios({ base, send }: ScenarioContext): Promise<Scenario[]> {
  const accounts = `${base}/accounts`;
  const invite = async () =>
    (await send('leader', {
      method: 'POST',
      path: accounts,
      body: { email: email('ansatt'), name: 'Kari Ansatt', role: 'staff' },
    })) as { id: string };
  for (let i = 0; i < 5; i++) await invite();
  const kept = await invite();
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
