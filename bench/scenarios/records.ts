import type { Scenario, ScenarioContext } from './scenario';

/**
 * The participant's measures, orders and hours, corrections of entries, the centre's settings and the
 * leader's import: every request valid, as the web client sends it.
 */
export async function recordScenarios({ year, base, send }: ScenarioContext): Promise<Scenario[]> {
  const participant = await send('staff', {
    method: 'POST',
    path: `${base}/participants`,
    body: { displayName: 'Deltaker M', birthYear: 1979, startDate: `${year}-01-10`, referralSource: 'nav' },
  });
  const at = `${base}/participants/${participant.id}`;
  const span = { startDate: `${year}-02-01`, endDate: `${year}-06-30` };
  const measure = await send('staff', {
    method: 'POST',
    path: `${at}/measures`,
    body: { type: 'vto', ...span },
  });
  const order = await send('staff', {
    method: 'POST',
    path: `${at}/orders`,
    body: { type: 'community_sentence', ...span },
  });
  let measureVersion = measure.version as number;
  let orderVersion = order.version as number;
  let day = 0;
  /** A fresh entry to correct or delete, on a day of its own. */
  const anEntry = async () => {
    const date = `${year}-04-${String((day++ % 28) + 1).padStart(2, '0')}`;
    const made = await send('staff', {
      method: 'POST',
      path: `${base}/activities`,
      body: { date, entries: [{ kind: 'visit', count: 1 }] },
    });
    return made.items[0] as { id: string; date: string; version: number };
  };
  const hoursAt = `${at}/orders/${order.id}/hours`;
  const hoursDate = `${year}-03-05`;
  const staff = { caller: { role: 'staff' } } as const;
  const leader = { caller: { role: 'leader' } } as const;
  return [
    {
      ...staff,
      next: async () => ({ method: 'POST', path: `${at}/measures`, body: { type: 'mentor', ...span } }),
    },
    {
      ...staff,
      next: async () => ({
        method: 'PUT',
        path: `${at}/measures/${measure.id}`,
        body: { type: 'vto', ...span, version: measureVersion++ },
      }),
    },
    {
      ...staff,
      next: async () => ({ method: 'POST', path: `${at}/orders`, body: { type: 'fine_serving', ...span } }),
    },
    {
      ...staff,
      next: async () => ({
        method: 'PUT',
        path: `${at}/orders/${order.id}`,
        body: { type: 'community_sentence', ...span, version: orderVersion++ },
      }),
    },
    { ...staff, next: async () => ({ method: 'POST', path: hoursAt, body: { date: hoursDate, hours: 2 } }) },
    {
      ...staff,
      next: async () => {
        const hours = await send('staff', {
          method: 'POST',
          path: hoursAt,
          body: { date: hoursDate, hours: 1 },
        });
        return { method: 'DELETE', path: `${hoursAt}/${hoursDate}/${hours.id}` };
      },
    },
    {
      ...staff,
      next: async () => ({
        method: 'GET',
        path: `${base}/hours`,
        query: { from: `${year}-01-01`, to: `${year}-12-31` },
      }),
    },
    {
      ...staff,
      next: async () => {
        const entry = await anEntry();
        return {
          method: 'PUT',
          path: `${base}/activities/${entry.date}/${entry.id}`,
          body: { kind: 'visit', count: 2, version: entry.version },
        };
      },
    },
    {
      ...staff,
      next: async () => {
        const entry = await anEntry();
        return {
          method: 'DELETE',
          path: `${base}/activities/${entry.date}/${entry.id}`,
          query: { version: String(entry.version) },
        };
      },
    },
    { ...staff, next: async () => ({ method: 'GET', path: `${base}/settings` }) },
    {
      ...leader,
      // Against the version shown; participants keep their sign-in (the wheel's bench needs it).
      next: async () => ({
        method: 'PUT',
        path: `${base}/settings`,
        body: {
          todayKinds: ['visit', 'contact_point'],
          participantSignIn: true,
          version: (await send('leader', { method: 'GET', path: `${base}/settings` })).version,
        },
      }),
    },
    {
      ...leader,
      next: async () => ({
        method: 'POST',
        path: `${base}/imports`,
        body: {
          records: [
            { type: 'entry', date: `${year}-05-02`, kind: 'visit', count: 1 },
            { type: 'entry', date: `${year}-05-03`, kind: 'food_bag', count: 2 },
          ],
        },
      }),
    },
  ].map((s) => s as Scenario);
}
