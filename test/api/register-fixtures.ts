import { randomUUID } from 'node:crypto';
import { type Call, call, claimsFor } from './call';

/** A volunteer record's body, as staff would send it. */
export const volunteerBody = (over: Record<string, unknown> = {}) => ({
  name: 'Siri Berg',
  contact: '912 34 567',
  startDate: '2023-02-01',
  arenas: ['shop', 'food_distribution'],
  ...over,
});

export const positionBody = (over: Record<string, unknown> = {}) => ({
  title: 'Miljøterapeut',
  percent: 50,
  startDate: '2023-01-01',
  substitute: false,
  ...over,
});

async function expectOk(answer: Awaited<ReturnType<typeof call>>, what: string) {
  if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A centre's staff member registers a volunteer, and (if given) links it to an account. */
export async function createVolunteer(centre: string, account?: string, over: Record<string, unknown> = {}) {
  const staff = claimsFor('staff', centre);
  const volunteer = await expectOk(
    await call({
      method: 'POST',
      path: `/api/centres/${centre}/volunteers`,
      claims: staff,
      body: volunteerBody(over),
    }),
    'create volunteer',
  );
  if (account)
    await expectOk(
      await call({
        method: 'PUT',
        path: `/api/centres/${centre}/volunteers/${volunteer.id}/account`,
        claims: staff,
        body: { account },
      }),
      'link account',
    );
  return volunteer as { id: string; version: number };
}

/** Hours logged for a volunteer by the centre's staff. */
export async function logHours(centre: string, volunteerId: string, body: Record<string, unknown> = {}) {
  return (await expectOk(
    await call({
      method: 'POST',
      path: `/api/centres/${centre}/volunteers/${volunteerId}/hours`,
      claims: claimsFor('staff', centre),
      body: { date: '2024-03-04', arena: 'shop', hours: 2.5, ...body },
    }),
    'log hours',
  )) as { id: string; date: string; version: number };
}

/** The version a versioned document has now, read by its leader. */
async function versionOf(
  centre: string,
  path: string,
  query: Record<string, string> = {},
  pick: (body: never) => number | undefined = (b) => (b as { version: number }).version,
) {
  const answer = await call({
    method: 'GET',
    path: `/api/centres/${centre}${path}`,
    query,
    claims: claimsFor('leader', centre),
  });
  return pick(answer.body as never) ?? 0;
}

/**
 * A valid request on one of the registers' routes aimed at `centre`, with whatever records it needs
 * made first; a volunteer's record is linked to `subject`, so the volunteer calling is its owner.
 * Undefined for the other routes.
 */
export async function registerRequestFor(
  key: string,
  path: string,
  centre: string,
  subject: string,
): Promise<Omit<Call, 'claims'> | undefined> {
  let filled = path;
  if (filled.includes('{volunteerId}')) {
    const v = await createVolunteer(centre, key.includes('/account') ? undefined : subject);
    filled = filled.replace('{volunteerId}', v.id);
    if (filled.includes('{entryId}')) {
      const entry = await logHours(centre, v.id);
      filled = filled.replace('{date}', entry.date).replace('{entryId}', entry.id);
    }
  }
  const base = '/api/centres/{centreId}';
  switch (key) {
    case `POST ${base}/volunteers`:
      return { method: 'POST', path: filled, body: volunteerBody() };
    case `PUT ${base}/volunteers/{volunteerId}`:
      return { method: 'PUT', path: filled, body: volunteerBody({ endDate: '2024-06-30', version: 1 }) };
    case `PUT ${base}/volunteers/{volunteerId}/account`:
      return { method: 'PUT', path: filled, body: { account: `acct-${randomUUID()}` } };
    case `DELETE ${base}/volunteers/{volunteerId}/account`: {
      const account = `acct-${randomUUID()}`;
      await call({ method: 'PUT', path: filled, claims: claimsFor('staff', centre), body: { account } });
      return { method: 'DELETE', path: filled, query: { account } };
    }
    case `GET ${base}/volunteers/{volunteerId}/hours`:
      return { method: 'GET', path: filled, query: { year: '2024' } };
    case `POST ${base}/volunteers/{volunteerId}/hours`:
      return { method: 'POST', path: filled, body: { date: '2024-03-05', arena: 'shop', hours: 2 } };
    case `PUT ${base}/volunteers/{volunteerId}/hours/{date}/{entryId}`:
      return { method: 'PUT', path: filled, body: { arena: 'food_distribution', hours: 3, version: 1 } };
    case `DELETE ${base}/volunteers/{volunteerId}/hours/{date}/{entryId}`:
      return { method: 'DELETE', path: filled, query: { version: '1' } };
    case `GET ${base}/volunteer-hours`:
      return { method: 'GET', path: filled, query: { month: '2024-03' } };
    case `GET ${base}/me`:
      await createVolunteer(centre, subject);
      return { method: 'GET', path: filled };
    case `PUT ${base}/volunteer-follow-up/{year}`: {
      const v = await createVolunteer(centre);
      const version = await versionOf(centre, '/volunteer-follow-up/2024');
      const talks = [{ volunteerId: v.id, plannedDate: '2024-05-02' }];
      return { method: 'PUT', path: filled, body: { talks, gatherings: [], version } };
    }
    case `POST ${base}/positions`:
      return { method: 'POST', path: filled, body: positionBody() };
    case `PUT ${base}/positions/{positionId}`: {
      const made = await call({
        method: 'POST',
        path: `/api/centres/${centre}/positions`,
        claims: claimsFor('leader', centre),
        body: positionBody(),
      });
      const p = (await expectOk(made, 'create position')) as { id: string };
      return {
        method: 'PUT',
        path: filled.replace('{positionId}', p.id),
        body: positionBody({ endDate: '2024-12-31', version: 1 }),
      };
    }
    case `GET ${base}/shop`:
      return { method: 'GET', path: filled, query: { year: '2024' } };
    case `GET ${base}/shop/report`:
      return { method: 'GET', path: filled, query: { year: '2024', format: 'xlsx' } };
    case `PUT ${base}/shop/{month}`: {
      const version = await versionOf(
        centre,
        '/shop',
        { year: '2024' },
        (b: { months: { month: string; version: number }[] }) =>
          b.months.find((m) => m.month === '2024-03')?.version,
      );
      return {
        method: 'PUT',
        path: filled.replace('{month}', '2024-03'),
        body: { kilograms: 2100, version },
      };
    }
    case `PUT ${base}/economy/{year}`: {
      const version = await versionOf(centre, '/economy/2024');
      return {
        method: 'PUT',
        path: filled,
        body: { amounts: { sales: 1_448_000, gifts: 112_000 }, version },
      };
    }
    default:
      return undefined;
  }
}
