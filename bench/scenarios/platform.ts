import { randomUUID } from 'node:crypto';
import type { Scenario, ScenarioContext } from './scenario';

/** The admin's centres and catalogue, the catalogue every user reads, the head office and the network. */
export async function platformScenarios({ year, send }: ScenarioContext): Promise<Scenario[]> {
  const admin = { caller: { role: 'admin' } } as const;
  return [
    { ...admin, next: async () => ({ method: 'GET', path: '/api/admin/centres' }) },
    {
      ...admin,
      next: async () => ({
        method: 'POST',
        path: '/api/admin/centres',
        body: { id: `b-${randomUUID().slice(0, 8)}`, name: 'CRUX Bench', town: 'Benchby' },
      }),
    },
    {
      ...admin,
      // Each change is made on the catalogue as it is then, as the admin page does.
      next: async () => {
        const { catalogue } = await send('admin', { method: 'GET', path: '/api/catalogue' });
        const id = `k_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
        const entry = {
          id,
          name: { nb: `Benkart ${id}`, en: `Bench kind ${id}` },
          section: 'centre_activity',
          order: 999,
          status: 'active',
          counts: 'sum',
          participant: 'may',
        };
        return {
          method: 'POST',
          path: '/api/admin/catalogue/changes',
          body: {
            base: catalogue,
            change: { op: 'add', list: 'activityKinds', version: catalogue.version, entry },
          },
        };
      },
    },
    { ...admin, next: async () => ({ method: 'GET', path: '/api/admin/catalogue/history' }) },
    { caller: { role: 'staff' }, next: async () => ({ method: 'GET', path: '/api/catalogue' }) },
    {
      caller: { role: 'headoffice' },
      next: async () => ({ method: 'GET', path: `/api/headoffice/figures/${year}` }),
    },
    {
      caller: { role: 'headoffice' },
      next: async () => ({ method: 'GET', path: `/api/headoffice/figures/${year}/months` }),
    },
    {
      caller: { role: 'network' },
      next: async () => ({ method: 'GET', path: `/api/network/figures/${year}` }),
    },
  ];
}
