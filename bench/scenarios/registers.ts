import { randomUUID } from 'node:crypto';
import { as, type Scenario, type ScenarioContext } from './scenario';

/** The subject the bench's volunteer signs in as (bench/api.ts signs `bench-<role>`). */
export const VOLUNTEER_SUBJECT = 'bench-volunteer';

/**
 * The centre's own registers (issue 9): volunteers and their hours, logged by the volunteer on their
 * own page as well as by staff; the well-being talks and gatherings; staff positions; the shop's kilos
 * and the waste company's report; the economy. Every request as the register pages send it.
 */
export async function registerScenarios({ year, base, send }: ScenarioContext): Promise<Scenario[]> {
  const volunteerBody = {
    name: 'Siri Berg',
    contact: '912 34 567',
    startDate: `${year - 1}-02-01`,
    arenas: ['shop', 'food_distribution'],
  };
  const newVolunteer = async () =>
    (await send('staff', { method: 'POST', path: `${base}/volunteers`, body: volunteerBody })) as {
      id: string;
      version: number;
    };
  const link = (id: string, account: string) =>
    send('staff', { method: 'PUT', path: `${base}/volunteers/${id}/account`, body: { account } });
  const version = async (path: string, query?: Record<string, string>) =>
    ((await send('leader', { method: 'GET', path, ...(query ? { query } : {}) })).version ?? 0) as number;

  // The volunteer who signs in, with a year of hours; another, whose record staff keep up to date.
  const own = await newVolunteer();
  await link(own.id, VOLUNTEER_SUBJECT);
  const hoursAt = `${base}/volunteers/${own.id}/hours`;
  const logged = async (date: string) =>
    (await send(
      { role: 'volunteer' },
      { method: 'POST', path: hoursAt, body: { date, arena: 'shop', hours: 2 } },
    )) as {
      id: string;
      date: string;
      version: number;
    };
  for (let m = 1; m <= 12; m++) await logged(`${year}-${String(m).padStart(2, '0')}-04`);
  const kept = await newVolunteer();
  let keptVersion = kept.version;
  const corrected = await logged(`${year}-03-11`);
  let correctedVersion = corrected.version;
  const followUp = `${base}/volunteer-follow-up/${year}`;
  const position = {
    title: 'Miljøterapeut',
    percent: 50,
    startDate: `${year - 1}-01-01`,
    substitute: false,
  };
  const made = await send('leader', { method: 'POST', path: `${base}/positions`, body: position });
  let positionVersion = made.version as number;
  const shopMonth = `${year}-03`;
  const volunteer = { role: 'volunteer' } as const;
  return [
    as('staff', async () => ({ method: 'GET', path: `${base}/volunteers` })),
    as('staff', async () => ({ method: 'POST', path: `${base}/volunteers`, body: volunteerBody })),
    as('staff', async () => ({
      method: 'PUT',
      path: `${base}/volunteers/${kept.id}`,
      body: { ...volunteerBody, version: keptVersion++ },
    })),
    as('staff', async () => ({
      method: 'PUT',
      path: `${base}/volunteers/${(await newVolunteer()).id}/account`,
      body: { account: `acct-${randomUUID()}` },
    })),
    as('staff', async () => {
      const v = await newVolunteer();
      const account = `acct-${randomUUID()}`;
      await link(v.id, account);
      return { method: 'DELETE', path: `${base}/volunteers/${v.id}/account`, query: { account } };
    }),
    {
      caller: volunteer,
      next: async () => ({ method: 'GET', path: hoursAt, query: { year: String(year) } }),
    },
    // Issue 9: the volunteer logs today's hours on their phone.
    {
      caller: volunteer,
      next: async () => ({
        method: 'POST',
        path: hoursAt,
        body: { date: `${year}-05-06`, arena: 'shop', hours: 2 },
      }),
    },
    {
      caller: volunteer,
      next: async () => ({
        method: 'PUT',
        path: `${hoursAt}/${corrected.date}/${corrected.id}`,
        body: { arena: 'food_distribution', hours: 3, version: correctedVersion++ },
      }),
    },
    {
      caller: volunteer,
      next: async () => {
        const entry = await logged(`${year}-06-07`);
        return {
          method: 'DELETE',
          path: `${hoursAt}/${entry.date}/${entry.id}`,
          query: { version: String(entry.version) },
        };
      },
    },
    as('staff', async () => ({
      method: 'GET',
      path: `${base}/volunteer-hours`,
      query: { month: `${year}-03` },
    })),
    { caller: volunteer, next: async () => ({ method: 'GET', path: `${base}/me` }) },
    as('staff', async () => ({ method: 'GET', path: followUp })),
    as('staff', async () => ({
      method: 'PUT',
      path: followUp,
      body: {
        talks: [{ volunteerId: own.id, plannedDate: `${year}-05-02` }],
        gatherings: [],
        version: await version(followUp),
      },
    })),
    as('leader', async () => ({ method: 'GET', path: `${base}/positions` })),
    as('leader', async () => ({ method: 'POST', path: `${base}/positions`, body: position })),
    as('leader', async () => ({
      method: 'PUT',
      path: `${base}/positions/${made.id}`,
      body: { ...position, version: positionVersion++ },
    })),
    as('staff', async () => ({ method: 'GET', path: `${base}/shop`, query: { year: String(year) } })),
    as('staff', async () => ({
      method: 'GET',
      path: `${base}/shop/report`,
      query: { year: String(year), format: 'xlsx' },
    })),
    as('staff', async () => {
      const { months } = await send('staff', {
        method: 'GET',
        path: `${base}/shop`,
        query: { year: String(year) },
      });
      const shown = (months as { month: string; version: number }[]).find((m) => m.month === shopMonth);
      return {
        method: 'PUT',
        path: `${base}/shop/${shopMonth}`,
        body: { kilograms: 2100, version: shown?.version ?? 0 },
      };
    }),
    as('leader', async () => ({ method: 'GET', path: `${base}/economy/${year}` })),
    as('leader', async () => ({
      method: 'PUT',
      path: `${base}/economy/${year}`,
      body: {
        amounts: { sales: 1_448_000, gifts: 112_000 },
        version: await version(`${base}/economy/${year}`),
      },
    })),
  ];
}
