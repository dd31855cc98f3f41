import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessLogEntry } from '@crux/domain/privacy/access-log';
import { useAccountDirectory } from '@crux/functions/accounts/directory';
import { type Invitation, localAccountDirectory } from '@crux/local/idp/account-directory';
import { userDirectory } from '@crux/local/idp/users';
import { audienceKeys } from '@crux/store/keys';
import { localUsersRepo } from '@crux/store/local-users-repo';
import { accessLogKeys } from '@crux/store/log-keys';
import { email } from '../api/account-fixtures';
import { type Claims, call } from '../api/call';
import { createParticipant, made, openParticipantSignIn } from '../api/fixtures';
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

/**
 * The local identity provider's pool in `table` as the functions' directory, so a search of that one
 * table covers the user pool too (the tests' shared pool lives in the shared table).
 */
export function poolIn(doc: DynamoDBDocumentClient, table: string) {
  const invitations: Invitation[] = [];
  const repo = localUsersRepo(doc, table);
  useAccountDirectory(localAccountDirectory(repo, (i) => invitations.push(i)));
  return { users: userDirectory(repo), invitations };
}

/**
 * The participant's own account (issue 12), given by `caller` through the API under an Idempotency-Key:
 * what the pool holds about them, and the accounts API's remembered answer that carries it.
 */
export async function giveAccount(centre: string, participant: string, caller: Claims) {
  await openParticipantSignIn(centre);
  const address = email('deltaker');
  const key = randomUUID();
  const given = await call({
    method: 'POST',
    path: `/api/centres/${centre}/participants/${participant}/account`,
    claims: caller,
    body: { email: address },
    idempotencyKey: key,
  });
  if (given.status !== 201) throw new Error(`account not given: ${JSON.stringify(given.body)}`);
  return { id: String(given.body.id), email: address, request: { subject: String(caller.sub), key } };
}

/** The accounts API's remembered answer of one request, as stored (undefined once gone). */
export async function accountsRequest(
  doc: DynamoDBDocumentClient,
  table: string,
  request: { subject: string; key: string },
) {
  const Key = audienceKeys.idempotency('accounts', request.subject, request.key);
  return (await doc.send(new GetCommand({ TableName: table, Key, ConsistentRead: true }))).Item;
}
