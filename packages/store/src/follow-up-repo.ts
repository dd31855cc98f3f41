import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  emptyFollowUp,
  type NamedVolunteer,
  type VolunteerFollowUp,
  type VolunteerFollowUpUpdate,
} from '@crux/domain/registers/follow-up';
import { centreKeys } from './keys';
import { assertIssued, type TenantScope } from './tenant-scope';
import { type TransactItem, transact } from './transact';

export type FollowUpOutcome =
  | { kind: 'written'; followUp: VolunteerFollowUp }
  | { kind: 'stale'; current: VolunteerFollowUp }
  | { kind: 'unknown_volunteer'; volunteerId: string };

function toFollowUp(year: number, item: Record<string, unknown> | undefined): VolunteerFollowUp {
  if (!item) return emptyFollowUp(year);
  const { PK: _pk, SK: _sk, ...doc } = item;
  return doc as VolunteerFollowUp;
}

/**
 * The volunteers' year (well-being talks, gatherings): one item a year, versioned. Every volunteer it
 * names is checked in the same transaction to be the centre's, and a volunteer on the days named.
 */
export function followUpRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return {
    async get(year: number): Promise<VolunteerFollowUp> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: centreKeys.volunteerFollowUp(scope, year) }),
      );
      return toFollowUp(year, Item);
    },

    async set(
      year: number,
      update: VolunteerFollowUpUpdate,
      named: readonly NamedVolunteer[],
      now: string,
    ): Promise<FollowUpOutcome> {
      const { version, ...content } = update;
      const followUp: VolunteerFollowUp = {
        ...content,
        year,
        version: version + 1,
        updatedAt: now,
        updatedBy: scope.subject,
      };
      const checks: TransactItem[] = named.map((n) => ({
        ConditionCheck: {
          TableName: table,
          Key: centreKeys.volunteer(scope, n.volunteerId),
          ConditionExpression: n.first
            ? 'startDate <= :first AND (attribute_not_exists(endDate) OR endDate >= :last)'
            : 'attribute_exists(PK)',
          ...(n.first ? { ExpressionAttributeValues: { ':first': n.first, ':last': n.last } } : {}),
        },
      }));
      const outcome = await transact(doc, [
        {
          Put: {
            TableName: table,
            Item: { ...centreKeys.volunteerFollowUp(scope, year), ...followUp },
            ConditionExpression: version === 0 ? 'attribute_not_exists(PK)' : 'version = :v',
            ...(version === 0 ? {} : { ExpressionAttributeValues: { ':v': version } }),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        ...checks,
      ]);
      if (outcome.kind === 'written') return { kind: 'written', followUp };
      if (outcome.kind !== 'condition_failed') throw new Error('follow-up has no idempotency key');
      if (outcome.index === 0) return { kind: 'stale', current: toFollowUp(year, outcome.current) };
      return { kind: 'unknown_volunteer', volunteerId: named[outcome.index - 1]?.volunteerId ?? '' };
    },
  };
}
