import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { CheckedAnswer } from '@crux/domain/survey/answer';
import { surveyKeys } from './keys';
import { codeHash } from './survey-rounds-repo';
import { assertIssued, type TenantScope } from './tenant-scope';
import { transact } from './transact';

/**
 * What the answer route (no token) may do at one centre: find its open round, and give one answer with a
 * one-time code. Its scope is the centre the request names; the code is the proof that the answer
 * belongs there, and it reaches nothing but the centre's survey partitions.
 */
export type OpenRound = { round: string; year: number; version: number };

export type AnswerOutcome =
  | { kind: 'written' }
  /** No such code for this round of this centre (a code of another centre or round is no code here). */
  | { kind: 'unknown_code' }
  | { kind: 'used_code' }
  | { kind: 'round_closed' };

export function surveyAnswersRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return {
    /** The centre's open round, if one: one GetItem. */
    async openRound(): Promise<OpenRound | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: surveyKeys.openRound(scope), ConsistentRead: true }),
      );
      return Item
        ? { round: String(Item.round), year: Number(Item.year), version: Number(Item.version) }
        : undefined;
    },

    /**
     * One answer, in one transaction: the code consumed (it must exist for this round and be unused), a
     * check that the round is open with the version the page showed, and the answer, under a random id,
     * with its choices and its free text and nothing else. The code item keeps only that it was used;
     * the answer keeps no code, no time and no order, so the two can never be joined.
     */
    async answer(
      round: string,
      version: number,
      code: string,
      answer: CheckedAnswer,
    ): Promise<AnswerOutcome> {
      const outcome = await transact(doc, [
        {
          Update: {
            TableName: table,
            Key: surveyKeys.code(scope, round, codeHash(code)),
            UpdateExpression: 'SET used = :true',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(used)',
            ExpressionAttributeValues: { ':true': true },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        {
          ConditionCheck: {
            TableName: table,
            Key: surveyKeys.round(scope, round),
            ConditionExpression: '#status = :open AND version = :version',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':open': 'open', ':version': version },
          },
        },
        {
          Put: {
            TableName: table,
            Item: {
              ...surveyKeys.answer(scope, round, randomUUID()),
              choices: answer.choices,
              ...(Object.keys(answer.texts).length ? { texts: answer.texts } : {}),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ]);
      if (outcome.kind === 'written') return { kind: 'written' };
      if (outcome.kind !== 'condition_failed') throw new Error('an answer has no idempotency record');
      if (outcome.index === 0) return outcome.current ? { kind: 'used_code' } : { kind: 'unknown_code' };
      return { kind: 'round_closed' };
    },
  };
}
