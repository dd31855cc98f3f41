import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
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
     * A centre registered by an onboarding (the centre with its first leader): the item carries the
     * request's mark, so the same request sent again finds its own centre (`written`) where any other
     * finds the id taken (`exists`). One conditional PutItem.
     */
    async registerForOnboarding(
      input: CentreInput,
      now: string,
      mark: string,
    ): Promise<{ kind: 'written' | 'exists'; centre: Centre }> {
      const centre: Centre = { ...input, createdAt: now };
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...registryKeys.centre(input.id), ...centre, onboarding: mark },
            ConditionExpression: 'attribute_not_exists(PK) OR onboarding = :mark',
            ExpressionAttributeValues: { ':mark': mark },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { kind: 'written', centre };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        return { kind: 'exists', centre: toCentre(error.Item ? unmarshall(error.Item) : {}) };
      }
    },

    /** Takes back a centre its onboarding registered, when its leader could not be made after all. */
    async withdrawOnboarding(id: string, mark: string): Promise<void> {
      await doc
        .send(
          new DeleteCommand({
            TableName: table,
            Key: registryKeys.centre(id),
            ConditionExpression: 'onboarding = :mark',
            ExpressionAttributeValues: { ':mark': mark },
          }),
        )
        .catch((error: unknown) => {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        });
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
