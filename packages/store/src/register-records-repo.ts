import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  IncomeRecord,
  PositionRecord,
  RegisterRecords,
  ShopMonthRecord,
  VolunteerRecord,
} from '@crux/domain/figures/records';
import type { IsoDate } from '@crux/domain/period';
import type { Participation } from '@crux/domain/rollup/participation';
import { getAll } from './batch';
import { centreKeys } from './keys';
import { queryAll, queryPrefix } from './query-all';
import { table as tableDef } from './table';
import { assertIssued, type TenantScope } from './tenant-scope';
import { entriesOf } from './volunteer-hours-repo';

const byEnd = tableDef.indexes[0];

/** A volunteer or a staff position as the figures job reads it: what it counts, and its marker's state. */
export type CountedSpan = Participation & { sortKey: string } & (
    | ({ register: 'volunteer' } & VolunteerRecord)
    | ({ register: 'position' } & PositionRecord)
  );

// `percent` is a word DynamoDB reserves: it is read by a placeholder.
const PROJECTION = 'SK, id, startDate, endDate, version, countedFrom, countedThrough, #percent, substitute';
const PROJECTION_NAMES = { '#percent': 'percent' };
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function toSpan(item: Record<string, unknown>): CountedSpan {
  const sortKey = String(item.SK);
  const span = {
    sortKey,
    id: String(item.id),
    startDate: String(item.startDate),
    endDate: str(item.endDate),
    version: Number(item.version),
    countedFrom: str(item.countedFrom),
    countedThrough: str(item.countedThrough),
  };
  return sortKey.startsWith(centreKeys.positionPrefix)
    ? { ...span, register: 'position', percent: Number(item.percent), substitute: item.substitute === true }
    : { ...span, register: 'volunteer' };
}

/**
 * What the figures job reads of a centre's registers to count a year: the volunteers and positions
 * active in it (a range of the by-end index, so those that ended before are never read), the changed
 * ones as they are now, and the year's dated records (hours, kilograms, income) in one range.
 */
export function registerRecordsRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  if (!byEnd) throw new Error('table definition has no by-end index');
  return {
    async spansActive(from: IsoDate, to: IsoDate): Promise<CountedSpan[]> {
      const items = await queryAll(doc, {
        TableName: table,
        IndexName: byEnd.name,
        KeyConditionExpression: '#pk = :pk AND #sk >= :from',
        FilterExpression: 'startDate <= :to',
        ExpressionAttributeNames: { '#pk': byEnd.partitionKey, '#sk': byEnd.sortKey, ...PROJECTION_NAMES },
        ExpressionAttributeValues: { ':pk': centreKeys.spanPk(scope), ':from': from, ':to': to },
        ProjectionExpression: PROJECTION,
      });
      return items.map(toSpan);
    },

    /** Changed spans as they are now, read strongly consistent, so the marker cleared is the version counted. */
    async spansNow(sortKeys: readonly string[]): Promise<CountedSpan[]> {
      const keys = sortKeys.map((SK) => ({ PK: centreKeys.pk(scope), SK }));
      return (await getAll(doc, table, keys, PROJECTION, PROJECTION_NAMES)).map(toSpan);
    },

    async datedOfYear(year: number): Promise<Omit<RegisterRecords, 'volunteers' | 'positions'>> {
      const items = await queryPrefix(doc, table, centreKeys.pk(scope), centreKeys.registersOfYear(year), {
        consistent: true,
      });
      const of = (what: string) =>
        items.filter((i) => String(i.SK).startsWith(`${centreKeys.registersOfYear(year)}${what}#`));
      const shopMonths: ShopMonthRecord[] = of('SHOP').map((i) => ({
        month: String(i.month),
        kilograms: Number(i.kilograms),
      }));
      const income: IncomeRecord[] = items
        .filter((i) => i.SK === centreKeys.income(scope, year).SK)
        .flatMap((i) =>
          Object.entries((i.amounts ?? {}) as Record<string, number>).map(([source, amount]) => ({
            year,
            source,
            amount: Number(amount),
          })),
        );
      const volunteerHours = entriesOf(of('VH')).map(({ date, volunteerId, arena, hours }) => ({
        date,
        volunteerId,
        arena,
        hours,
      }));
      return { volunteerHours, shopMonths, income };
    },
  };
}

/** The spans read, as the engine's registers: volunteers and positions apart. */
export function registersOf(
  spans: readonly CountedSpan[],
  dated: Omit<RegisterRecords, 'volunteers' | 'positions'>,
): RegisterRecords {
  return {
    ...dated,
    volunteers: spans.filter((s) => s.register === 'volunteer'),
    positions: spans.flatMap((s) => (s.register === 'position' ? [s] : [])),
  };
}
