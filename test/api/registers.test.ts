import { randomUUID } from 'node:crypto';
import { todayInOslo } from '@crux/domain/period';
import { describe, expect, it } from 'vitest';
import { uniqueCentreId } from '../setup/dynamo';
import { type Call, call, claimsFor } from './call';
import { createParticipant } from './fixtures';
import { createVolunteer, logHours, positionBody } from './register-fixtures';
import { centrePartition } from './snapshot';

/**
 * What the registers' routes do beyond who may call them (isolation.test.ts) and malformed bodies
 * (malformed.test.ts): a volunteer's own hours and nothing else, staff logging for volunteers without an
 * account, the rules a well-formed request can still break, and the waste company's report.
 */
const at = (centre: string) => `/api/centres/${centre}`;

/** A centre with a volunteer signed in as `account`, linked to their record. */
async function volunteerCentre() {
  const centre = uniqueCentreId('reg');
  const account = `volunteer-${randomUUID()}`;
  const own = await createVolunteer(centre, account, { startDate: '2024-01-01' });
  const claims = claimsFor('volunteer', centre, { sub: account });
  return { centre, account, own, claims };
}

describe("a volunteer's own page", () => {
  it('finds their own record, logs hours on it and corrects them, and sees the sums', async () => {
    const { centre, own, claims } = await volunteerCentre();
    const me = await call({ method: 'GET', path: `${at(centre)}/me`, claims });
    expect(me).toMatchObject({ status: 200, body: { volunteerId: own.id } });

    const hours = `${at(centre)}/volunteers/${own.id}/hours`;
    const today = todayInOslo();
    const logged = await call({
      method: 'POST',
      path: hours,
      claims,
      body: { date: today, arena: 'shop', hours: 2 },
    });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    const fixed = await call({
      method: 'PUT',
      path: `${hours}/${today}/${logged.body.id}`,
      claims,
      body: { arena: 'shop', hours: 2.5, version: 1 },
    });
    expect(fixed).toMatchObject({ status: 200, body: { hours: 2.5, version: 2 } });

    const month = await call({ method: 'GET', path: hours, claims, query: { month: today.slice(0, 7) } });
    expect(month.status).toBe(200);
    expect(month.body.total).toBe(2.5);
    expect(month.body.entries).toHaveLength(1);
    // What a volunteer sees of their record: no contact, no account.
    expect(month.body.volunteer).not.toHaveProperty('contact');
    expect(JSON.stringify(month.body)).not.toContain('account');
    const year = await call({ method: 'GET', path: hours, claims, query: { year: today.slice(0, 4) } });
    expect(year.body.months).toHaveLength(12);
    expect(year.body.total).toBe(2.5);
  });

  it("reaches no other volunteer's hours: not found, as if the record did not exist", async () => {
    const { centre, claims } = await volunteerCentre();
    const other = await createVolunteer(centre, undefined, { startDate: '2024-01-01' });
    const entry = await logHours(centre, other.id);
    const hours = `${at(centre)}/volunteers/${other.id}/hours`;
    const before = await centrePartition(centre);
    const tries: Omit<Call, 'claims'>[] = [
      { method: 'GET', path: hours, query: { year: '2024' } },
      { method: 'POST', path: hours, body: { date: '2024-03-06', arena: 'shop', hours: 1 } },
      {
        method: 'PUT',
        path: `${hours}/${entry.date}/${entry.id}`,
        body: { arena: 'shop', hours: 9, version: 1 },
      },
      { method: 'DELETE', path: `${hours}/${entry.date}/${entry.id}`, query: { version: '1' } },
    ];
    for (const t of tries) {
      const refused = await call({ ...t, claims });
      expect(refused.status, `${t.method} ${t.path}`).toBe(404);
      expect(JSON.stringify(refused.body)).not.toContain('Siri');
      // The same request by staff is good.
      if (t.method === 'GET')
        expect((await call({ ...t, claims: claimsFor('staff', centre) })).status).toBe(200);
    }
    expect(await centrePartition(centre)).toEqual(before);
  });

  it('reaches no participant, no list, no figure, no leader page', async () => {
    const { centre, claims } = await volunteerCentre();
    const participant = await createParticipant(centre);
    for (const path of [
      `/participants`,
      `/participants/${participant.id}`,
      `/volunteers`,
      `/volunteer-hours?month=2024-03`,
      `/figures/2024`,
      `/positions`,
      `/economy/2024`,
      `/shop?year=2024`,
      `/settings`,
    ]) {
      const [p, q] = path.split('?');
      const query = q ? Object.fromEntries(new URLSearchParams(q)) : undefined;
      const answer = await call({
        method: 'GET',
        path: `${at(centre)}${p}`,
        claims,
        ...(query ? { query } : {}),
      });
      expect(answer.status, path).toBe(403);
      expect(JSON.stringify(answer.body)).not.toContain('Kari');
    }
  });

  it('a volunteer without a linked record has no page: /me is not found', async () => {
    const centre = uniqueCentreId('reg');
    const answer = await call({
      method: 'GET',
      path: `${at(centre)}/me`,
      claims: claimsFor('volunteer', centre),
    });
    expect(answer.status).toBe(404);
  });
});

describe('staff log hours for volunteers who have no account', () => {
  it('logs, lists the month, and a retried log counts once', async () => {
    const centre = uniqueCentreId('reg');
    const v = await createVolunteer(centre, undefined, { startDate: '2024-01-01' });
    const staff = claimsFor('staff', centre);
    const key = randomUUID();
    const body = { date: '2024-03-04', arena: 'maintenance', hours: 3 };
    const path = `${at(centre)}/volunteers/${v.id}/hours`;
    const first = await call({ method: 'POST', path, claims: staff, body, idempotencyKey: key });
    const again = await call({ method: 'POST', path, claims: staff, body, idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: first.body });
    const month = await call({
      method: 'GET',
      path: `${at(centre)}/volunteer-hours`,
      claims: staff,
      query: { month: '2024-03' },
    });
    expect(month.status).toBe(200);
    expect(JSON.stringify(month.body.items)).toContain(v.id);
    const year = await call({ method: 'GET', path, claims: staff, query: { year: '2024' } });
    expect(year.body.total).toBe(3);
  });

  it('refuses hours outside the time the volunteer is with the centre, and an arena not in the catalogue', async () => {
    const centre = uniqueCentreId('reg');
    const v = await createVolunteer(centre, undefined, { startDate: '2024-02-01', endDate: '2024-06-30' });
    const path = `${at(centre)}/volunteers/${v.id}/hours`;
    const staff = claimsFor('staff', centre);
    const before = await centrePartition(centre);
    const early = await call({
      method: 'POST',
      path,
      claims: staff,
      body: { date: '2024-01-15', arena: 'shop', hours: 1 },
    });
    expect(early.status).toBe(400);
    expect(early.body.error.fields).toContainEqual(
      expect.objectContaining({ field: 'date', rule: 'outside_volunteering' }),
    );
    const arena = await call({
      method: 'POST',
      path,
      claims: staff,
      body: { date: '2024-03-01', arena: 'nowhere', hours: 1 },
    });
    expect(arena.status).toBe(400);
    expect(arena.body.error.fields[0].field).toBe('arena');
    expect(await centrePartition(centre)).toEqual(before);
  });

  it('a malformed or unknown volunteer id is not found; a malformed month names the field', async () => {
    const centre = uniqueCentreId('reg');
    const staff = claimsFor('staff', centre);
    for (const id of ['not-a-uuid', randomUUID()]) {
      const answer = await call({
        method: 'POST',
        path: `${at(centre)}/volunteers/${id}/hours`,
        claims: staff,
        body: { date: '2024-03-01', arena: 'shop', hours: 1 },
      });
      expect(answer.status, id).toBe(404);
    }
    const month = await call({
      method: 'PUT',
      path: `${at(centre)}/shop/2024-13`,
      claims: staff,
      body: { kilograms: 1, version: 0 },
    });
    expect(month.status).toBe(400);
    expect(month.body.error.fields[0]).toMatchObject({ field: 'month', rule: 'month' });
    const both = await call({
      method: 'GET',
      path: `${at(centre)}/volunteer-hours`,
      claims: staff,
      query: { month: '24-03' },
    });
    expect(both.status).toBe(400);
    expect(both.body.error.fields[0].field).toBe('month');
  });
});

describe('staff positions and the economy (the leader)', () => {
  it('a 50 % position; a correction against an old version is a conflict', async () => {
    const centre = uniqueCentreId('reg');
    const leader = claimsFor('leader', centre);
    const made = await call({
      method: 'POST',
      path: `${at(centre)}/positions`,
      claims: leader,
      body: positionBody({ percent: 50 }),
    });
    expect(made).toMatchObject({ status: 201, body: { percent: 50, version: 1 } });
    const path = `${at(centre)}/positions/${made.body.id}`;
    const ended = await call({
      method: 'PUT',
      path,
      claims: leader,
      body: positionBody({ endDate: '2024-12-31', version: 1 }),
    });
    expect(ended.status).toBe(200);
    const stale = await call({
      method: 'PUT',
      path,
      claims: leader,
      body: positionBody({ percent: 80, version: 1 }),
    });
    expect(stale.status).toBe(409);
    const list = await call({ method: 'GET', path: `${at(centre)}/positions`, claims: leader });
    expect(list.body.items).toEqual([expect.objectContaining({ endDate: '2024-12-31', percent: 50 })]);
    const bad = await call({
      method: 'POST',
      path: `${at(centre)}/positions`,
      claims: leader,
      body: positionBody({ percent: 120 }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('percent');
  });

  it("the year's income by source: kept whole, an unknown source named, a stale save a conflict", async () => {
    const centre = uniqueCentreId('reg');
    const leader = claimsFor('leader', centre);
    const path = `${at(centre)}/economy/2024`;
    expect((await call({ method: 'GET', path, claims: leader })).body).toMatchObject({
      amounts: {},
      version: 0,
    });
    const saved = await call({
      method: 'PUT',
      path,
      claims: leader,
      body: { amounts: { other_grants: 177_000, gifts: 0 }, version: 0 },
    });
    expect(saved).toMatchObject({ status: 200, body: { amounts: { other_grants: 177_000 }, version: 1 } });
    const unknown = await call({
      method: 'PUT',
      path,
      claims: leader,
      body: { amounts: { lottery: 5 }, version: 1 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0]).toMatchObject({ field: 'amounts.lottery', rule: 'unknown_type' });
    const stale = await call({
      method: 'PUT',
      path,
      claims: leader,
      body: { amounts: { gifts: 1 }, version: 0 },
    });
    expect(stale.status).toBe(409);
    expect((await call({ method: 'GET', path, claims: leader })).body.amounts).toEqual({
      other_grants: 177_000,
    });
  });
});

describe("the shop's kilos and the waste company's report", () => {
  it('registers months and downloads them as CSV and XLSX', async () => {
    const centre = uniqueCentreId('reg');
    const staff = claimsFor('staff', centre);
    for (const [month, kilograms] of [
      ['2024-03', 2100],
      ['2024-01', 1800],
    ] as const) {
      const put = await call({
        method: 'PUT',
        path: `${at(centre)}/shop/${month}`,
        claims: staff,
        body: { kilograms, version: 0 },
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
    }
    const again = await call({
      method: 'PUT',
      path: `${at(centre)}/shop/2024-03`,
      claims: staff,
      body: { kilograms: 1, version: 0 },
    });
    expect(again.status).toBe(409);
    const csv = await call({
      method: 'GET',
      path: `${at(centre)}/shop/report`,
      claims: staff,
      query: { year: '2024', format: 'csv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain(`ombruk-${centre}-2024.csv`);
    expect(csv.bytes.toString('utf8')).toBe(
      `\uFEFFSenter;Måned;Kilo\r\n${centre};2024-01;1800\r\n${centre};2024-03;2100\r\n`,
    );
    const xlsx = await call({
      method: 'GET',
      path: `${at(centre)}/shop/report`,
      claims: staff,
      query: { year: '2024', month: '2024-03', format: 'xlsx' },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const otherYear = await call({
      method: 'GET',
      path: `${at(centre)}/shop/report`,
      claims: staff,
      query: { year: '2024', month: '2023-03', format: 'csv' },
    });
    expect(otherYear.status).toBe(400);
    expect(otherYear.body.error.fields[0]).toMatchObject({ field: 'month', rule: 'other_year' });
  });
});
