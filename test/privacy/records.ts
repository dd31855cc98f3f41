import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { RouteDef } from '@crux/api/routes';
import type { AccessLogEntry } from '@crux/domain/privacy/access-log';
import { accessLogKeys } from '@crux/store/keys';
import type { Call } from '../api/call';
import { createParticipant, made, participantBody, visitBody } from '../api/fixtures';
import { partition } from '../api/snapshot';

/** One participant and one record of each kind about them, made by the centre's staff through the API. */
export type Made = {
  participant: { id: string; version: number };
  measureId: string;
  orderId: string;
  hours: { date: string; id: string };
  entry: { date: string; id: string };
};

/**
 * A participant of `centre` with a measure, an order with hours, and an activity entry naming them, all in
 * `year` (2024 unless told), made by the centre's staff through the API; `over` changes the participant.
 */
export async function centreWithRecords(
  centre: string,
  { year = 2024, ...over }: { year?: number } & Record<string, unknown> = {},
): Promise<Made> {
  const participant = await createParticipant(centre, { startDate: `${year}-02-01`, ...over });
  const at = `/api/centres/${centre}/participants/${participant.id}`;
  const march = `${year}-03-01`;
  const measure = await made(centre, `${at}/measures`, { type: 'vto', startDate: march });
  const order = await made(centre, `${at}/orders`, { type: 'community_sentence', startDate: march });
  const hours = await made(centre, `${at}/orders/${order.id}/hours`, { date: `${year}-03-04`, hours: 2.5 });
  const saved = await made(centre, `/api/centres/${centre}/activities`, {
    date: `${year}-03-05`,
    entries: [{ kind: 'wheel_conversation', count: 1, participantId: participant.id }],
  });
  return { participant, measureId: measure.id, orderId: order.id, hours, entry: saved.items[0] };
}

/** The path of `route` at `centre`, its placeholders filled with the records made there. */
export function pathOf(route: RouteDef, centre: string, m: Made): string {
  const values: Record<string, string> = {
    centreId: centre,
    participantId: m.participant.id,
    measureId: m.measureId,
    orderId: m.orderId,
    hoursId: m.hours.id,
    entryId: m.entry.id,
    year: '2024',
  };
  const date = route.path.includes('{hoursId}') ? m.hours.date : m.entry.date;
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'date' ? date : (values[name] ?? randomUUID()),
  );
}

/**
 * A request a user of the route would make, on the records made. Where a route is not listed here, its
 * path alone (a GET, or a write with `{}`, which is then refused as a bad body and logged as such).
 */
export function requestOn(route: RouteDef, centre: string, m: Made): Omit<Call, 'claims'> {
  const path = pathOf(route, centre, m);
  const span = { startDate: '2024-03-01', endDate: '2024-06-30', version: 1 };
  const bodies: Record<string, unknown> = {
    'POST /api/centres/{centreId}/participants': participantBody(),
    'PUT /api/centres/{centreId}/participants/{participantId}': participantBody({ version: 1 }),
    'POST /api/centres/{centreId}/participants/{participantId}/end': {
      endDate: '2024-12-31',
      outcome: 'stable_life',
      version: 1,
    },
    'POST /api/centres/{centreId}/participants/{participantId}/measures': {
      type: 'nav_activity',
      startDate: '2024-03-01',
    },
    'PUT /api/centres/{centreId}/participants/{participantId}/measures/{measureId}': { type: 'vto', ...span },
    'POST /api/centres/{centreId}/participants/{participantId}/orders': {
      type: 'electronic_monitoring',
      startDate: '2024-03-01',
    },
    'PUT /api/centres/{centreId}/participants/{participantId}/orders/{orderId}': {
      type: 'community_sentence',
      ...span,
    },
    'POST /api/centres/{centreId}/participants/{participantId}/orders/{orderId}/hours': {
      date: '2024-03-05',
      hours: 4,
    },
    'POST /api/centres/{centreId}/activities': visitBody({ participantId: m.participant.id }),
    'PUT /api/centres/{centreId}/activities/{date}/{entryId}': {
      kind: 'wheel_conversation',
      count: 2,
      participantId: m.participant.id,
      version: 1,
    },
    'POST /api/centres/{centreId}/imports': {
      records: [{ type: 'participant', id: randomUUID(), body: participantBody() }],
    },
    'POST /api/centres/{centreId}/participants/{participantId}/erasure': { version: 1 },
  };
  const queries: Record<string, Record<string, string>> = {
    'GET /api/centres/{centreId}/activities': { from: '2024-01-01', to: '2024-12-31' },
    'GET /api/centres/{centreId}/hours': { from: '2024-01-01', to: '2024-12-31' },
    'DELETE /api/centres/{centreId}/activities/{date}/{entryId}': { version: '1' },
    'GET /api/centres/{centreId}/access-log': {
      from: '2020-01-01',
      to: '2020-12-31',
      participantId: m.participant.id,
    },
  };
  const key = `${route.method} ${route.path}`;
  const body = route.method === 'POST' || route.method === 'PUT' ? (bodies[key] ?? {}) : undefined;
  return {
    method: route.method,
    path,
    ...(body !== undefined ? { body } : {}),
    ...(queries[key] ? { query: queries[key] } : {}),
  };
}

/** A centre's access log as stored, oldest first. */
export async function logOf(centre: string): Promise<(AccessLogEntry & Record<string, unknown>)[]> {
  const items = await partition(accessLogKeys.pk({ centre }));
  return items.map((i) => ({ ...i, id: String(i.SK) }) as AccessLogEntry & Record<string, unknown>);
}

/** The entries one request left, found by its request id. */
export async function entriesOf(centre: string, requestId: string) {
  return (await logOf(centre)).filter((e) => e.requestId === requestId);
}

/** Every item of the whole table that holds any of `needles` anywhere, keys included. */
export async function itemsHolding(
  doc: DynamoDBDocumentClient,
  table: string,
  needles: readonly string[],
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    for (const item of page.Items ?? []) {
      const text = JSON.stringify(item);
      if (needles.some((n) => text.includes(n))) found.push(item);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
}
