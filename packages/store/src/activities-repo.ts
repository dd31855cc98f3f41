import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type {
  ActivitiesCreate,
  ActivityEntry,
  ActivityListQuery,
  ActivityUpdate,
} from '@crux/domain/activity';
import { checkSave } from '@crux/domain/activity';
import { startingCatalogue } from '@crux/domain/catalogue/starting';
import { monthOf } from '@crux/domain/period';
import { entriesCheck } from './catalogue-repo';
import { decodeCursor, encodeCursor, type Page } from './cursor';
import { markMonthDirty } from './dirty-markers';
import { type Idempotency, type Replay, rememberAnswer } from './idempotency';
import { centreKeys } from './keys';
import { assertIssued, type TenantScope } from './tenant-scope';
import { type TransactItem, transact } from './transact';

const internal = new Set(['PK', 'SK', 'deletedAt', 'deletedBy']);

function toEntry(item: Record<string, unknown>): ActivityEntry {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !internal.has(k))) as ActivityEntry;
}

/** Why a write naming kinds of the catalogue was refused: the catalogue as it is, to say which entry broke which rule. */
export type CatalogueRefusal = { kind: 'catalogue_refused'; catalogue: Record<string, unknown> | undefined };

export type RecordOutcome =
  | { kind: 'written'; entries: ActivityEntry[] }
  | Replay
  | { kind: 'unknown_participant'; participantId: string }
  | CatalogueRefusal;

export type CorrectOutcome =
  | { kind: 'written'; entry: ActivityEntry }
  | { kind: 'not_found' }
  | { kind: 'stale'; current: ActivityEntry }
  | { kind: 'unknown_participant'; participantId: string }
  | CatalogueRefusal;

export type RemoveOutcome =
  | { kind: 'deleted' }
  | { kind: 'not_found' }
  | { kind: 'stale'; current: ActivityEntry };

export function activitiesRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);

  /** What a write of entries also checks: each named participant at this centre, and the catalogue. */
  function checks(entries: readonly ActivityEntry[]): { items: TransactItem[]; named: string[] } {
    const named = [...new Set(entries.flatMap((e) => (e.participantId ? [e.participantId] : [])))];
    const items: TransactItem[] = named.map((id) => ({
      ConditionCheck: {
        TableName: table,
        Key: centreKeys.participant(scope, id),
        // An anonymous copy left by an erasure is no one: nothing new may name it.
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(anonymous)',
      },
    }));
    const validInStarting = checkSave(startingCatalogue, { date: '2000-01-01', entries: [...entries] }).ok;
    const catalogue = entriesCheck(table, entries, validInStarting);
    if (catalogue.ConditionCheck) catalogue.ConditionCheck.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
    items.push(catalogue);
    return { items, named };
  }

  /** Maps a failed check (at `index` among `checks`'s items) to what the caller tells the user. */
  function refusal(index: number, named: string[], current: Record<string, unknown> | undefined) {
    const participantId = named[index];
    if (participantId) return { kind: 'unknown_participant' as const, participantId };
    if (index === named.length) return { kind: 'catalogue_refused' as const, catalogue: current };
    return undefined;
  }

  return {
    /**
     * One save of *I dag* is one transaction: an entry per item, a check that each named participant
     * exists at this centre and that each kind is in the catalogue and in use, the month's dirty marker
     * for the figures job, and the remembered answer — all or nothing.
     */
    async record(
      input: ActivitiesCreate,
      newId: () => string,
      now: string,
      idem: Idempotency,
    ): Promise<RecordOutcome> {
      const entries: ActivityEntry[] = input.entries.map((item) => ({
        ...item,
        id: newId(),
        date: input.date,
        version: 1,
        createdAt: now,
        createdBy: scope.subject,
      }));
      const puts: TransactItem[] = entries.map((entry) => ({
        Put: {
          TableName: table,
          Item: { ...centreKeys.activity(scope, entry.date, entry.id), ...entry },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      }));
      const { items, named } = checks(entries);
      const body = { items: entries };
      const outcome = await transact(
        doc,
        [...puts, markMonthDirty(scope, table, monthOf(input.date)), ...items],
        rememberAnswer(table, scope, idem, { status: 201, body }),
      );
      if (outcome.kind === 'written') return { kind: 'written', entries };
      if (outcome.kind !== 'condition_failed') return outcome;
      const why = refusal(outcome.index - entries.length - 1, named, outcome.current);
      if (why) return why;
      throw new Error('activity id collision');
    },

    /**
     * Corrects one entry (its kind, count or participant; a day is moved by deleting and registering
     * anew), if it is still the version shown: one transaction with the checks a new entry gets and the
     * month's dirty marker, so the figures job recounts the month. Who corrected it, and when, is kept.
     */
    async correct(date: string, id: string, update: ActivityUpdate, now: string): Promise<CorrectOutcome> {
      const { version, participantId, ...fields } = update;
      const entry: ActivityEntry = {
        ...fields,
        ...(participantId ? { participantId } : {}),
        id,
        date,
        version: version + 1,
        createdAt: '',
        createdBy: '',
        updatedAt: now,
        updatedBy: scope.subject,
      };
      const { items, named } = checks([entry]);
      const outcome = await transact(doc, [
        {
          Update: {
            TableName: table,
            Key: centreKeys.activity(scope, date, id),
            UpdateExpression: `SET kind = :kind, #count = :count, version = :next, updatedAt = :now, updatedBy = :by${participantId ? ', participantId = :p' : ' REMOVE participantId'}`,
            ConditionExpression:
              'attribute_exists(PK) AND attribute_not_exists(deletedAt) AND version = :version',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: {
              ':kind': fields.kind,
              ':count': fields.count,
              ':next': version + 1,
              ':now': now,
              ':by': scope.subject,
              ':version': version,
              ...(participantId ? { ':p': participantId } : {}),
            },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        markMonthDirty(scope, table, monthOf(date)),
        ...items,
      ]);
      if (outcome.kind === 'written') {
        const { createdAt: _a, createdBy: _b, ...changed } = entry;
        return { kind: 'written', entry: changed as ActivityEntry };
      }
      if (outcome.kind !== 'condition_failed') throw new Error('a correction has no idempotency key');
      if (outcome.index === 0) {
        const current = outcome.current;
        return !current || current.deletedAt
          ? { kind: 'not_found' }
          : { kind: 'stale', current: toEntry(current) };
      }
      const why = refusal(outcome.index - 2, named, outcome.current);
      if (why) return why;
      throw new Error('unexpected condition failure');
    },

    /**
     * Deletes one entry, if it is still the version shown. The item stays, marked deleted (who and when),
     * out of every list and count; the month is marked for the figures job in the same transaction.
     */
    async remove(date: string, id: string, version: number, now: string): Promise<RemoveOutcome> {
      const outcome = await transact(doc, [
        {
          Update: {
            TableName: table,
            Key: centreKeys.activity(scope, date, id),
            UpdateExpression: 'SET deletedAt = :now, deletedBy = :by, version = :next',
            ConditionExpression:
              'attribute_exists(PK) AND attribute_not_exists(deletedAt) AND version = :version',
            ExpressionAttributeValues: {
              ':now': now,
              ':by': scope.subject,
              ':next': version + 1,
              ':version': version,
            },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        markMonthDirty(scope, table, monthOf(date)),
      ]);
      if (outcome.kind === 'written') return { kind: 'deleted' };
      const current = outcome.kind === 'condition_failed' ? outcome.current : undefined;
      return !current || current.deletedAt
        ? { kind: 'not_found' }
        : { kind: 'stale', current: toEntry(current) };
    },

    /** Entries dated from `from` to `to`, both included, in date order; deleted ones are left out. */
    async list(query: ActivityListQuery): Promise<Page<ActivityEntry> | 'bad_cursor'> {
      const pk = centreKeys.pk(scope);
      const from = centreKeys.activityFrom(query.from);
      const to = centreKeys.activityTo(query.to);
      const startSk = query.cursor ? decodeCursor(query.cursor, { from, to }) : undefined;
      if (query.cursor && !startSk) return 'bad_cursor';
      const result = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          FilterExpression: 'attribute_not_exists(deletedAt)',
          ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
          Limit: query.limit,
          ...(startSk ? { ExclusiveStartKey: { PK: pk, SK: startSk } } : {}),
        }),
      );
      const last = result.LastEvaluatedKey?.SK;
      return {
        items: (result.Items ?? []).map(toEntry),
        ...(typeof last === 'string' ? { nextCursor: encodeCursor(last) } : {}),
      };
    },
  };
}
