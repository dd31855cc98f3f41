import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Outcome } from '@crux/domain/participant';
import { monthOf } from '@crux/domain/period';
import { idFor } from '@crux/local/demo/ids';
import { localCredentials, localRegion } from '@crux/local/dynamodb';
import { activitiesRepo } from '@crux/store/activities-repo';
import { ensureTable } from '@crux/store/create-table';
import { centreKeys, registryKeys } from '@crux/store/keys';
import { participantsRepo } from '@crux/store/participants-repo';
import { issueTenantScope, type TenantScope } from '@crux/store/tenant-scope';
import { inject } from 'vitest';
import { testStore } from '../setup/dynamo';

/**
 * The figures job reads every dirty marker of its table, so each figures test works in a table of its
 * own, built from the shared definition: other tests' markers in the shared table cannot change what
 * it computes or how many requests it makes.
 */
export async function figuresTable(): Promise<{ doc: DynamoDBDocumentClient; table: string }> {
  const table = `figures-${randomBytes(5).toString('hex')}`;
  const client = new DynamoDBClient({
    endpoint: inject('dynamoEndpoint'),
    region: localRegion,
    credentials: localCredentials,
  });
  try {
    await ensureTable(client, table);
  } finally {
    client.destroy();
  }
  return { doc: testStore(), table };
}

/** A UUID derived from a label, so two tables seeded alike hold the same ids and compare item by item. */
export { idFor };

const NOW = '2025-01-01T00:00:00.000Z';
let keys = 0;
const idempotency = () => ({
  subject: 'seed',
  key: `seed-${++keys}-${randomBytes(4).toString('hex')}`,
  requestHash: 'seed',
});

/**
 * Writes through the store's own repositories, the code the centre and admin APIs run, so the job is
 * tested against exactly the items (and dirty markers) they write.
 */
export function seeder(doc: DynamoDBDocumentClient, table: string) {
  const scope = (centre: string): TenantScope => issueTenantScope(centre, 'staff', 'seed');
  const versions = new Map<string, number>();

  return {
    async centre(id: string, name = `Senter ${id}`): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...registryKeys.centre(id), id, name, town: 'Tromsø', createdAt: NOW },
        }),
      );
    },

    async participant(centre: string, label: string, startDate: string, birthYear = 1980): Promise<string> {
      const id = idFor(`${centre}/${label}`);
      const s = scope(centre);
      const outcome = await participantsRepo(doc, table, s).create(
        id,
        { displayName: label, birthYear, startDate, referralSource: 'nav' },
        NOW,
        idempotency(),
      );
      if (outcome.kind !== 'written') throw new Error(`seed participant: ${outcome.kind}`);
      versions.set(id, 1);
      return id;
    },

    async end(centre: string, id: string, endDate: string, outcome: Outcome = 'stable_life'): Promise<void> {
      const version = versions.get(id) ?? 1;
      const result = await participantsRepo(doc, table, scope(centre)).end(
        id,
        { endDate, outcome, version },
        NOW,
        idempotency(),
      );
      if (result.kind !== 'written') throw new Error(`seed end: ${result.kind}`);
      versions.set(id, version + 1);
    },

    async activity(
      centre: string,
      date: string,
      kind: 'visit' | 'contact_point',
      count: number,
    ): Promise<void> {
      const outcome = await activitiesRepo(doc, table, scope(centre)).record(
        { date, entries: [{ kind, count }] },
        () => idFor(`${centre}/${date}/${kind}/${++keys}`),
        NOW,
        idempotency(),
      );
      if (outcome.kind !== 'written') throw new Error(`seed activity: ${outcome.kind}`);
    },
  };
}

/**
 * Years of history in bulk: the same items the repositories write (participant with its by-end and
 * dirty keys, activity entries, month markers), put in batches so ten years seed in seconds. Every
 * participation of the history has ended, as most do.
 */
export async function seedHistory(
  doc: DynamoDBDocumentClient,
  table: string,
  centre: string,
  years: readonly number[],
): Promise<void> {
  const s = issueTenantScope(centre, 'staff', 'seed');
  const items: Record<string, unknown>[] = [];
  const months = new Set<string>();
  for (const year of years) {
    for (let i = 0; i < 12; i++) {
      const mm = String(i + 1).padStart(2, '0');
      const id = idFor(`${centre}/history/${year}/${i}`);
      const startDate = `${year}-${mm}-03`;
      const endDate = `${year}-${String(Math.min(i + 3, 12)).padStart(2, '0')}-20`;
      items.push({
        ...centreKeys.participant(s, id),
        ...centreKeys.participationByEnd(s, id, endDate),
        ...centreKeys.dirtyParticipant(s, id),
        id,
        displayName: `History ${year}-${i}`,
        birthYear: 1970,
        startDate,
        endDate,
        outcome: 'treatment',
        referralSource: 'self',
        version: 2,
        createdAt: NOW,
        updatedAt: NOW,
      });
      for (let d = 0; d < 5; d++) {
        const date = `${year}-${mm}-${String(4 + d * 5).padStart(2, '0')}`;
        const entryId = idFor(`${centre}/history/${date}`);
        items.push({
          ...centreKeys.activity(s, date, entryId),
          id: entryId,
          date,
          kind: d % 2 === 0 ? 'visit' : 'contact_point',
          count: 3 + d,
          createdAt: NOW,
          createdBy: 'seed',
        });
        months.add(monthOf(date));
      }
    }
  }
  for (const month of months) {
    items.push({ ...centreKeys.dirtyMonth(s, month), month, seq: 1 });
  }
  for (let i = 0; i < items.length; i += 25) {
    await doc.send(
      new BatchWriteCommand({
        RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
}

/** Every figure item of the table (centre, head-office and network), keyed, without `computedAt`. */
export async function figureSnapshot(
  doc: DynamoDBDocumentClient,
  table: string,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    for (const item of page.Items ?? []) {
      const pk = String(item.PK);
      if (!/^(HQ#|NET#)/.test(pk) && !/^C#[^#]+#FIG$/.test(pk)) continue;
      const { computedAt: _at, ...rest } = item;
      out[`${pk} ${String(item.SK)}`] = rest;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Every item whose partition key starts with `prefix`. */
export async function itemsUnder(
  doc: DynamoDBDocumentClient,
  table: string,
  prefix: string,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: table,
        ConsistentRead: true,
        FilterExpression: 'begins_with(PK, :p)',
        ExpressionAttributeValues: { ':p': prefix },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** The four figures most tests count by hand, by their engine ids. */
export const fig = (
  participants: number,
  newParticipants: number,
  visits: number,
  contactPoints: number,
) => ({
  participants,
  'participants.new': newParticipants,
  'kind.visit': visits,
  'kind.contact_point': contactPoints,
});

/** Those four figures of a stored map (every other figure of the catalogue left out), or undefined. */
export function headline(figures: unknown): Record<string, unknown> | undefined {
  if (figures === undefined || figures === null) return undefined;
  const f = figures as Record<string, unknown>;
  return Object.fromEntries(Object.keys(fig(0, 0, 0, 0)).map((id) => [id, f[id] ?? 0]));
}
