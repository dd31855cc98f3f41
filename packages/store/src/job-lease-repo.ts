import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Month } from '@crux/domain/period';
import { jobKeys } from './keys';

/** What the last finished run reached, handed to the run that takes the lease. */
export type JobState = { throughMonth?: Month | undefined };

/** Who holds the lease, for a run that found it taken. */
export type LeaseHolder = { runId: string; leaseUntil: string };

export type LeaseOutcome = { kind: 'acquired'; state: JobState } | { kind: 'held'; holder: LeaseHolder };

/**
 * One figures run at a time. Two overlapping runs could otherwise clear a marker with figures computed
 * before the other run's newer data. The lease is short and renewed while the run lives, so a run that
 * dies (a crash, a killed process, a Lambda timeout) blocks the next one for at most a lease's length.
 */
export function jobLeaseRepo(doc: DynamoDBDocumentClient, table: string) {
  return {
    /** Takes the lease if it is free or expired; otherwise says who holds it until when. */
    async acquire(runId: string, now: string, until: string): Promise<LeaseOutcome> {
      try {
        const result = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: jobKeys.figuresState,
            UpdateExpression: 'SET runId = :run, leaseUntil = :until',
            ConditionExpression: 'attribute_not_exists(leaseUntil) OR leaseUntil < :now',
            ExpressionAttributeValues: { ':run': runId, ':until': until, ':now': now },
            ReturnValues: 'ALL_OLD',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        const old = result.Attributes ?? {};
        const throughMonth = typeof old.throughMonth === 'string' ? old.throughMonth : undefined;
        return { kind: 'acquired', state: { throughMonth } };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const held = error.Item ? unmarshall(error.Item) : {};
        return { kind: 'held', holder: { runId: String(held.runId), leaseUntil: String(held.leaseUntil) } };
      }
    },

    /** Extends a lease this run still holds; false when it has lost it (expired and taken by another run). */
    async renew(runId: string, until: string): Promise<boolean> {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: jobKeys.figuresState,
            UpdateExpression: 'SET leaseUntil = :until',
            ConditionExpression: 'runId = :run',
            ExpressionAttributeValues: { ':run': runId, ':until': until },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    /** Ends the run: frees the lease and stores its summary (and, when it finished, the month it reached). */
    async release(runId: string, lastRun: Record<string, unknown>, throughMonth?: Month): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: jobKeys.figuresState,
          UpdateExpression: `SET lastRun = :last${throughMonth ? ', throughMonth = :through' : ''} REMOVE runId, leaseUntil`,
          ConditionExpression: 'runId = :run',
          ExpressionAttributeValues: {
            ':run': runId,
            ':last': lastRun,
            ...(throughMonth ? { ':through': throughMonth } : {}),
          },
        }),
      );
    },
  };
}
