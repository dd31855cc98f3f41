import { IDEMPOTENCY_HEADER } from '@crux/api/headers';
import type { ActivitiesCreate, ActivityItem } from '@crux/domain/activity';
import type { CentreInput } from '@crux/domain/centre';
import type { Gender, Outcome, ParticipantCreate, ReferralSource } from '@crux/domain/participant';
import { todayInOslo } from '@crux/domain/period';
import { random } from './demo/random';
import { demoCentres } from './demo-users';
import { type FlowClient, signInWithPassword } from './idp/sign-in-flow';

/**
 * Demo data for Øvre Eiker and Tromsø, written through the HTTP API with tokens from the local identity
 * provider, exactly as people would: the admin creates the centres, each centre's staff register its
 * participants, visits and contact points. Shaped on Øvre Eiker's 2024 figures (DOMAIN.md) scaled
 * down about five times: some 45 participants become 10–14, 3 643 visits a year some 700, summed every
 * other week to keep a fresh start to a few seconds. Deterministic, so two fresh starts give the same
 * figures, and every write carries an Idempotency-Key, so a start cut off halfway can simply run again.
 */

type Profile = {
  centre: (typeof demoCentres)[number];
  staff: string;
  seed: number;
  participants: number;
  /** Visits a fortnight, and contact points a month (four weeks), before the random spread. */
  visitsPerFortnight: number;
  contactsPerMonth: number;
};

const profiles: Profile[] = [
  {
    centre: demoCentres[0],
    staff: 'ansatt.ovre-eiker',
    seed: 2024,
    participants: 14,
    visitsPerFortnight: 28,
    contactsPerMonth: 66,
  },
  {
    centre: demoCentres[1],
    staff: 'ansatt.tromso',
    seed: 2001,
    participants: 10,
    visitsPerFortnight: 20,
    contactsPerMonth: 46,
  },
];

const names = [
  'Anne B.',
  'Tor H.',
  'Lise M.',
  'Per K.',
  'Hanne S.',
  'Geir L.',
  'Mona R.',
  'Rune A.',
  'Trine E.',
  'Stian N.',
  'Kristin O.',
  'Jan Erik T.',
  'Nina V.',
  'Bjørn G.',
  'Elin F.',
  'Arild J.',
];
const referrals: ReferralSource[] = ['nav', 'nav', 'municipal_team', 'probation', 'other_body', 'self'];
const outcomes: Outcome[] = [
  'other_nav_measure',
  'stable_life',
  'other_nav_measure',
  'treatment',
  'stable_life',
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (date: string, days: number) =>
  iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));

type Api = (method: 'GET' | 'POST', path: string, body?: unknown, key?: string) => Promise<unknown>;

function apiAs(baseUrl: string, accessToken: string): Api {
  return async (method, path, body, key) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(key ? { [IDEMPOTENCY_HEADER]: key } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`demo data: ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/** Runs at most `width` requests at a time: quick on two cores without flooding DynamoDB Local. */
async function inPool<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

type PlannedParticipant = { input: ParticipantCreate; end?: { endDate: string; outcome: Outcome } };

function planParticipants(profile: Profile, today: string): PlannedParticipant[] {
  const rnd = random(profile.seed);
  const year = Number(today.slice(0, 4));
  const firstDay = `${year - 1}-01-01`;
  const span = Math.max(1, (Date.parse(today) - Date.parse(firstDay)) / 86_400_000);
  const planned: PlannedParticipant[] = [];
  for (let i = 0; i < profile.participants; i++) {
    // About a third were already there before the previous year began; the rest came since.
    const longStanding = i % 3 === 0;
    const startDate = longStanding
      ? `${year - 2}-${String(3 + Math.floor(rnd() * 9)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}`
      : addDays(firstDay, Math.floor(rnd() * span * 0.9));
    const gender: Gender = i % 2 === 0 ? 'woman' : 'man';
    const input: ParticipantCreate = {
      displayName: names[i % names.length] as string,
      // Ages 22–62, mean near the 41 years of Øvre Eiker's 2024 table.
      birthYear: year - 22 - Math.floor(rnd() * 41),
      startDate,
      referralSource: referrals[Math.floor(rnd() * referrals.length)] as ReferralSource,
      ...(i % 7 === 6 ? {} : { gender }),
    };
    const ends = i % 4 === 1;
    const endDate = addDays(startDate, 120 + Math.floor(rnd() * 300));
    planned.push(
      ends && endDate < today
        ? { input, end: { endDate, outcome: outcomes[i % outcomes.length] as Outcome } }
        : { input },
    );
  }
  return planned;
}

function planActivities(profile: Profile, today: string): { key: string; body: ActivitiesCreate }[] {
  const rnd = random(profile.seed + 1);
  const year = Number(today.slice(0, 4));
  const out: { key: string; body: ActivitiesCreate }[] = [];
  // Summed up every other week from early in the previous year up to today: few requests, so a fresh
  // start stays quick, and every month still has its figures. One save a day, as *I dag* sends it.
  let fortnight = 0;
  for (let date = `${year - 1}-01-09`; date <= today; date = addDays(date, 14), fortnight++) {
    const summer = date.slice(5, 7) === '07';
    const spread = 0.7 + rnd() * 0.6;
    const entries: ActivityItem[] = [
      {
        kind: 'visit',
        count: Math.max(1, Math.round(profile.visitsPerFortnight * spread * (summer ? 0.5 : 1))),
      },
    ];
    if (fortnight % 2 === 1)
      entries.push({
        kind: 'contact_point',
        count: Math.max(1, Math.round(profile.contactsPerMonth * spread)),
      });
    out.push({ key: `demo-${profile.centre.id}-${date}`, body: { date, entries } });
  }
  return out;
}

export type SeedResult = { created: boolean; requests: number };

export async function seedDemoData(
  client: FlowClient,
  password: string,
  today = todayInOslo(),
): Promise<SeedResult> {
  const admin = await signInWithPassword(client, 'admin', password);
  const asAdmin = apiAs(client.baseUrl, admin.accessToken);
  const listed = (await asAdmin('GET', '/api/admin/centres')) as { items: { id: string }[] };
  const existing = new Set(listed.items.map((c) => c.id));
  if (profiles.every((p) => existing.has(p.centre.id))) return { created: false, requests: 1 };

  let requests = 1;
  for (const { centre } of profiles) {
    if (existing.has(centre.id)) continue;
    const body: CentreInput = { id: centre.id, name: centre.name, town: centre.town };
    await asAdmin('POST', '/api/admin/centres', body, `demo-centre-${centre.id}`);
    requests++;
  }

  for (const profile of profiles) {
    const staff = await signInWithPassword(client, profile.staff, password);
    const api = apiAs(client.baseUrl, staff.accessToken);
    const base = `/api/centres/${profile.centre.id}`;
    const participants = planParticipants(profile, today);
    await inPool(
      participants.map((p, i) => ({ p, i })),
      4,
      async ({ p, i }) => {
        const created = (await api(
          'POST',
          `${base}/participants`,
          p.input,
          `demo-${profile.centre.id}-p-${i}`,
        )) as {
          id: string;
          version: number;
        };
        requests++;
        if (!p.end) return;
        await api(
          'POST',
          `${base}/participants/${created.id}/end`,
          { ...p.end, version: created.version },
          `demo-${profile.centre.id}-end-${i}`,
        );
        requests++;
      },
    );
    await inPool(planActivities(profile, today), 6, async ({ key, body }) => {
      await api('POST', `${base}/activities`, body, key);
      requests++;
    });
  }
  return { created: true, requests };
}
