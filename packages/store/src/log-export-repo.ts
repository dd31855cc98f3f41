import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { monthOf, monthsBetween, PLATFORM_START } from '@crux/domain/period';
import type { AccessLogEntry } from '@crux/domain/privacy/access-log';
import { addHours, type Chunk, type Hour, hourOf } from '@crux/domain/privacy/log-export';
import { toAccessLogEntry } from './access-log';
import { jobKeys } from './keys';
import { accessLogKeys } from './log-keys';
import { queryAll } from './query-all';
import { table as definition } from './table';

/**
 * What the access log's export reads and keeps: every centre's entries of a span of hours, from the
 * jobs' index (GSI2, a month of every centre in one partition, in time order), and its marker, the first
 * hour not yet exported. It reads the log and writes nothing but the marker.
 */
const jobsIndex = definition.indexes[1];
/** Months probed at once when the first run looks for the oldest entry. */
const PARALLEL_MONTHS = 12;

export function logExportRepo(doc: DynamoDBDocumentClient, table: string) {
  const index = { TableName: table, IndexName: jobsIndex.name };
  const pk = { '#pk': jobsIndex.partitionKey };
  return {
    /** The first hour not yet exported; none before the first run. */
    async next(): Promise<Hour | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: jobKeys.logExportState, ConsistentRead: true }),
      );
      return typeof Item?.nextHour === 'string' ? Item.nextHour : undefined;
    },

    /** The hour of the oldest entry in the log up to `untilMonth`, if there is one: where a first run starts. */
    async oldestHour(untilMonth: string): Promise<Hour | undefined> {
      const months = monthsBetween(monthOf(PLATFORM_START), untilMonth);
      for (let i = 0; i < months.length; i += PARALLEL_MONTHS) {
        const found = await Promise.all(
          months.slice(i, i + PARALLEL_MONTHS).map(async (month) => {
            const page = await doc.send(
              new QueryCommand({
                ...index,
                KeyConditionExpression: '#pk = :pk',
                ExpressionAttributeNames: pk,
                ExpressionAttributeValues: { ':pk': accessLogKeys.monthPk(month) },
                Limit: 1,
              }),
            );
            return page.Items?.[0]?.at;
          }),
        );
        const first = found.find((at) => typeof at === 'string');
        if (typeof first === 'string') return hourOf(first);
      }
      return undefined;
    },

    /** Every centre's entries of the chunk's hours (one UTC day at most, so one month of the index). */
    async entries(chunk: Chunk): Promise<AccessLogEntry[]> {
      const items = await queryAll(doc, {
        ...index,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ExpressionAttributeNames: { ...pk, '#sk': jobsIndex.sortKey },
        ExpressionAttributeValues: {
          ':pk': accessLogKeys.monthPk(monthOf(chunk.from.slice(0, 10))),
          ':from': accessLogKeys.hourFrom(chunk.from),
          ':to': accessLogKeys.hourTo(addHours(chunk.to, -1)),
        },
      });
      return items.map(toAccessLogEntry);
    },

    /**
     * Moves the marker from `expected` (none: the first run) to `to`. False when another run moved it
     * first: then that run is ahead, and this one stops.
     */
    async advance(expected: Hour | undefined, to: Hour): Promise<boolean> {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...jobKeys.logExportState, nextHour: to },
            ConditionExpression:
              expected === undefined ? 'attribute_not_exists(nextHour)' : 'nextHour = :expected',
            ...(expected === undefined ? {} : { ExpressionAttributeValues: { ':expected': expected } }),
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}
