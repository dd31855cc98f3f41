import type { Scenario, ScenarioContext } from './scenario';

/** Participants, activities and the centre's figures: the staff's daily routes. */
export async function centreScenarios({ year, base, send }: ScenarioContext): Promise<Scenario[]> {
  const participant = (i: number) => ({
    displayName: `Deltaker ${i}`,
    birthYear: 1980,
    startDate: `${year}-01-15`,
    referralSource: 'nav',
  });
  const create = () => send('staff', { method: 'POST', path: `${base}/participants`, body: participant(0) });
  for (let i = 0; i < 30; i++) await create();
  for (let i = 0; i < 40; i++) {
    await send('staff', {
      method: 'POST',
      path: `${base}/activities`,
      body: {
        date: `${year}-02-${String((i % 28) + 1).padStart(2, '0')}`,
        entries: [{ kind: 'visit', count: 2 }],
      },
    });
  }
  const editable = await create();
  let version = editable.version as number;
  const staff = { caller: { role: 'staff' } } as const;
  return [
    { ...staff, next: async () => ({ method: 'GET', path: `${base}/participants`, query: { limit: '25' } }) },
    { ...staff, next: async () => ({ method: 'POST', path: `${base}/participants`, body: participant(1) }) },
    { ...staff, next: async () => ({ method: 'GET', path: `${base}/participants/${editable.id}` }) },
    {
      ...staff,
      next: async () => ({
        method: 'PUT',
        path: `${base}/participants/${editable.id}`,
        body: { ...participant(2), version: version++ },
      }),
    },
    {
      ...staff,
      next: async () => {
        const fresh = await create();
        return {
          method: 'POST',
          path: `${base}/participants/${fresh.id}/end`,
          body: { endDate: `${year}-06-30`, outcome: 'treatment', version: 1 },
        };
      },
    },
    {
      ...staff,
      next: async () => ({
        method: 'GET',
        path: `${base}/activities`,
        query: { from: `${year}-02-01`, to: `${year}-02-29` },
      }),
    },
    {
      ...staff,
      next: async () => ({
        method: 'POST',
        path: `${base}/activities`,
        body: {
          date: `${year}-03-01`,
          entries: [
            { kind: 'visit', count: 3 },
            { kind: 'contact_point', count: 1 },
          ],
        },
      }),
    },
    { ...staff, next: async () => ({ method: 'GET', path: `${base}/figures/${year}` }) },
    { ...staff, next: async () => ({ method: 'GET', path: `${base}/figures/${year}/months` }) },
  ];
}
