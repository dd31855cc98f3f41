import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type {
  CentreRecords,
  ConversationRecord,
  EntryRecord,
  HoursRecord,
  MeasureRecord,
  ParticipationRecord,
  RegisterRecords,
} from '@crux/domain/figures/records';
import type { IsoDate } from '@crux/domain/period';
import type { Participation } from '@crux/domain/rollup/participation';
import { getAll } from './batch';
import { centreKeys } from './keys';
import { queryAll } from './query-all';
import { table as tableDef } from './table';
import { assertIssued, type TenantScope } from './tenant-scope';

const byEnd = tableDef.indexes[0];

/** A participation with what the figures count of it, and what the job needs to clear its marker. */
export type CountedParticipation = Participation &
  ParticipationRecord & {
    measures: MeasureRecord[];
    /** Order id → type, to tell which order hours were served on. */
    orderTypes: Map<string, string>;
  };

const PROJECTION =
  'id, startDate, endDate, version, seq, countedFrom, countedThrough, birthYear, gender, outcome, measures, orders';

type SpanItem = { type?: unknown; startDate?: unknown; endDate?: unknown };

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function toParticipation(item: Record<string, unknown>): CountedParticipation {
  const id = String(item.id);
  const endDate = str(item.endDate);
  // A measure left open past its participation's end counts only while the participation lasts.
  const clamp = (end: string | undefined) => (endDate && (!end || end > endDate) ? endDate : end);
  const measures = Object.values((item.measures ?? {}) as Record<string, SpanItem>).map((m) => ({
    participantId: id,
    type: String(m.type),
    startDate: String(m.startDate),
    endDate: clamp(str(m.endDate)),
  }));
  const orders = Object.entries((item.orders ?? {}) as Record<string, SpanItem>);
  return {
    id,
    startDate: String(item.startDate),
    endDate,
    version: Number(item.version),
    seq: typeof item.seq === 'number' ? item.seq : undefined,
    countedFrom: str(item.countedFrom),
    countedThrough: str(item.countedThrough),
    birthYear: Number(item.birthYear),
    gender: str(item.gender) as ParticipationRecord['gender'],
    outcome: str(item.outcome) as ParticipationRecord['outcome'],
    measures,
    orderTypes: new Map(orders.map(([orderId, o]) => [orderId, String(o.type)])),
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
  /** Items of a dated kind (`A#…`, `H#…`) from `from` to `to`, read strongly consistent, deleted ones left out. */
  const dated = (from: string, to: string, projection: string, names: Record<string, string>) =>
    query({
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      FilterExpression: 'attribute_not_exists(deletedAt)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':pk': centreKeys.pk(scope), ':from': from, ':to': to },
      ProjectionExpression: projection,
      ConsistentRead: true,
    });

  return {
    /**
     * Changed participants as they are now (strongly consistent, unlike the index the marker was found
     * in), so the figures count exactly the version whose marker is then cleared.
     */
    async participantsNow(ids: readonly string[]): Promise<CountedParticipation[]> {
      const items = await getAll(
        doc,
        table,
        ids.map((id) => centreKeys.participant(scope, id)),
        PROJECTION,
      );
      return items.map(toParticipation);
    },

    /**
     * Participations active somewhere in [from, to]: on the by-end index everything that ended on or after
     * `from` (open ones sort last), so participations that ended before the period are never read.
     */
    async participationsActive(from: IsoDate, to: IsoDate): Promise<CountedParticipation[]> {
      const items = await query({
        IndexName: byEnd.name,
        KeyConditionExpression: '#pk = :pk AND #sk >= :from',
        FilterExpression: 'startDate <= :to',
        ExpressionAttributeNames: { '#pk': byEnd.partitionKey, '#sk': byEnd.sortKey },
        ExpressionAttributeValues: { ':pk': centreKeys.participationPk(scope), ':from': from, ':to': to },
        ProjectionExpression: PROJECTION,
      });
      return items.map(toParticipation);
    },

    /** Entries dated from `from` to `to`, both included. */
    async entries(from: IsoDate, to: IsoDate): Promise<EntryRecord[]> {
      const items = await dated(
        centreKeys.activityFrom(from),
        centreKeys.activityTo(to),
        '#date, kind, #count, participantId',
        {
          '#date': 'date',
          '#count': 'count',
        },
      );
      return items.map((i) => ({
        date: String(i.date),
        kind: String(i.kind),
        count: Number(i.count),
        participantId: str(i.participantId),
      }));
    },

    /** Wheel conversations dated from `from` to `to`, as their tallies (deleted ones have none). */
    async conversations(from: IsoDate, to: IsoDate): Promise<ConversationRecord[]> {
      const items = await dated(
        centreKeys.conversationTallyFrom(from),
        centreKeys.conversationTallyTo(to),
        'id, #date, participantId, #scale, positions',
        { '#date': 'date', '#scale': 'scale' },
      );
      return items.map((i) => ({
        id: String(i.id),
        date: String(i.date),
        participantId: String(i.participantId),
        scale: i.scale as ConversationRecord['scale'],
        positions: (i.positions ?? {}) as ConversationRecord['positions'],
      }));
    },

    /** Hours logged from `from` to `to`, each with the type of its order (from the participations given). */
    async hours(
      from: IsoDate,
      to: IsoDate,
      participations: readonly CountedParticipation[],
    ): Promise<HoursRecord[]> {
      const items = await dated(
        centreKeys.hoursFrom(from),
        centreKeys.hoursTo(to),
        '#date, hours, participantId, orderId',
        {
          '#date': 'date',
        },
      );
      const types = new Map(
        participations.flatMap((p) => [...p.orderTypes].map(([order, type]) => [`${p.id}:${order}`, type])),
      );
      return items.flatMap((i) => {
        const orderType = types.get(`${String(i.participantId)}:${String(i.orderId)}`);
        // Hours lie within their order and participation, so the order is among the year's participations.
        return orderType
          ? [
              {
                date: String(i.date),
                orderType,
                participantId: String(i.participantId),
                hours: Number(i.hours),
              },
            ]
          : [];
      });
    },
  };
}

/** The records of a centre-year as the engine counts them. */
export function centreRecords(
  participations: readonly CountedParticipation[],
  entries: readonly EntryRecord[],
  hours: readonly HoursRecord[],
  conversations: readonly ConversationRecord[],
  registers: RegisterRecords,
): CentreRecords {
  return {
    ...registers,
    participations,
    entries,
    hours,
    conversations,
    measures: participations.flatMap((p) => p.measures),
  };
}
