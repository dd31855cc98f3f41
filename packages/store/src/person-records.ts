import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { centreKeys, recordKindOf } from './keys';
import { queryAll } from './query-all';
import { table as tableDef } from './table';
import { assertIssued, type TenantScope } from './tenant-scope';

/**
 * Everything a centre holds about one person, found without knowing its record types: every item of the
 * centre's partition (where all its records live: the participant and what is kept under them, the
 * entries and hours that name them, the remembered answers of requests about them) whose content or key
 * holds the person's id. Ids are random UUIDs, so only an item about the person can hold one; a record
 * type added later (the plan, the survey's follow-ups) is found the same way, with no change here. The
 * access log is apart (`C#<centre>#LOG`) and names people only by reference; the figures (`#FIG`) name
 * nobody.
 */
export type PersonItem = { kind: string; item: Record<string, unknown> };

/** Attributes that are the table's bookkeeping, not anything recorded about a person. */
const bookkeeping = new Set<string>([
  tableDef.partitionKey,
  tableDef.sortKey,
  ...tableDef.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  'searchName',
  'countedFrom',
  'countedThrough',
  tableDef.ttlAttribute,
]);

/** An item as a person reads it: without keys and bookkeeping. */
export function shownFields(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !bookkeeping.has(k)));
}

export const namesPerson = (item: Record<string, unknown>, id: string): boolean =>
  JSON.stringify(item).includes(id);

/** Every item of the centre's own partition, read strongly consistent: a page a megabyte. */
export function centreItems(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return queryAll(doc, {
    TableName: table,
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': centreKeys.pk(scope) },
    ConsistentRead: true,
  });
}

/**
 * The items of `items` about the person `id`, each with its kind; with `alsoNaming`, also those that
 * hold one of those ids (a measure's or order's own id, which a remembered answer holds without the
 * person's).
 */
export function itemsAbout(
  items: readonly Record<string, unknown>[],
  id: string,
  alsoNaming: readonly string[] = [],
): PersonItem[] {
  const ids = [id, ...alsoNaming];
  return items
    .filter((item) => ids.some((i) => namesPerson(item, i)))
    .map((item) => ({ kind: recordKindOf(String(item.SK), id), item }));
}

/**
 * The participant's own record and every other record about them, grouped by kind, as the person is
 * shown them. Remembered answers are left out: they are copies of answers already shown here, kept a day
 * so a retried request is not stored twice.
 */
export type PersonRecords = {
  participant: Record<string, unknown> | undefined;
  records: Record<string, Record<string, unknown>[]>;
};

export async function personRecords(
  doc: DynamoDBDocumentClient,
  table: string,
  scope: TenantScope,
  id: string,
): Promise<PersonRecords> {
  const about = itemsAbout(await centreItems(doc, table, scope), id);
  const records: Record<string, Record<string, unknown>[]> = {};
  let participant: Record<string, unknown> | undefined;
  for (const { kind, item } of about) {
    if (kind === 'participant') participant = shownFields(item);
    else if (kind !== 'remembered_answer') records[kind] = [...(records[kind] ?? []), shownFields(item)];
  }
  return { participant, records };
}
