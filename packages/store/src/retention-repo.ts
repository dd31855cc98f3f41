import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type IsoDate, type Month, monthOf, monthsBetween, PLATFORM_START } from '@crux/domain/period';
import { deleteAll } from './batch';
import { centreKeys, jobKeys } from './keys';
import { accessLogKeys } from './log-keys';
import { queryAll } from './query-all';
import { table as definition } from './table';
import { assertIssued, type TenantScope } from './tenant-scope';

/**
 * What the retention job reads and deletes. The participants past retention are found per centre on
 * the participations-by-end index (GSI1, built from the scope); the access log's old entries on the jobs'
 * index (GSI2), a month of every centre at a time, from where the last run stopped.
 */
const [byEnd, jobsIndex] = definition.indexes;

export function retentionRepo(doc: DynamoDBDocumentClient, table: string) {
  return {
    /** The ids of the centre's participants whose participation ended before `cutoff`, not yet anonymised. */
    async endedBefore(scope: TenantScope, cutoff: IsoDate): Promise<string[]> {
      assertIssued(scope);
      const items = await queryAll(doc, {
        TableName: table,
        IndexName: byEnd.name,
        KeyConditionExpression: '#pk = :pk AND #sk < :cutoff',
        FilterExpression: 'attribute_not_exists(anonymous)',
        ExpressionAttributeNames: { '#pk': byEnd.partitionKey, '#sk': byEnd.sortKey },
        ExpressionAttributeValues: { ':pk': centreKeys.participationPk(scope), ':cutoff': cutoff },
        ProjectionExpression: 'id',
      });
      return items.map((i) => String(i.id));
    },

    /** The first month whose log entries may still be past retention: where the last run stopped. */
    async logSweptFrom(): Promise<Month> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: jobKeys.retentionState, ConsistentRead: true }),
      );
      return typeof Item?.logKeptFrom === 'string' ? monthOf(Item.logKeptFrom) : monthOf(PLATFORM_START);
    },

    /**
     * Deletes every centre's access-log entries of UTC days before `cutoff`, and remembers the cutoff so
     * the next run starts at its month. Returns how many entries went.
     */
    async deleteLogBefore(cutoff: IsoDate): Promise<number> {
      const months = monthsBetween(await this.logSweptFrom(), monthOf(cutoff));
      let deleted = 0;
      for (const month of months) {
        const keys = await queryAll(doc, {
          TableName: table,
          IndexName: jobsIndex.name,
          KeyConditionExpression: '#pk = :pk AND #sk < :cutoff',
          ExpressionAttributeNames: { '#pk': jobsIndex.partitionKey, '#sk': jobsIndex.sortKey },
          ExpressionAttributeValues: {
            ':pk': accessLogKeys.monthPk(month),
            ':cutoff': accessLogKeys.dayFrom(cutoff),
          },
          ProjectionExpression: 'PK, SK',
        });
        await deleteAll(doc, table, keys);
        deleted += keys.length;
      }
      await doc.send(
        new PutCommand({ TableName: table, Item: { ...jobKeys.retentionState, logKeptFrom: cutoff } }),
      );
      return deleted;
    },
  };
}
