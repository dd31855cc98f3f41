import { startingCatalogue } from '@crux/domain/catalogue/starting';
import { checkWheelUses, distinctUses, type WheelUses } from '@crux/domain/wheel/check';
import type { Conversation, Plan, Step } from '@crux/domain/wheel/schema';
import { catalogueCheck } from './catalogue-repo';
import type { TenantScope } from './tenant-scope';
import type { TransactItem } from './transact';

/**
 * How a plan and its conversations are stored, and the checks their writes share. A plan's steps are
 * kept as a map by id (with their place in the list), so marking one done is one update of one step.
 */

/** Keys and bookkeeping: never part of a plan or conversation as the API shows it. */
const internal = new Set(['PK', 'SK', 'updatedBy', 'createdBy', 'deletedAt', 'deletedBy']);

const shown = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !internal.has(k)));

type StoredStep = Step & { place: number };

export function stepsToMap(steps: readonly Step[]): Record<string, StoredStep> {
  return Object.fromEntries(steps.map((step, place) => [step.id, { ...step, place }]));
}

export function toPlan(item: Record<string, unknown>): Plan {
  const { steps, ...rest } = shown(item);
  const list = Object.values((steps ?? {}) as Record<string, StoredStep>)
    .sort((a, b) => a.place - b.place)
    .map(({ place: _place, ...step }) => step);
  return { ...(rest as Omit<Plan, 'steps'>), steps: list };
}

export function toConversation(item: Record<string, unknown>): Conversation {
  return shown(item) as Conversation;
}

/**
 * A participant's scope reaches that participant's plan and nothing else: a second guard behind the
 * request pipeline's, so a handler that passed another id still cannot read or write it.
 */
export function assertOwnPlan(scope: TenantScope, participantId: string): void {
  if (scope.role === 'participant' && scope.participant !== participantId)
    throw new Error("a participant's scope reaches only their own plan");
}

/** The catalogue check of a wheel write: its domains and partner types in use, its scale the catalogue's. */
export function wheelCatalogueCheck(table: string, uses: WheelUses): TransactItem {
  const check = catalogueCheck(
    table,
    distinctUses(uses),
    checkWheelUses(startingCatalogue, uses, true).ok,
    uses.scale,
  );
  if (check.ConditionCheck) check.ConditionCheck.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
  return check;
}

/** A plan's version as the write expects it: no item yet for version 0, else exactly that version. */
export function planVersionCondition(version: number) {
  return version === 0
    ? { ConditionExpression: 'attribute_not_exists(PK)' }
    : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': version } };
}
