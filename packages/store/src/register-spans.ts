import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Page } from './cursor';
import { centreKeys } from './keys';
import type { TenantScope } from './tenant-scope';

/**
 * What volunteers and staff positions share as items: a span (start, perhaps an end) on the by-end
 * index, so the figures job reads a year's in one range, and each record its own dirty marker, so a
 * changed span is recounted in the months it spans now and those the job last counted it in.
 */
type Span = { id: string; startDate: string; endDate?: string | undefined };

const internal = new Set([
  'PK',
  'SK',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  'countedFrom',
  'countedThrough',
]);

export function toRecord<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !internal.has(k))) as T;
}

export function spanItem(scope: TenantScope, key: { PK: string; SK: string }, record: Span) {
  return {
    ...record,
    ...key,
    ...centreKeys.spanByEnd(scope, record.id, record.endDate),
    ...centreKeys.dirtySpan(scope, key.SK),
  };
}

/**
 * The Update of a correction: the fields given (an optional one absent is removed), the next version,
 * who and when, its place on the by-end index, and its dirty marker; only if `version` is still the
 * stored one. On a failed condition the stored item comes back, to say why without a second read.
 */
export function spanUpdate(
  table: string,
  scope: TenantScope,
  key: { PK: string; SK: string },
  id: string,
  fields: Record<string, unknown> & { endDate?: string | undefined },
  optional: readonly string[],
  version: number,
  now: string,
) {
  const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const set: Record<string, unknown> = {
    ...present,
    version: version + 1,
    updatedAt: now,
    updatedBy: scope.subject,
    GSI1SK: centreKeys.spanByEnd(scope, id, fields.endDate).GSI1SK,
    ...centreKeys.dirtySpan(scope, key.SK),
  };
  const remove = optional.filter((k) => present[k] === undefined);
  const names = Object.fromEntries([...Object.keys(set), ...remove].map((k) => [`#${k}`, k]));
  return {
    TableName: table,
    Key: key,
    UpdateExpression: `SET ${Object.keys(set)
      .map((k) => `#${k} = :${k}`)
      .join(', ')}${remove.length ? ` REMOVE ${remove.map((k) => `#${k}`).join(', ')}` : ''}`,
    ConditionExpression: 'attribute_exists(PK) AND version = :expected',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: {
      ':expected': version,
      ...Object.fromEntries(Object.entries(set).map(([k, v]) => [`:${k}`, v])),
    },
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
}

/** A page of a centre's records of one kind, in id order: one Query. */
export async function listPage<T>(
  doc: DynamoDBDocumentClient,
  table: string,
  scope: TenantScope,
  prefix: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<T> | 'bad_cursor'> {
  const startSk = query.cursor ? decodeCursor(query.cursor, prefix) : undefined;
  if (query.cursor && !startSk) return 'bad_cursor';
  const pk = centreKeys.pk(scope);
  const result = await doc.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      Limit: query.limit,
      ...(startSk ? { ExclusiveStartKey: { PK: pk, SK: startSk } } : {}),
    }),
  );
  const last = result.LastEvaluatedKey?.SK;
  return {
    items: (result.Items ?? []).map((i) => toRecord<T>(i)),
    ...(typeof last === 'string' ? { nextCursor: encodeCursor(last) } : {}),
  };
}
