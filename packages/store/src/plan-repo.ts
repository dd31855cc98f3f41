import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ownPlanUses, planUses } from '@crux/domain/wheel/check';
import type { OwnPlanUpdate, Plan, PlanPage, PlanUpdate, StepMark } from '@crux/domain/wheel/schema';
import type { CatalogueRefusal } from './activities-repo';
import { participantSignInCheck } from './centre-settings-repo';
import { centreKeys } from './keys';
import { toParticipant } from './participants-repo';
import { queryAll } from './query-all';
import { assertIssued, type TenantScope } from './tenant-scope';
import { type TransactItem, transact } from './transact';
import {
  assertOwnPlan,
  planVersionCondition,
  stepsToMap,
  toConversation,
  toPlan,
  wheelCatalogueCheck,
} from './wheel-items';

/**
 * What a write changed, as its answer: the whole plan where the write had it whole, else the fields it
 * wrote (a transaction hands back nothing, and the rest of the plan is as the writer last read it).
 */
export type PlanChange = Partial<Plan> & Pick<Plan, 'version' | 'updatedAt' | 'updatedByRole'>;

export type PlanOutcome<W = PlanChange> =
  | { kind: 'written'; plan: W }
  | { kind: 'not_found' }
  | { kind: 'stale'; current: Plan | null }
  | { kind: 'sign_in_off' }
  | CatalogueRefusal;

/**
 * A participant's plan (*Arbeidshjulet*): the page with the participant, the plan and every conversation
 * in one Query of the participant's item collection, and the plan's writes, each one request against the
 * version shown. Staff write the plan whole; the participant writes their own positions and goals; either
 * marks a step done. Reached through an issued TenantScope; a participant's scope reaches only their own.
 */
export function planRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);

  const participantExists = (participantId: string): TransactItem => ({
    ConditionCheck: {
      TableName: table,
      Key: centreKeys.participant(scope, participantId),
      ConditionExpression: 'attribute_exists(PK)',
    },
  });

  /** The participant's own writes also need the centre to let them sign in. */
  const signInStillOpen = (): TransactItem[] =>
    scope.role === 'participant' ? [participantSignInCheck(scope, table)] : [];

  const stamp = (now: string) => ({ updatedAt: now, updatedBy: scope.subject, updatedByRole: scope.role });

  /** One transaction: the plan's write (item 0), then the checks in order. Maps a failure to its outcome. */
  async function write<W>(
    plan: TransactItem,
    checks: { participant?: TransactItem; catalogue: TransactItem },
    written: W,
  ): Promise<PlanOutcome<W>> {
    const items = [plan, ...(checks.participant ? [checks.participant] : []), checks.catalogue];
    const outcome = await transact(doc, [...items, ...signInStillOpen()]);
    if (outcome.kind === 'written') return { kind: 'written', plan: written };
    if (outcome.kind !== 'condition_failed') throw new Error('a plan write has no idempotency key');
    const at = items[outcome.index];
    if (at === plan) return { kind: 'stale', current: outcome.current ? toPlan(outcome.current) : null };
    if (at === checks.participant) return { kind: 'not_found' };
    if (at === checks.catalogue) return { kind: 'catalogue_refused', catalogue: outcome.current };
    return { kind: 'sign_in_off' };
  }

  return {
    /**
     * The participant's page: the participant, its plan and its conversations (deleted ones left out),
     * one Query of the item collection. Undefined when there is no such participant.
     */
    async page(participantId: string): Promise<PlanPage | undefined> {
      assertOwnPlan(scope, participantId);
      const { from, to } = centreKeys.participantCollection(participantId);
      const items = await queryAll(doc, {
        TableName: table,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        FilterExpression: 'attribute_not_exists(deletedAt)',
        ExpressionAttributeValues: { ':pk': centreKeys.pk(scope), ':from': from, ':to': to },
      });
      const [first, ...rest] = items;
      if (!first || first.SK !== centreKeys.participant(scope, participantId).SK) return undefined;
      const planSk = centreKeys.plan(scope, participantId).SK;
      const plan = rest.find((i) => i.SK === planSk);
      return {
        participant: toParticipant(first),
        plan: plan ? toPlan(plan) : null,
        conversations: rest.filter((i) => i !== plan).map(toConversation),
      };
    },

    /** Staff write the plan whole, against the version shown (0 makes it). */
    async write(participantId: string, update: PlanUpdate, now: string): Promise<PlanOutcome<Plan>> {
      assertOwnPlan(scope, participantId);
      const { version, steps, ...fields } = update;
      const plan: Plan = {
        participantId,
        ...fields,
        steps,
        version: version + 1,
        updatedAt: now,
        updatedByRole: scope.role,
      };
      return write(
        {
          Put: {
            TableName: table,
            Item: {
              ...centreKeys.plan(scope, participantId),
              ...plan,
              ...stamp(now),
              steps: stepsToMap(steps),
            },
            ...planVersionCondition(version),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        {
          participant: participantExists(participantId),
          catalogue: wheelCatalogueCheck(table, planUses(update)),
        },
        plan,
      );
    },

    /**
     * What the participant writes themselves: where they are now and their goals, against the version
     * shown; staff's positions, the steps and the partners are left as they are.
     */
    async writeOwn(participantId: string, own: OwnPlanUpdate, now: string): Promise<PlanOutcome> {
      assertOwnPlan(scope, participantId);
      const key = centreKeys.plan(scope, participantId);
      const created: Plan = {
        participantId,
        version: 1,
        scale: own.scale,
        positions: { participant: own.positions, staff: {} },
        goals: own.goals,
        steps: [],
        partners: [],
        consent: {},
        updatedAt: now,
        updatedByRole: scope.role,
      };
      const item: TransactItem =
        own.version === 0
          ? {
              Put: {
                TableName: table,
                Item: { ...key, ...created, ...stamp(now), steps: {} },
                ConditionExpression: 'attribute_not_exists(PK)',
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            }
          : {
              Update: {
                TableName: table,
                Key: key,
                UpdateExpression:
                  'SET positions.participant = :positions, goals = :goals, #scale = :scale, version = :next, updatedAt = :now, updatedBy = :by, updatedByRole = :role',
                ConditionExpression: 'version = :expected',
                ExpressionAttributeNames: { '#scale': 'scale' },
                ExpressionAttributeValues: {
                  ':positions': own.positions,
                  ':goals': own.goals,
                  ':scale': own.scale,
                  ':next': own.version + 1,
                  ':now': now,
                  ':by': scope.subject,
                  ':role': scope.role,
                  ':expected': own.version,
                },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            };
      const changed: PlanChange = {
        version: own.version + 1,
        scale: own.scale,
        goals: own.goals,
        updatedAt: now,
        updatedByRole: scope.role,
      };
      return write(
        item,
        {
          participant: participantExists(participantId),
          catalogue: wheelCatalogueCheck(table, ownPlanUses(own)),
        },
        own.version === 0 ? created : changed,
      );
    },

    /** A step marked done on a day (or not done), against the plan's version shown. */
    async markStep(
      participantId: string,
      stepId: string,
      mark: StepMark,
      now: string,
    ): Promise<PlanOutcome | { kind: 'no_step' }> {
      assertOwnPlan(scope, participantId);
      const outcome = await transact(doc, [
        {
          Update: {
            TableName: table,
            Key: centreKeys.plan(scope, participantId),
            UpdateExpression: `${mark.done ? 'SET steps.#step.done = :done,' : 'REMOVE steps.#step.done SET'} version = :next, updatedAt = :now, updatedBy = :by, updatedByRole = :role`,
            ConditionExpression: 'version = :expected AND attribute_exists(steps.#step)',
            ExpressionAttributeNames: { '#step': stepId },
            ExpressionAttributeValues: {
              ...(mark.done ? { ':done': mark.done } : {}),
              ':next': mark.version + 1,
              ':now': now,
              ':by': scope.subject,
              ':role': scope.role,
              ':expected': mark.version,
            },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        ...signInStillOpen(),
      ]);
      if (outcome.kind === 'written')
        return {
          kind: 'written',
          plan: { version: mark.version + 1, updatedAt: now, updatedByRole: scope.role },
        };
      if (outcome.kind !== 'condition_failed') throw new Error('a step mark has no idempotency key');
      if (outcome.index > 0) return { kind: 'sign_in_off' };
      const current = outcome.current ? toPlan(outcome.current) : null;
      if (!current) return { kind: 'not_found' };
      if (current.version !== mark.version) return { kind: 'stale', current };
      return { kind: 'no_step' };
    },
  };
}
