import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { IDEMPOTENCY_HEADER } from '@crux/api/headers';
import type { CentreInput } from '@crux/domain/centre';
import type { CentreSettings, CentreSettingsUpdate } from '@crux/domain/centre-settings';
import type { CentreImport } from '@crux/domain/import';
import { monthOf, todayInOslo } from '@crux/domain/period';
import { centresRepo } from '@crux/store/centres-repo';
import { idFor } from './demo/ids';
import { type DemoPlan, planDemo } from './demo/plan';
import { seedDemoSurvey } from './demo-survey';
import { demoCentres } from './demo-users';
import { type Credentials, type FlowClient, signInWithPassword } from './idp/sign-in-flow';

/**
 * Demo data for Øvre Eiker and Tromsø (see demo/plan.ts: Øvre Eiker's 2023 and 2024 are its published
 * table, the other years and Tromsø drawn around them), written through the HTTP API with tokens from
 * the local identity provider: the admin creates the centres, and each centre's leader brings its
 * records in through the import route — the schemas, catalogue checks and tenancy of the one-by-one
 * routes, a few dozen records a transaction, so a fresh start seeds in seconds. Every import carries an
 * Idempotency-Key derived from the plan, so a start cut off halfway runs again safely. Then Øvre Eiker's
 * 2024 participant survey (demo-survey.ts), and Øvre Eiker's participants may sign in to their own plans.
 */

type Record = CentreImport['records'][number];

/** A 503 (the database slow or away) is answered as the API asks: the same request again, same key. */
const RETRIES_ON_503 = 5;

function apiAs(baseUrl: string, accessToken: string, count: () => void) {
  return async (
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    key?: string,
  ): Promise<unknown> => {
    const send = () => {
      count();
      return fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(key ? { [IDEMPOTENCY_HEADER]: key } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    };
    let response = await send();
    for (let retry = 1; response.status === 503 && retry <= RETRIES_ON_503; retry++) {
      await response.body?.cancel();
      const wait = Number(response.headers.get('retry-after') ?? '1');
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 5) * 1000));
      response = await send();
    }
    const text = await response.text();
    if (!response.ok)
      throw new Error(`demo data: ${method} ${path} answered ${response.status}: ${text.slice(0, 400)}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/**
 * Requests as `username`, signing in again once half the token's life has passed: on a slow machine, or
 * with the short-lived tokens some tests ask for, seeding outlasts one token.
 */
async function signedIn(client: FlowClient, username: string, credentials: Credentials, count: () => void) {
  let tokens = await signInWithPassword(client, username, credentials);
  let renewAt = Date.now() + (tokens.expiresIn * 1000) / 2;
  return async (...request: Parameters<ReturnType<typeof apiAs>>) => {
    if (Date.now() >= renewAt) {
      tokens = await signInWithPassword(client, username, credentials);
      renewAt = Date.now() + (tokens.expiresIn * 1000) / 2;
    }
    return apiAs(client.baseUrl, tokens.accessToken, count)(...request);
  };
}

/**
 * A centre's plan as import batches: the participants whole first (their measures, orders and ends with
 * them), then the hours, then the entries in date order, each batch small enough for one transaction
 * with the months it touches and the participants it names.
 */
export function importBatches(plan: DemoPlan): Record[][] {
  const id = (what: string) => idFor(`demo/${plan.centre}/${what}`);
  const participant = (ref: string) => id(`p/${ref}`);
  const people: Record[] = plan.participants.map((p) => {
    const measures = plan.measures.filter((m) => m.participant === p.ref);
    const orders = plan.orders.filter((o) => o.participant === p.ref);
    return {
      type: 'participant',
      id: participant(p.ref),
      body: p.body,
      ...(p.end ? { end: p.end } : {}),
      measures: measures.map((m) => ({ id: id(`m/${plan.measures.indexOf(m)}`), ...m.body })),
      orders: orders.map((o) => ({ id: id(`o/${plan.orders.indexOf(o)}`), ...o.body })),
    };
  });
  const hours: Record[] = plan.orders.flatMap((o) =>
    o.hours.map((h, j) => ({
      type: 'hours' as const,
      id: id(`o/${plan.orders.indexOf(o)}/h/${j}`),
      participantId: participant(o.participant),
      orderId: id(`o/${plan.orders.indexOf(o)}`),
      ...h,
    })),
  );
  const entries: Record[] = [...plan.entries]
    .sort((a, b) => (a.body.date < b.body.date ? -1 : a.body.date > b.body.date ? 1 : 0))
    .map((e) => ({
      type: 'entry',
      ...e.body,
      ...(e.participant ? { participantId: participant(e.participant) } : {}),
    }));
  const chunks = (list: Record[], size: number) =>
    Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
  // Hours name few participants but may span many months; entries the other way round.
  return [
    ...chunks(people, 40),
    ...chunks(hours, 40),
    ...chunks(entries, 55),
    ...registerBatches(plan, (what) => id(what)).flatMap((b) => chunks(b.records, b.size)),
  ];
}

/**
 * The registers as import batches: the volunteers (and the accounts linked to them) first, then their
 * hours a volunteer-month a record, then the staff positions, the shop's months and the income. Sizes
 * keep each batch, with the months it marks and the volunteers it names, within one transaction.
 */
function registerBatches(
  plan: DemoPlan,
  id: (what: string) => string,
): { records: Record[]; size: number }[] {
  const volunteer = (ref: string) => id(`v/${ref}`);
  const volunteers: Record[] = plan.volunteers.map(
    ({ ref, account, name, contact, startDate, endDate, arenas }) => ({
      type: 'volunteer',
      id: volunteer(ref),
      body: { name, contact, startDate, ...(endDate ? { endDate } : {}), arenas },
      ...(account ? { account } : {}),
    }),
  );
  const months = new Map<string, Extract<Record, { type: 'volunteerHours' }>>();
  plan.volunteerHours.forEach((h, i) => {
    const month = monthOf(h.date);
    const key = `${h.volunteer} ${month}`;
    const record = months.get(key) ?? {
      type: 'volunteerHours' as const,
      volunteerId: volunteer(h.volunteer),
      month,
      entries: [],
    };
    record.entries.push({ id: id(`v/${h.volunteer}/h/${i}`), date: h.date, arena: h.arena, hours: h.hours });
    months.set(key, record);
  });
  const rest: Record[] = [
    ...plan.positions.map((p) => ({ type: 'position' as const, id: id(`s/${p.ref}`), body: p.body })),
    ...plan.shopMonths.map((m) => ({ type: 'shopMonth' as const, ...m })),
    ...plan.income.map((i) => ({ type: 'income' as const, ...i })),
  ];
  return [
    { records: volunteers, size: 40 },
    { records: [...months.values()], size: 35 },
    { records: rest, size: 30 },
  ];
}

/**
 * Øvre Eiker's leader lets its participants sign in to their own plans (off until a leader turns it on),
 * through the settings route as a leader does, so staff can give a demo participant access at once.
 */
async function openOwnPlans(api: Awaited<ReturnType<typeof signedIn>>, centre: string): Promise<void> {
  const path = `/api/centres/${centre}/settings`;
  const settings = (await api('GET', path)) as CentreSettings;
  if (settings.participantSignIn) return;
  const update: CentreSettingsUpdate = {
    todayKinds: settings.todayKinds,
    participantSignIn: true,
    version: settings.version,
  };
  await api('PUT', path, update);
}

export type SeedResult = { created: boolean; requests: number };

/**
 * Whether the demo centres are registered already, read from the table itself: a later start then
 * signs no one in. (Signing in again within a TOTP step that the last start spent would be refused, as
 * a reused code must be.)
 */
export async function demoSeeded(doc: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  const registered = new Set((await centresRepo(doc, tableName).list()).map((c) => c.id));
  return demoCentres.every((c) => registered.has(c.id));
}

export async function seedDemoData(
  client: FlowClient,
  credentials: Credentials,
  today = todayInOslo(),
): Promise<SeedResult> {
  let requests = 0;
  const count = () => void requests++;
  const asAdmin = await signedIn(client, 'admin', credentials, count);
  const listed = (await asAdmin('GET', '/api/admin/centres')) as { items: { id: string }[] };
  const existing = new Set(listed.items.map((c) => c.id));
  if (demoCentres.every((c) => existing.has(c.id))) return { created: false, requests };

  for (const centre of demoCentres) {
    if (existing.has(centre.id)) continue;
    const body: CentreInput = { id: centre.id, name: centre.name, town: centre.town };
    await asAdmin('POST', '/api/admin/centres', body, `demo-centre-${centre.id}`);
  }
  const leaderOf: { [centre: string]: string } = { 'ovre-eiker': 'leder.ovre-eiker', tromso: 'leder.tromso' };
  await Promise.all(
    planDemo(today).map(async (plan) => {
      const username = leaderOf[plan.centre];
      if (!username) throw new Error(`demo data: no leader for ${plan.centre}`);
      const api = await signedIn(client, username, credentials, count);
      // In order: hours and entries name participants of earlier batches.
      for (const [i, records] of importBatches(plan).entries())
        await api(
          'POST',
          `/api/centres/${plan.centre}/imports`,
          { records },
          `demo-${plan.centre}-import-${i}`,
        );
    }),
  );
  await openOwnPlans(await signedIn(client, 'leder.ovre-eiker', credentials, count), 'ovre-eiker');
  await seedDemoSurvey(
    client.baseUrl,
    {
      headOffice: await signedIn(client, 'hovedkontor', credentials, count),
      network: await signedIn(client, 'erfaringsnettverket', credentials, count),
      leader: await signedIn(client, 'leder.ovre-eiker', credentials, count),
    },
    count,
  );
  return { created: true, requests };
}
