import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  DeleteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Figures } from '@crux/domain/figure-set';
import type { ActivityCount, ParticipationSpan } from '@crux/domain/figures';
import type { IsoDate, Month } from '@crux/domain/period';
import { type StoredYear, toFigures } from './figure-items';
import { centreKeys, DIRTY, headOfficeKeys, jobKeys } from './keys';
import { queryAll } from './query-all';
import { table as tableDef } from './table';
import { assertIssued, type TenantScope } from './tenant-scope';

/**
 * The figures job's access to the table: the one query over every stale marker, the records a
 * recomputation needs (bounded by the affected period, never the whole history), and the writes of the
 * centre, head-office and network figures. Centre data is reached through an issued TenantScope only.
 */

const [byEnd, dirtyIndex] = tableDef.indexes;

/** `open`: the participation has no end, so it counts up to the current month at every run. */
export const OPEN = 'open';
export type CountedThrough = Month | typeof OPEN;

export type DirtyMarker =
  | { kind: 'month'; centre: string; month: Month; seq: number }
  | { kind: 'participant'; centre: string; id: string };

/** A participation as the figures need it, plus what the job needs to clear its marker. */
export type Participation = ParticipationSpan & {
  version: number;
  /** The months the job last counted it in; absent before the first run that saw it. */
  countedFrom?: Month | undefined;
  countedThrough?: CountedThrough | undefined;
};

/** A head-office partition as stored: every centre's year item and month figures, `TOTAL` included. */
export type StoredHeadOfficeYear = {
  years: Map<string, StoredYear>;
  /** month → centre → figures */
  months: Map<Month, Map<string, Figures>>;
};

export type JobState = { throughMonth?: Month | undefined };

const BATCH_WRITE_MAX = 25;
const BATCH_GET_MAX = 100;
const UNPROCESSED_RETRIES = 8;

/** Parses `<centre>#M#<month>` and `<centre>#P#<id>`; anything else is not a marker this job knows. */
function parseMarker(sk: unknown, seq: unknown): DirtyMarker | undefined {
  if (typeof sk !== 'string') return undefined;
  const match = /^([a-z0-9-]+)#([MP])#(.+)$/.exec(sk);
  if (!match) return undefined;
  const [, centre = '', kind, rest = ''] = match;
  if (kind === 'P') return { kind: 'participant', centre, id: rest };
  if (!/^\d{4}-\d{2}$/.test(rest) || typeof seq !== 'number') return undefined;
  return { kind: 'month', centre, month: rest, seq };
}

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function figuresRepo(doc: DynamoDBDocumentClient, table: string) {
  const query = (input: Omit<QueryCommandInput, 'TableName'>) =>
    queryAll(doc, { ...input, TableName: table });

  return {
    /** Every stale centre-month and changed participant of every centre: one query on the dirty index. */
    async dirtyMarkers(): Promise<DirtyMarker[]> {
      if (!dirtyIndex) throw new Error('table definition has no dirty index');
      const items = await query({
        IndexName: dirtyIndex.name,
        KeyConditionExpression: '#pk = :dirty',
        ExpressionAttributeNames: { '#pk': dirtyIndex.partitionKey, '#sk': dirtyIndex.sortKey },
        ExpressionAttributeValues: { ':dirty': DIRTY },
        ProjectionExpression: '#sk, seq',
      });
      return items.flatMap((i) => parseMarker(i[dirtyIndex.sortKey], i.seq) ?? []);
    },

    /**
     * Changed participants as they are now (strongly consistent, unlike the index the marker was found
     * in), so the figures count exactly the version whose marker is then cleared.
     */
    async participantsNow(scope: TenantScope, ids: readonly string[]): Promise<Participation[]> {
      assertIssued(scope);
      const out: Participation[] = [];
      for (let i = 0; i < ids.length; i += BATCH_GET_MAX) {
        let keys: Record<string, unknown>[] = ids
          .slice(i, i + BATCH_GET_MAX)
          .map((id) => centreKeys.participant(scope, id));
        for (let attempt = 0; keys.length > 0; attempt++) {
          if (attempt > UNPROCESSED_RETRIES) throw new Error('BatchGet: keys left unprocessed');
          if (attempt > 0) await sleep(25 * 2 ** attempt);
          const result = await doc.send(
            new BatchGetCommand({
              RequestItems: {
                [table]: {
                  Keys: keys,
                  ConsistentRead: true,
                  ProjectionExpression: 'id, startDate, endDate, version, countedFrom, countedThrough',
                },
              },
            }),
          );
          out.push(...(result.Responses?.[table] ?? []).map(toParticipation));
          keys = result.UnprocessedKeys?.[table]?.Keys ?? [];
        }
      }
      return out;
    },

    /**
     * Participations active somewhere in [from, to]: on the by-end index everything that ended on or after
     * `from` (open ones sort last), so participations that ended before the period are never read.
     */
    async participationsActive(scope: TenantScope, from: IsoDate, to: IsoDate): Promise<Participation[]> {
      assertIssued(scope);
      if (!byEnd) throw new Error('table definition has no by-end index');
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
    async activities(scope: TenantScope, from: IsoDate, to: IsoDate): Promise<ActivityCount[]> {
      assertIssued(scope);
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

    /** A year's head-office partition in one query: every centre and the totals, years and (optionally) months. */
    async headOfficeYear(year: number, withMonths: boolean): Promise<StoredHeadOfficeYear> {
      const items = await query({
        KeyConditionExpression: withMonths ? 'PK = :pk' : 'PK = :pk AND begins_with(SK, :y)',
        ExpressionAttributeValues: {
          ':pk': headOfficeKeys.pk(year),
          ...(withMonths ? {} : { ':y': headOfficeKeys.yearPrefix }),
        },
        ConsistentRead: true,
      });
      const out: StoredHeadOfficeYear = { years: new Map(), months: new Map() };
      for (const item of items) {
        const sk = String(item.SK);
        const centre = String(item.centre);
        if (sk.startsWith(headOfficeKeys.yearPrefix)) {
          out.years.set(centre, {
            centre,
            name: typeof item.name === 'string' ? item.name : undefined,
            figures: toFigures(item.figures),
            previous: item.previous ? toFigures(item.previous) : null,
          });
        } else if (sk.startsWith(headOfficeKeys.monthPrefix)) {
          const month = String(item.month);
          const byCentre = out.months.get(month) ?? new Map<string, Figures>();
          byCentre.set(centre, toFigures(item.figures));
          out.months.set(month, byCentre);
        }
      }
      return out;
    },

    /** Puts in batches of 25, retrying what DynamoDB leaves unprocessed. Each put is idempotent. */
    async putAll(items: readonly Record<string, unknown>[]): Promise<void> {
      for (let i = 0; i < items.length; i += BATCH_WRITE_MAX) {
        let pending: NonNullable<BatchWriteCommandInput['RequestItems']>[string] = items
          .slice(i, i + BATCH_WRITE_MAX)
          .map((Item) => ({ PutRequest: { Item } }));
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt > UNPROCESSED_RETRIES) throw new Error('BatchWrite: items left unprocessed');
          if (attempt > 0) await sleep(25 * 2 ** attempt);
          const result = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
          pending = result.UnprocessedItems?.[table] ?? [];
        }
      }
    },

    /** Deletes a month marker only if no write has bumped its `seq` since the job read it. */
    async clearMonthMarker(scope: TenantScope, month: Month, seq: number): Promise<boolean> {
      assertIssued(scope);
      const { PK, SK } = centreKeys.dirtyMonth(scope, month);
      try {
        await doc.send(
          new DeleteCommand({
            TableName: table,
            Key: { PK, SK },
            ConditionExpression: 'seq = :seq',
            ExpressionAttributeValues: { ':seq': seq },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    /**
     * Takes a participant off the dirty index and records the months it is now counted in, if it is still
     * the version the figures were computed from. If it changed meanwhile it stays dirty, but the counted
     * months are recorded all the same: the run recomputed every month an older version was counted in
     * and counted this version in exactly these, so the next run recomputes them and the new version's.
     */
    async clearParticipantMarker(
      scope: TenantScope,
      p: Participation,
      counted: { from: Month; through: CountedThrough },
    ): Promise<boolean> {
      assertIssued(scope);
      if (!dirtyIndex) throw new Error('table definition has no dirty index');
      const update = {
        TableName: table,
        Key: centreKeys.participant(scope, p.id),
        ExpressionAttributeValues: { ':from': counted.from, ':through': counted.through },
      };
      try {
        await doc.send(
          new UpdateCommand({
            ...update,
            UpdateExpression: 'SET countedFrom = :from, countedThrough = :through REMOVE #gpk, #gsk',
            ConditionExpression: 'version = :version',
            ExpressionAttributeNames: { '#gpk': dirtyIndex.partitionKey, '#gsk': dirtyIndex.sortKey },
            ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':version': p.version },
          }),
        );
        return true;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      try {
        await doc.send(
          new UpdateCommand({
            ...update,
            UpdateExpression: 'SET countedFrom = :from, countedThrough = :through',
            ConditionExpression: 'attribute_exists(PK)',
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      return false;
    },

    /**
     * One run at a time: a lease on the job's state item, taken only if free or expired. Two overlapping
     * runs could otherwise clear a marker with figures computed before the other run's newer data.
     * Returns the state as it was, or undefined when another run holds the lease.
     */
    async acquireLease(runId: string, now: string, until: string): Promise<JobState | undefined> {
      try {
        const result = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: jobKeys.figuresState,
            UpdateExpression: 'SET runId = :run, leaseUntil = :until',
            ConditionExpression: 'attribute_not_exists(leaseUntil) OR leaseUntil < :now',
            ExpressionAttributeValues: { ':run': runId, ':until': until, ':now': now },
            ReturnValues: 'ALL_OLD',
          }),
        );
        const old = result.Attributes ?? {};
        return { throughMonth: typeof old.throughMonth === 'string' ? old.throughMonth : undefined };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return undefined;
        throw error;
      }
    },

    /** Ends the run: frees the lease and stores its summary (and, when it finished, the month it reached). */
    async releaseLease(runId: string, lastRun: Record<string, unknown>, throughMonth?: Month): Promise<void> {
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

export type FiguresRepo = ReturnType<typeof figuresRepo>;
