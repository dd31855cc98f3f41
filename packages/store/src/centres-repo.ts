import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Centre, CentreInput } from '@crux/domain/centre';
import { registryKeys } from './keys';
import { table as definition } from './table';

export type CentreOutcome =
  | { kind: 'written'; centre: Centre }
  | { kind: 'replayed'; centre: Centre }
  | { kind: 'key_reused' }
  | { kind: 'exists'; centre: Centre };

function toCentre(item: Record<string, unknown>): Centre {
  return {
    id: String(item.id),
    name: String(item.name),
    town: String(item.town),
    createdAt: String(item.createdAt),
  };
}

/**
 * The centre registry: the platform admin onboards a centre by adding it here; nothing else is needed for
 * the centre to exist (no code change, no deploy). The admin reaches the registry, never a centre's data.
 */
export function centresRepo(doc: DynamoDBDocumentClient, table: string) {
  return {
    /** Idempotent through the item: the request's key and hash are stored with the centre. */
    async create(
      input: CentreInput,
      now: string,
      idempotencyKey: string,
      requestHash: string,
    ): Promise<CentreOutcome> {
      const request = `${idempotencyKey}:${requestHash}`;
      const centre: Centre = { ...input, createdAt: now };
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...registryKeys.centre(input.id), ...centre, createRequest: request },
            ConditionExpression: 'attribute_not_exists(PK)',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { kind: 'written', centre };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException) || !error.Item) throw error;
        const stored = unmarshall(error.Item);
        if (
          typeof stored.createRequest === 'string' &&
          stored.createRequest.startsWith(`${idempotencyKey}:`)
        ) {
          return stored.createRequest === request
            ? { kind: 'replayed', centre: toCentre(stored) }
            : { kind: 'key_reused' };
        }
        return { kind: 'exists', centre: toCentre(stored) };
      }
    },

    /**
     * Whether the centre is in the registry: one GetItem that reads back only the partition key, so the
     * sign-in trigger's permission can be exactly that (infra/lib/tenant-policy.ts, `preTokenPolicy`).
     */
    async isRegistered(id: string): Promise<boolean> {
      const { Item } = await doc.send(
        new GetCommand({
          TableName: table,
          Key: registryKeys.centre(id),
          ProjectionExpression: '#pk',
          ExpressionAttributeNames: { '#pk': definition.partitionKey },
          ConsistentRead: true,
        }),
      );
      return Item !== undefined;
    },

    /** Every centre; the registry is small (tens of centres), one query reads it. */
    async list(): Promise<Centre[]> {
      const centres: Centre[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': registryKeys.pk },
            ExclusiveStartKey: start,
          }),
        );
        centres.push(...(page.Items ?? []).map(toCentre));
        start = page.LastEvaluatedKey;
      } while (start);
      return centres;
    },
  };
}
