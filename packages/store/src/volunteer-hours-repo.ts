import { type DynamoDBDocumentClient, TransactGetCommand } from '@aws-sdk/lib-dynamodb';
import { startingCatalogue } from '@crux/domain/catalogue/starting';
import { type Month, monthOf } from '@crux/domain/period';
import {
  checkVolunteerHours,
  type VolunteerHoursCreate,
  type VolunteerHoursEntry,
  type VolunteerHoursUpdate,
} from '@crux/domain/registers/volunteers';
import { catalogueCheck } from './catalogue-repo';
import { markMonthDirty } from './dirty-markers';
import { type Idempotency, type Replay, rememberAnswer } from './idempotency';
import { centreKeys } from './keys';
import { queryPrefix } from './query-all';
import { toRecord } from './register-spans';
import { assertIssued, type TenantScope } from './tenant-scope';
import { type TransactItem, transact } from './transact';

/**
 * A volunteer's hours, one item a volunteer and month with each day's log as an attribute of its own
 * (`e#<id>`): a month or a year of one volunteer is read by key together with the record in one
 * TransactGetItems, so a volunteer's own read checks the link to their account in the same request; the
 * staff's month of every volunteer is one range; the figures job reads a year in the registers' range.
 * Every write marks its month for the job in the same transaction.
 */
const ENTRY = 'e#';
const entryName = (id: string) => `${ENTRY}${id}`;

/** Who writes: staff and leaders for any volunteer of the centre, a volunteer only on their own record. */
export type Writer = { volunteer?: string };

type StoredEntry = VolunteerHoursEntry & { deletedAt?: string };

/** The entries of month items, deleted ones left out, in date order. */
export function entriesOf(items: readonly Record<string, unknown>[]): VolunteerHoursEntry[] {
  return items
    .flatMap((item) =>
      Object.entries(item)
        .filter(([k]) => k.startsWith(ENTRY))
        .map(([, v]) => ({ ...(v as StoredEntry), volunteerId: String(item.volunteerId) })),
    )
    .filter((e) => e.deletedAt === undefined)
    .map(({ deletedAt: _d, deletedBy: _b, ...e }: StoredEntry & { deletedBy?: string }) => e)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * `not_own`: the writer is a volunteer and the record is not the one linked to their account (or there is
 * none): a reach into another's record, which the access log records as refused, not as a missing entry.
 */
type NotOwn = { kind: 'not_own' };

export type LogOutcome =
  | { kind: 'written'; entry: VolunteerHoursEntry }
  | Replay
  | { kind: 'not_found' }
  | NotOwn
  | { kind: 'outside_volunteering' }
  | { kind: 'catalogue_refused'; catalogue: Record<string, unknown> | undefined };

export type EntryOutcome =
  | { kind: 'written'; entry: Omit<VolunteerHoursEntry, 'createdAt' | 'createdBy'> }
  | { kind: 'not_found' }
  | NotOwn
  | { kind: 'stale'; current: VolunteerHoursEntry }
  | { kind: 'catalogue_refused'; catalogue: Record<string, unknown> | undefined };

export function volunteerHoursRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);

  /** That the record exists (and, for a volunteer, is theirs), optionally that `date` lies in its span. */
  function recordCheck(volunteerId: string, writer: Writer, date?: string): TransactItem {
    const terms = ['attribute_exists(PK)'];
    const values: Record<string, unknown> = {};
    if (writer.volunteer) {
      terms.push('account = :account');
      values[':account'] = writer.volunteer;
    }
    if (date) {
      terms.push('startDate <= :day AND (attribute_not_exists(endDate) OR endDate >= :day)');
      values[':day'] = date;
    }
    return {
      ConditionCheck: {
        TableName: table,
        Key: centreKeys.volunteer(scope, volunteerId),
        ConditionExpression: terms.join(' AND '),
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  function arenaCheck(arena: string): TransactItem {
    const check = catalogueCheck(
      table,
      [{ list: 'volunteerArenas', id: arena }],
      checkVolunteerHours(startingCatalogue, { arena }).ok,
    );
    if (check.ConditionCheck) check.ConditionCheck.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
    return check;
  }

  /** A change to one stored entry, on condition that it is the version shown, of that day, and not deleted. */
  async function change(
    volunteerId: string,
    date: string,
    id: string,
    version: number,
    set: Record<string, unknown>,
    extra: TransactItem[],
    writer: Writer,
  ) {
    const names: Record<string, string> = { '#e': entryName(id), '#date': 'date' };
    const values: Record<string, unknown> = { ':expected': version, ':date': date };
    const assignments = Object.entries(set).map(([k, v]) => {
      names[`#${k}`] = k;
      values[`:${k}`] = v;
      return `#e.#${k} = :${k}`;
    });
    // A volunteer's own-record check goes first: when it fails, the outcome names it whatever else failed.
    const own = writer.volunteer ? [recordCheck(volunteerId, writer)] : [];
    const items: TransactItem[] = [
      ...own,
      {
        Update: {
          TableName: table,
          Key: centreKeys.volunteerHours(scope, monthOf(date), volunteerId),
          UpdateExpression: `SET ${assignments.join(', ')}`,
          ConditionExpression:
            'attribute_exists(#e) AND #e.version = :expected AND #e.#date = :date AND attribute_not_exists(#e.deletedAt)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      markMonthDirty(scope, table, monthOf(date)),
      ...extra,
    ];
    const outcome = await transact(doc, items);
    return { outcome, catalogueIndex: items.length - 1, updateIndex: own.length };
  }

  /** Why a change failed: the volunteer's own-record check, the catalogue, or the entry as stored. */
  function changeRefused(
    failed: { index: number; current: Record<string, unknown> | undefined },
    at: { catalogueIndex: number; updateIndex: number },
    writer: Writer,
    id: string,
    version: number,
  ): EntryOutcome {
    if (writer.volunteer && failed.index === 0) return { kind: 'not_own' };
    if (failed.index === at.catalogueIndex && failed.index !== at.updateIndex)
      return { kind: 'catalogue_refused', catalogue: failed.current };
    return failed.index === at.updateIndex ? refusal(failed.current, id, version) : { kind: 'not_found' };
  }

  /** Why a change to an entry failed, from the month item as it is stored. */
  function refusal(stored: Record<string, unknown> | undefined, id: string, version: number): EntryOutcome {
    const entry = stored?.[entryName(id)] as StoredEntry | undefined;
    if (!entry || entry.deletedAt !== undefined || !stored) return { kind: 'not_found' };
    const [current] = entriesOf([{ volunteerId: stored.volunteerId, [entryName(id)]: entry }]);
    return current && current.version !== version ? { kind: 'stale', current } : { kind: 'not_found' };
  }

  return {
    async log(
      volunteerId: string,
      id: string,
      input: VolunteerHoursCreate,
      writer: Writer,
      now: string,
      idem: Idempotency,
    ): Promise<LogOutcome> {
      const entry: VolunteerHoursEntry = {
        ...input,
        id,
        volunteerId,
        version: 1,
        createdAt: now,
        createdBy: scope.subject,
      };
      const { volunteerId: _v, ...stored } = entry;
      const month = monthOf(input.date);
      const outcome = await transact(
        doc,
        [
          {
            Update: {
              TableName: table,
              Key: centreKeys.volunteerHours(scope, month, volunteerId),
              UpdateExpression: 'SET #e = :entry, volunteerId = :v, #month = :month',
              ConditionExpression: 'attribute_not_exists(#e)',
              ExpressionAttributeNames: { '#e': entryName(id), '#month': 'month' },
              ExpressionAttributeValues: { ':entry': stored, ':v': volunteerId, ':month': month },
            },
          },
          recordCheck(volunteerId, writer, input.date),
          arenaCheck(input.arena),
          markMonthDirty(scope, table, month),
        ],
        rememberAnswer(table, scope, idem, { status: 201, body: entry }),
      );
      if (outcome.kind === 'written') return { kind: 'written', entry };
      if (outcome.kind !== 'condition_failed') return outcome;
      if (outcome.index === 2) return { kind: 'catalogue_refused', catalogue: outcome.current };
      if (outcome.index !== 1) throw new Error('volunteer hours id collision');
      const record = outcome.current;
      // A volunteer's reach into a record not linked to them (or none): refused, whether it exists or not.
      if (writer.volunteer && record?.account !== writer.volunteer) return { kind: 'not_own' };
      // Not the centre's volunteer: nothing to confirm either way.
      if (!record) return { kind: 'not_found' };
      return { kind: 'outside_volunteering' };
    },

    async correct(
      volunteerId: string,
      date: string,
      id: string,
      input: VolunteerHoursUpdate,
      writer: Writer,
      now: string,
    ): Promise<EntryOutcome> {
      const { version, arena, hours } = input;
      const set = { arena, hours, version: version + 1, updatedAt: now, updatedBy: scope.subject };
      const { outcome, ...at } = await change(
        volunteerId,
        date,
        id,
        version,
        set,
        [arenaCheck(arena)],
        writer,
      );
      if (outcome.kind === 'written') return { kind: 'written', entry: { id, volunteerId, date, ...set } };
      if (outcome.kind !== 'condition_failed') throw new Error('corrections have no idempotency key');
      return changeRefused(outcome, at, writer, id, version);
    },

    /** Takes a log back: kept as deleted (who and when), out of every count. */
    async remove(
      volunteerId: string,
      date: string,
      id: string,
      version: number,
      writer: Writer,
      now: string,
    ): Promise<EntryOutcome | { kind: 'deleted' }> {
      const set = { deletedAt: now, deletedBy: scope.subject, version: version + 1 };
      const { outcome, ...at } = await change(volunteerId, date, id, version, set, [], writer);
      if (outcome.kind === 'written') return { kind: 'deleted' };
      if (outcome.kind !== 'condition_failed') throw new Error('deletions have no idempotency key');
      // No catalogue check here: the last item is the dirty marker, which has no condition.
      return changeRefused(outcome, { ...at, catalogueIndex: -1 }, writer, id, version);
    },

    /** One volunteer's record and their hours of the months given: one TransactGetItems. */
    async ofVolunteer(volunteerId: string, months: readonly Month[]) {
      const keys = [
        centreKeys.volunteer(scope, volunteerId),
        ...months.map((m) => centreKeys.volunteerHours(scope, m, volunteerId)),
      ];
      const { Responses = [] } = await doc.send(
        new TransactGetCommand({ TransactItems: keys.map((Key) => ({ Get: { TableName: table, Key } })) }),
      );
      const [record, ...hours] = Responses.map((r) => r.Item);
      return {
        record: record ? toRecord<Record<string, unknown>>(record) : undefined,
        entries: entriesOf(hours.filter((h): h is Record<string, unknown> => h !== undefined)),
      };
    },

    /** Every volunteer's hours of a month: one Query (a month of a centre is far below a page). */
    async ofMonth(month: Month): Promise<VolunteerHoursEntry[]> {
      const items = await queryPrefix(
        doc,
        table,
        centreKeys.pk(scope),
        centreKeys.volunteerHoursOfMonth(month),
      );
      return entriesOf(items);
    },
  };
}
