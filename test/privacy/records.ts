import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessLogEntry } from '@crux/domain/privacy/access-log';
import { accessLogKeys } from '@crux/store/keys';
import { createParticipant, made } from '../api/fixtures';
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
    entries: [{ kind: 'cabin_trip', count: 1, participantId: participant.id }],
  });
  return { participant, measureId: measure.id, orderId: order.id, hours, entry: saved.items[0] };
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
