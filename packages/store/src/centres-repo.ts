import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Centre, CentreInput } from '@crux/domain/centre';
import { type Idempotency, type Replay, rememberAnswer } from './idempotency';
import { registryKeys } from './keys';
import { queryPrefix } from './query-all';
import { table as definition } from './table';
import { transact } from './transact';

export type CentreOutcome = { kind: 'written'; centre: Centre } | Replay | { kind: 'exists'; centre: Centre };

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
    async create(input: CentreInput, now: string, idem: Idempotency): Promise<CentreOutcome> {
      const centre: Centre = { ...input, createdAt: now };
      const outcome = await transact(
        doc,
        [
          {
            Put: {
              TableName: table,
              Item: { ...registryKeys.centre(input.id), ...centre },
              ConditionExpression: 'attribute_not_exists(PK)',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
        ],
        rememberAnswer(table, 'admin', idem, { status: 201, body: centre }),
      );
      if (outcome.kind === 'written') return { kind: 'written', centre };
      if (outcome.kind !== 'condition_failed') return outcome;
      return { kind: 'exists', centre: toCentre(outcome.current ?? {}) };
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
      return (await queryPrefix(doc, table, registryKeys.pk, '')).map(toCentre);
    },
  };
}
