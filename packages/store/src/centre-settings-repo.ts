import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { startingCatalogue } from '@crux/domain/catalogue/starting';
import type { CentreId } from '@crux/domain/centre';
import type { CentreSettings, CentreSettingsUpdate } from '@crux/domain/centre-settings';
import { checkCentreSettings, defaultCentreSettings } from '@crux/domain/centre-settings';
import { catalogueCheck } from './catalogue-repo';
import { centreKeys, PARTICIPANT_SIGN_IN, signInKeys } from './keys';
import { assertIssued, type TenantScope } from './tenant-scope';
import { type TransactItem, transact } from './transact';

export type SettingsOutcome =
  | { kind: 'written'; settings: CentreSettings }
  | { kind: 'stale'; current: CentreSettings }
  | { kind: 'catalogue_refused'; catalogue: Record<string, unknown> | undefined };

function toSettings(item: Record<string, unknown> | undefined): CentreSettings {
  if (!item) return defaultCentreSettings;
  const { PK: _pk, SK: _sk, ...settings } = item;
  return { participantSignIn: false, ...settings } as CentreSettings;
}

/**
 * For a participant's own write, in its transaction: the centre still lets its participants sign in, so
 * turning it off stops their writes at once (their reads end when their token does).
 */
export function participantSignInCheck(scope: TenantScope, table: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: table,
      Key: centreKeys.settings(scope),
      ConditionExpression: '#on = :on',
      ExpressionAttributeNames: { '#on': PARTICIPANT_SIGN_IN },
      ExpressionAttributeValues: { ':on': true },
    },
  };
}

/**
 * Whether a centre lets its participants sign in: for the sign-in trigger, which holds no tenant scope
 * (no one has signed in yet) and may read this one attribute and nothing else (infra/lib/tenant-policy.ts).
 */
export async function participantSignInOpen(
  doc: DynamoDBDocumentClient,
  table: string,
  centre: CentreId,
): Promise<boolean> {
  const { Item } = await doc.send(
    new GetCommand({
      TableName: table,
      Key: signInKeys.centreSettings(centre),
      ProjectionExpression: '#on',
      ExpressionAttributeNames: { '#on': PARTICIPANT_SIGN_IN },
      ConsistentRead: true,
    }),
  );
  return Item?.[PARTICIPANT_SIGN_IN] === true;
}

/** The centre's own choices (which kinds *I dag* shows): one item, versioned, the defaults until set. */
export function centreSettingsRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return {
    async get(): Promise<CentreSettings> {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: centreKeys.settings(scope) }));
      return toSettings(Item);
    },

    /** Sets the choices if they are still the version shown, and the kinds are in the catalogue and in use. */
    async set(update: CentreSettingsUpdate, now: string): Promise<SettingsOutcome> {
      const settings: CentreSettings = {
        todayKinds: update.todayKinds,
        participantSignIn: update.participantSignIn ?? false,
        version: update.version + 1,
        updatedAt: now,
        updatedBy: scope.subject,
      };
      const check = catalogueCheck(
        table,
        [...new Set(update.todayKinds)].map((id) => ({ list: 'activityKinds' as const, id, daily: true })),
        checkCentreSettings(startingCatalogue, update).ok,
      );
      if (check.ConditionCheck) check.ConditionCheck.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
      const outcome = await transact(doc, [
        {
          Put: {
            TableName: table,
            Item: { ...centreKeys.settings(scope), ...settings },
            ConditionExpression: update.version === 0 ? 'attribute_not_exists(PK)' : 'version = :v',
            ...(update.version === 0 ? {} : { ExpressionAttributeValues: { ':v': update.version } }),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        check,
      ]);
      if (outcome.kind === 'written') return { kind: 'written', settings };
      if (outcome.kind !== 'condition_failed') throw new Error('settings have no idempotency key');
      if (outcome.index === 1) return { kind: 'catalogue_refused', catalogue: outcome.current };
      return { kind: 'stale', current: toSettings(outcome.current) };
    },
  };
}
