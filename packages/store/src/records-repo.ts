import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ActivityCount } from '@crux/domain/figures';
import type { IsoDate } from '@crux/domain/period';
import type { Participation } from '@crux/domain/rollup/participation';
import { getAll } from './batch';
import { centreKeys } from './keys';
import { queryAll } from './query-all';
import { table as tableDef } from './table';
import { assertIssued, type TenantScope } from './tenant-scope';

const byEnd = tableDef.indexes[0];

function toParticipation(item: Record<string, unknown>): Participation {
  return {
    id: String(item.id),
    startDate: String(item.startDate),
    endDate: typeof item.endDate === 'string' ? item.endDate : undefined,
    version: Number(item.version),
    countedFrom: typeof item.countedFrom === 'string' ? item.countedFrom : undefined,
    countedThrough: typeof item.countedThrough === 'string' ? item.countedThrough : undefined,
  };
}

/**
 * What the figures job reads of one centre's records to count a period: bounded by the period, never
 * the whole history. Reached through an issued TenantScope only.
 */
export function recordsRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  if (!byEnd) throw new Error('table definition has no by-end index');
  const query = (input: Omit<QueryCommandInput, 'TableName'>) =>
    queryAll(doc, { ...input, TableName: table });

  return {
    /**
     * Changed participants as they are now (strongly consistent, unlike the index the marker was found
     * in), so the figures count exactly the version whose marker is then cleared.
     */
    async participantsNow(ids: readonly string[]): Promise<Participation[]> {
      const items = await getAll(
        doc,
        table,
        ids.map((id) => centreKeys.participant(scope, id)),
        'id, startDate, endDate, version, countedFrom, countedThrough',
      );
      return items.map(toParticipation);
    },

    /**
     * Participations active somewhere in [from, to]: on the by-end index everything that ended on or after
     * `from` (open ones sort last), so participations that ended before the period are never read.
     */
    async participationsActive(from: IsoDate, to: IsoDate): Promise<Participation[]> {
      const items = await query({
        IndexName: byEnd.name,
        KeyConditionExpression: '#pk = :pk AND #sk >= :from',
        FilterExpression: 'startDate <= :to',
        ExpressionAttributeNames: { '#pk': byEnd.partitionKey, '#sk': byEnd.sortKey },
        ExpressionAttributeValues: { ':pk': centreKeys.participationPk(scope), ':from': from, ':to': to },
        ProjectionExpression: 'id, startDate, endDate, version',
      });
      return items.map(toParticipation);
    },

    /** Activity entries dated from `from` to `to`, both included, read strongly consistent. */
    async activities(from: IsoDate, to: IsoDate): Promise<ActivityCount[]> {
      const items = await query({
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#date': 'date', '#count': 'count' },
        ExpressionAttributeValues: {
          ':pk': centreKeys.pk(scope),
          ':from': centreKeys.activityFrom(from),
          ':to': centreKeys.activityTo(to),
        },
        ProjectionExpression: '#date, kind, #count',
        ConsistentRead: true,
      });
      return items.map((i) => ({
        date: String(i.date),
        kind: i.kind as ActivityCount['kind'],
        count: Number(i.count),
      }));
    },
  };
}
