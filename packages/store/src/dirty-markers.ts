import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Month } from '@crux/domain/period';
import type { DirtyMarker } from '@crux/domain/rollup/markers';
import type { CountedThrough, Participation } from '@crux/domain/rollup/participation';
import { centreKeys, DIRTY, parseDirtyMarker, surveyKeys } from './keys';
import { queryAll } from './query-all';
import { table as tableDef } from './table';
import { assertIssued, type TenantScope } from './tenant-scope';
import type { TransactItem } from './transact';

const dirtyIndex = tableDef.indexes[1];

/**
 * Marks a centre-month's figures stale, inside the same transaction as the write that made them stale:
 * the figures job recomputes only marked months, and no write can be missed. `seq` lets the job delete
 * the marker only if nothing was written after it read it.
 */
export function markMonthDirty(scope: TenantScope, table: string, month: Month): TransactItem {
  const { PK, SK, GSI2PK, GSI2SK } = centreKeys.dirtyMonth(scope, month);
  return {
    Update: {
      TableName: table,
      Key: { PK, SK },
      UpdateExpression: 'SET GSI2PK = :g, GSI2SK = :gs, #month = :month ADD seq :one',
      ExpressionAttributeNames: { '#month': 'month' },
      ExpressionAttributeValues: { ':g': GSI2PK, ':gs': GSI2SK, ':month': month, ':one': 1 },
    },
  };
}

/** The figures job's side of the markers: find them all, and clear each one it has handled. */
export function dirtyMarkersRepo(doc: DynamoDBDocumentClient, table: string) {
  const index = dirtyIndex;
  if (!index) throw new Error('table definition has no dirty index');

  /**
   * An item that is its own marker: off the index if still `version` (and `seq`, which a participant's
   * measures and orders bump; no seq is none written since), its counted months recorded.
   */
  async function clearSelfMarked(
    key: { PK: string; SK: string },
    seen: { version: number; seq?: number | undefined },
    counted: { from: Month; through: CountedThrough },
  ): Promise<boolean> {
    const update = {
      TableName: table,
      Key: key,
      ExpressionAttributeValues: { ':from': counted.from, ':through': counted.through },
    };
    try {
      await doc.send(
        new UpdateCommand({
          ...update,
          UpdateExpression: 'SET countedFrom = :from, countedThrough = :through REMOVE #gpk, #gsk',
          ConditionExpression: `version = :version AND ${seen.seq === undefined ? 'attribute_not_exists(seq)' : 'seq = :seq'}`,
          ExpressionAttributeNames: { '#gpk': index.partitionKey, '#gsk': index.sortKey },
          ExpressionAttributeValues: {
            ...update.ExpressionAttributeValues,
            ':version': seen.version,
            ...(seen.seq === undefined ? {} : { ':seq': seen.seq }),
          },
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    try {
      await doc.send(
        new UpdateCommand({
          ...update,
          UpdateExpression: 'SET countedFrom = :from, countedThrough = :through',
          ConditionExpression: 'attribute_exists(PK)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    return false;
  }

  return {
    /** Every stale centre-month and changed participant of every centre: one query on the dirty index. */
    async all(): Promise<DirtyMarker[]> {
      const items = await queryAll(doc, {
        TableName: table,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :dirty',
        ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
        ExpressionAttributeValues: { ':dirty': DIRTY },
        ProjectionExpression: '#sk, seq',
      });
      return items.flatMap((i) => parseDirtyMarker(i[index.sortKey], i.seq) ?? []);
    },

    /** Deletes a month marker only if no write has bumped its `seq` since the job read it. */
    async clearMonth(scope: TenantScope, month: Month, seq: number): Promise<boolean> {
      assertIssued(scope);
      const { PK, SK } = centreKeys.dirtyMonth(scope, month);
      try {
        await doc.send(
          new DeleteCommand({
            TableName: table,
            Key: { PK, SK },
            ConditionExpression: 'seq = :seq',
            ExpressionAttributeValues: { ':seq': seq },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    /** Takes a closed survey round off the dirty index, once its year's figures and results are written. */
    async clearRound(scope: TenantScope, round: string): Promise<boolean> {
      assertIssued(scope);
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: surveyKeys.round(scope, round),
            UpdateExpression: 'REMOVE #gpk, #gsk',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeNames: { '#gpk': dirtyIndex.partitionKey, '#gsk': dirtyIndex.sortKey },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    /**
     * Takes a participant off the dirty index and records the months it is now counted in, if it is still
     * the version (and its measures and orders the `seq`) the figures were computed from. If it changed meanwhile it stays dirty, but the counted
     * months are recorded all the same: the run recomputed every month an older version was counted in
     * and counted this version in exactly these, so the next run recomputes them and the new version's.
     */
    clearParticipant(
      scope: TenantScope,
      p: Participation,
      counted: { from: Month; through: CountedThrough },
    ): Promise<boolean> {
      assertIssued(scope);
      return clearSelfMarked(centreKeys.participant(scope, p.id), p, counted);
    },

    /** The same for a register's span (a volunteer, a staff position), by its sort key. */
    clearSpan(
      scope: TenantScope,
      sortKey: string,
      version: number,
      counted: { from: Month; through: CountedThrough },
    ): Promise<boolean> {
      assertIssued(scope);
      return clearSelfMarked({ PK: centreKeys.pk(scope), SK: sortKey }, { version }, counted);
    },
  };
}
