import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monthOf } from '@crux/domain/period';
import { conversationUses } from '@crux/domain/wheel/check';
import type { Conversation, ConversationCreate, ConversationUpdate, Plan } from '@crux/domain/wheel/schema';
import type { CatalogueRefusal } from './activities-repo';
import { markMonthDirty } from './dirty-markers';
import { type Idempotency, type Replay, rememberAnswer } from './idempotency';
import { centreKeys } from './keys';
import { assertIssued, type TenantScope } from './tenant-scope';
import { type TransactItem, transact } from './transact';
import {
  assertOwnPlan,
  planVersionCondition,
  toConversation,
  toPlan,
  wheelCatalogueCheck,
} from './wheel-items';

/** A recorded conversation as answered: the conversation, and the plan's version it moved on to. */
export type Recorded = { conversation: Conversation; planVersion: number };

export type RecordOutcome =
  | { kind: 'written'; recorded: Recorded }
  | Replay
  | { kind: 'not_found' }
  | { kind: 'outside_participation' }
  | { kind: 'stale'; current: Plan | null }
  | CatalogueRefusal;

export type CorrectOutcome =
  | { kind: 'written'; conversation: Conversation }
  | { kind: 'not_found' }
  | { kind: 'stale'; current: Conversation }
  | CatalogueRefusal;

export type RemoveOutcome =
  | { kind: 'deleted' }
  | { kind: 'not_found' }
  | { kind: 'stale'; current: Conversation };

/**
 * Wheel conversations, recorded on the participant's plan. Each write is one transaction with what the
 * figures count of it (its tally, dated, in the same transaction) and the month's dirty marker, so a
 * conversation is counted by itself, once, and never registered a second time on *I dag*.
 */
export function conversationsRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);

  /** What the figures count of a conversation: who, when, and where the participant placed themselves. */
  const tally = (
    c: Pick<Conversation, 'id' | 'participantId' | 'date' | 'scale' | 'positions'>,
  ): TransactItem => ({
    Put: {
      TableName: table,
      Item: {
        ...centreKeys.conversationTally(scope, c.date, c.id),
        id: c.id,
        participantId: c.participantId,
        date: c.date,
        scale: c.scale,
        positions: c.positions.participant,
      },
    },
  });

  /** A conversation still there, not deleted, at the version shown (`:version`); the stored item handed back if not. */
  const current = (participantId: string, date: string, id: string) => ({
    TableName: table,
    Key: centreKeys.conversation(scope, participantId, date, id),
    ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deletedAt) AND version = :version',
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  });

  const refusal = (stored: Record<string, unknown> | undefined) =>
    !stored || stored.deletedAt
      ? ({ kind: 'not_found' } as const)
      : ({ kind: 'stale', current: toConversation(stored) } as const);

  return {
    /**
     * Records a conversation: the conversation in the participant's collection, its tally, the plan's
     * positions (and next conversation) moved on from the version shown, a check that the day lies within
     * the participation, the month's dirty marker, the catalogue's check, and the remembered answer.
     */
    async record(
      participantId: string,
      id: string,
      input: ConversationCreate,
      now: string,
      idem: Idempotency,
    ): Promise<RecordOutcome> {
      assertOwnPlan(scope, participantId);
      const { planVersion, ...fields } = input;
      const conversation: Conversation = { ...fields, id, participantId, version: 1, createdAt: now };
      const planKey = centreKeys.plan(scope, participantId);
      const stamp = { ':now': now, ':by': scope.subject, ':role': scope.role, ':next': planVersion + 1 };
      const plan: TransactItem =
        planVersion === 0
          ? {
              Put: {
                TableName: table,
                Item: {
                  ...planKey,
                  participantId,
                  version: 1,
                  scale: input.scale,
                  positions: input.positions,
                  goals: [],
                  steps: {},
                  partners: [],
                  consent: {},
                  ...(input.nextConversation ? { nextConversation: input.nextConversation } : {}),
                  updatedAt: now,
                  updatedBy: scope.subject,
                  updatedByRole: scope.role,
                },
                ...planVersionCondition(0),
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            }
          : {
              Update: {
                TableName: table,
                Key: planKey,
                UpdateExpression: `SET positions = :positions, #scale = :scale, version = :next, updatedAt = :now, updatedBy = :by, updatedByRole = :role${input.nextConversation ? ', nextConversation = :nextConversation' : ' REMOVE nextConversation'}`,
                ExpressionAttributeNames: { '#scale': 'scale' },
                ...planVersionCondition(planVersion),
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            };
      if (plan.Update)
        plan.Update.ExpressionAttributeValues = {
          ...plan.Update.ExpressionAttributeValues,
          ...stamp,
          ':positions': input.positions,
          ':scale': input.scale,
          ...(input.nextConversation ? { ':nextConversation': input.nextConversation } : {}),
        };
      const items: TransactItem[] = [
        {
          Put: {
            TableName: table,
            Item: {
              ...centreKeys.conversation(scope, participantId, input.date, id),
              ...conversation,
              createdBy: scope.subject,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        tally(conversation),
        plan,
        {
          ConditionCheck: {
            TableName: table,
            Key: centreKeys.participant(scope, participantId),
            ConditionExpression:
              'attribute_exists(PK) AND startDate <= :date AND (attribute_not_exists(endDate) OR endDate >= :date)',
            ExpressionAttributeValues: { ':date': input.date },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        markMonthDirty(scope, table, monthOf(input.date)),
        wheelCatalogueCheck(table, conversationUses(input)),
      ];
      const recorded: Recorded = { conversation, planVersion: planVersion + 1 };
      const outcome = await transact(
        doc,
        items,
        rememberAnswer(table, scope, idem, { status: 201, body: recorded }),
      );
      if (outcome.kind === 'written') return { kind: 'written', recorded };
      if (outcome.kind !== 'condition_failed') return outcome;
      switch (outcome.index) {
        case 2:
          return { kind: 'stale', current: outcome.current ? toPlan(outcome.current) : null };
        case 3:
          return outcome.current ? { kind: 'outside_participation' } : { kind: 'not_found' };
        case 5:
          return { kind: 'catalogue_refused', catalogue: outcome.current };
        default:
          throw new Error('conversation id collision');
      }
    },

    /**
     * Corrects a conversation (who took part, positions, notes, the next one) against the version shown;
     * its tally follows, and its month is recounted. The plan's positions stay as they are.
     */
    async correct(
      participantId: string,
      date: string,
      id: string,
      update: ConversationUpdate,
      now: string,
    ): Promise<CorrectOutcome> {
      assertOwnPlan(scope, participantId);
      const { version, notes, nextConversation, ...fields } = update;
      const conversation: Conversation = {
        ...fields,
        ...(notes ? { notes } : {}),
        ...(nextConversation ? { nextConversation } : {}),
        id,
        participantId,
        date,
        version: version + 1,
        createdAt: '',
        updatedAt: now,
      };
      const removed = [...(notes ? [] : ['notes']), ...(nextConversation ? [] : ['nextConversation'])];
      const outcome = await transact(doc, [
        {
          Update: {
            ...current(participantId, date, id),
            UpdateExpression: `SET attendees = :attendees, positions = :positions, #scale = :scale, version = :next, updatedAt = :now, updatedBy = :by${notes ? ', notes = :notes' : ''}${nextConversation ? ', nextConversation = :nextConversation' : ''}${removed.length ? ` REMOVE ${removed.join(', ')}` : ''}`,
            ExpressionAttributeNames: { '#scale': 'scale' },
            ExpressionAttributeValues: {
              ':attendees': fields.attendees,
              ':positions': fields.positions,
              ':scale': fields.scale,
              ':next': version + 1,
              ':now': now,
              ':by': scope.subject,
              ':version': version,
              ...(notes ? { ':notes': notes } : {}),
              ...(nextConversation ? { ':nextConversation': nextConversation } : {}),
            },
          },
        },
        tally(conversation),
        markMonthDirty(scope, table, monthOf(date)),
        wheelCatalogueCheck(table, conversationUses(update)),
      ]);
      if (outcome.kind === 'written') {
        const { createdAt: _unknown, ...changed } = conversation;
        return { kind: 'written', conversation: changed as Conversation };
      }
      if (outcome.kind !== 'condition_failed') throw new Error('a correction has no idempotency key');
      if (outcome.index === 3) return { kind: 'catalogue_refused', catalogue: outcome.current };
      return refusal(outcome.current);
    },

    /**
     * Deletes a conversation against the version shown: kept, marked deleted (who and when), out of the
     * page and of the figures (its tally goes, its month is recounted).
     */
    async remove(
      participantId: string,
      date: string,
      id: string,
      version: number,
      now: string,
    ): Promise<RemoveOutcome> {
      assertOwnPlan(scope, participantId);
      const outcome = await transact(doc, [
        {
          Update: {
            ...current(participantId, date, id),
            UpdateExpression: 'SET deletedAt = :now, deletedBy = :by, version = :next',
            ExpressionAttributeValues: {
              ':now': now,
              ':by': scope.subject,
              ':next': version + 1,
              ':version': version,
            },
          },
        },
        { Delete: { TableName: table, Key: centreKeys.conversationTally(scope, date, id) } },
        markMonthDirty(scope, table, monthOf(date)),
      ]);
      if (outcome.kind === 'written') return { kind: 'deleted' };
      return refusal(outcome.kind === 'condition_failed' ? outcome.current : undefined);
    },
  };
}
