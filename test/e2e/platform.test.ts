import type { HeadOfficeYear, NetworkYear } from '@crux/domain/figure-set';
import { todayInOslo } from '@crux/domain/period';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './harness';

/**
 * The platform foundation's "done when", against the real runtime: a visit recorded by Øvre Eiker's
 * staff through the API, the figures job run on demand, the head office seeing the visit counted, the
 * experience network seeing the figure or its suppression, and Tromsø unable to touch Øvre Eiker.
 */
let t: TestRuntime;
const today = todayInOslo();
const year = Number(today.slice(0, 4));

// Seeding the demo and its first figures run (the network's disclosure control included) takes as long
// as the browser journeys' start on a loaded machine.
beforeAll(async () => {
  t = await startTestRuntime();
}, 180_000);
afterAll(async () => {
  await t?.runtime.stop();
});

const visitsOf = (answer: HeadOfficeYear, centre: string) =>
  answer.centres.find((c) => c.centre === centre)?.figures['kind.visit'];

async function headOffice(): Promise<HeadOfficeYear> {
  const answer = await t.call('GET', `/api/headoffice/figures/${year}`, {
    token: await t.token('hovedkontor'),
  });
  expect(answer.status).toBe(200);
  return answer.body as HeadOfficeYear;
}

describe('a visit at Øvre Eiker, from the register to the head office and the network', () => {
  it('is recorded, counted once by the on-demand job, and shown to the head office and the network', async () => {
    expect(t.runtime.seeded).toBe('created');
    const before = await headOffice();
    const baseline = visitsOf(before, 'ovre-eiker');
    expect(baseline).toBeGreaterThan(0);

    const staff = await t.token('ansatt.ovre-eiker');
    const visit = { date: today, entries: [{ kind: 'visit', count: 3 }] };
    const first = await t.call('POST', '/api/centres/ovre-eiker/activities', {
      token: staff,
      body: visit,
      idempotencyKey: 'e2e-visit-0001',
    });
    expect(first.status).toBe(201);
    // A retry after a lost answer must not count the visit twice.
    const retry = await t.call('POST', '/api/centres/ovre-eiker/activities', {
      token: staff,
      body: visit,
      idempotencyKey: 'e2e-visit-0001',
    });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);

    // Nothing moves until the job runs: the head office reads published figures only.
    expect(visitsOf(await headOffice(), 'ovre-eiker')).toBe(baseline);

    const job = await fetch(`${t.runtime.url}/_local/jobs/figures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(job.status).toBe(200);
    expect(await job.json()).toMatchObject({ job: 'figures', trigger: 'on-demand' });

    const after = await headOffice();
    expect(visitsOf(after, 'ovre-eiker')).toBe((baseline as number) + 3);
    expect(visitsOf(after, 'tromso')).toBe(visitsOf(before, 'tromso'));
    const sum = after.centres.reduce((s, c) => s + (c.figures['kind.visit'] ?? 0), 0);
    expect(after.total.figures['kind.visit']).toBe(sum);

    const network = await t.call('GET', `/api/network/figures/${year}`, {
      token: await t.token('erfaringsnettverket'),
    });
    expect(network.status).toBe(200);
    const row = (network.body as NetworkYear).centres.find((c) => c.centre === 'ovre-eiker');
    const seen = row?.figures['kind.visit'];
    // The network sees the same number when it is 5 or more (or 0), and a suppression marker otherwise.
    if (typeof seen === 'number') expect(seen).toBe(visitsOf(after, 'ovre-eiker'));
    else expect(seen).toMatchObject({ suppressed: expect.stringMatching(/^(small|secondary|line)$/) });
    expect(JSON.stringify(network.body)).not.toMatch(/participantId|displayName|birthYear/);
  });

  it('is refused to the network and the head office in the centre API, and to staff in the figures APIs', async () => {
    const forNetwork = await t.call('GET', '/api/centres/ovre-eiker/activities', {
      token: await t.token('erfaringsnettverket'),
    });
    expect([403, 404]).toContain(forNetwork.status);
    const forStaff = await t.call('GET', `/api/headoffice/figures/${year}`, {
      token: await t.token('ansatt.ovre-eiker'),
    });
    expect(forStaff.status).toBe(403);
  });
});

describe('Tromsø and Øvre Eiker stay apart', () => {
  let ovreParticipant: { id: string; version: number };

  beforeAll(async () => {
    const list = await t.call('GET', '/api/centres/ovre-eiker/participants', {
      token: await t.token('ansatt.ovre-eiker'),
    });
    expect(list.status).toBe(200);
    const items = (list.body as { items: { id: string; version: number }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    ovreParticipant = items[0] as { id: string; version: number };
  });

  const probes = () => [
    { method: 'GET', path: '/api/centres/ovre-eiker/participants' },
    { method: 'GET', path: `/api/centres/ovre-eiker/participants/${ovreParticipant.id}` },
    { method: 'GET', path: `/api/centres/ovre-eiker/activities?from=${year}-01-01&to=${today}` },
    {
      method: 'POST',
      path: '/api/centres/ovre-eiker/participants',
      body: { displayName: 'Inntrenger', birthYear: 1980, startDate: today, referralSource: 'self' },
    },
    {
      method: 'PUT',
      path: `/api/centres/ovre-eiker/participants/${ovreParticipant.id}`,
      body: {
        displayName: 'Endret',
        birthYear: 1980,
        startDate: today,
        referralSource: 'self',
        version: ovreParticipant.version,
      },
    },
    {
      method: 'POST',
      path: `/api/centres/ovre-eiker/participants/${ovreParticipant.id}/end`,
      body: { endDate: today, outcome: 'other', version: ovreParticipant.version },
    },
    {
      method: 'POST',
      path: '/api/centres/ovre-eiker/activities',
      body: { date: today, entries: [{ kind: 'visit', count: 7 }] },
    },
  ];

  it('Øvre Eiker staff can read their own records (so the refusals below are not failures of everything)', async () => {
    const staff = await t.token('ansatt.ovre-eiker');
    for (const probe of probes().filter((p) => p.method === 'GET')) {
      expect((await t.call(probe.method, probe.path, { token: staff })).status, probe.path).toBe(200);
    }
  });

  it.each(['ansatt.tromso', 'leder.tromso'])(
    '%s gets 404 for every read and write of Øvre Eiker',
    async (username) => {
      const token = await t.token(username);
      for (const probe of probes()) {
        const answer = await t.call(probe.method, probe.path, { token, body: probe.body });
        expect(answer.status, `${probe.method} ${probe.path}`).toBe(404);
      }
    },
  );

  it('a Tromsø user cannot reach an Øvre Eiker participant through the Tromsø path either', async () => {
    const answer = await t.call('GET', `/api/centres/tromso/participants/${ovreParticipant.id}`, {
      token: await t.token('ansatt.tromso'),
    });
    expect(answer.status).toBe(404);
  });

  it('nothing Tromsø tried was written at Øvre Eiker', async () => {
    const staff = await t.token('ansatt.ovre-eiker');
    const participant = await t.call('GET', `/api/centres/ovre-eiker/participants/${ovreParticipant.id}`, {
      token: staff,
    });
    expect(participant.body).toMatchObject({ id: ovreParticipant.id, version: ovreParticipant.version });
    expect((participant.body as { endDate?: string }).endDate ?? null).not.toBe(today);
    const list = await t.call('GET', '/api/centres/ovre-eiker/participants', { token: staff });
    const names = (list.body as { items: { displayName: string }[] }).items.map((p) => p.displayName);
    expect(names).not.toContain('Inntrenger');
    expect(names).not.toContain('Endret');
    const activities = await t.call('GET', `/api/centres/ovre-eiker/activities?from=${today}&to=${today}`, {
      token: staff,
    });
    const counts = (activities.body as { items: { count: number }[] }).items.map((a) => a.count);
    expect(counts).not.toContain(7);
  });
});
