import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type {
  Position,
  PositionCreate,
  PositionListQuery,
  PositionUpdate,
} from '@crux/domain/registers/positions';
import type * as z from 'zod/mini';
import type { Page } from './cursor';
import { type Idempotency, type Replay, rememberAnswer } from './idempotency';
import { centreKeys } from './keys';
import { listPage, spanItem, spanUpdate, toRecord } from './register-spans';
import { assertIssued, type TenantScope } from './tenant-scope';
import { transact } from './transact';

export type PositionUpdateOutcome =
  | { kind: 'written'; position: Position }
  | { kind: 'not_found' }
  | { kind: 'stale'; current: Position };

export const positionItem = (scope: TenantScope, p: Position) =>
  spanItem(scope, centreKeys.position(scope, p.id), p);

/** The centre's staff positions, kept by its leader. */
export function positionsRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return {
    async create(
      id: string,
      input: PositionCreate,
      now: string,
      idem: Idempotency,
    ): Promise<{ kind: 'written'; position: Position } | Replay> {
      const position: Position = {
        ...input,
        id,
        version: 1,
        createdAt: now,
        updatedAt: now,
        updatedBy: scope.subject,
      };
      const outcome = await transact(
        doc,
        [
          {
            Put: {
              TableName: table,
              Item: positionItem(scope, position),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
        rememberAnswer(table, scope, idem, { status: 201, body: position }),
      );
      if (outcome.kind === 'written') return { kind: 'written', position };
      if (outcome.kind === 'condition_failed') throw new Error('position id collision');
      return outcome;
    },

    /** A correction (an end, most often) against the version shown: one UpdateItem, answered whole. */
    async update(id: string, input: PositionUpdate, now: string): Promise<PositionUpdateOutcome> {
      const { version, ...fields } = input;
      try {
        const result = await doc.send(
          new UpdateCommand({
            ...spanUpdate(
              table,
              scope,
              centreKeys.position(scope, id),
              id,
              fields,
              ['endDate'],
              version,
              now,
            ),
            ReturnValues: 'ALL_NEW',
          }),
        );
        return { kind: 'written', position: toRecord<Position>(result.Attributes ?? {}) };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        return error.Item
          ? { kind: 'stale', current: toRecord<Position>(unmarshall(error.Item)) }
          : { kind: 'not_found' };
      }
    },

    list: (query: z.infer<typeof PositionListQuery>): Promise<Page<Position> | 'bad_cursor'> =>
      listPage<Position>(doc, table, scope, centreKeys.positionPrefix, query),
  };
}
