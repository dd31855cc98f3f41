import { randomBytes, randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Participant } from '@crux/domain/participant';
import { monthOf } from '@crux/domain/period';
import {
  type AnonymousParticipant,
  anonymousParticipant,
  type NewIds,
  newIdsFor,
} from '@crux/domain/privacy/anonymise';
import { markMonthDirty } from './dirty-markers';
import { type Idempotency, judgeReuse, type Replay, rememberAnswer } from './idempotency';
import { centreKeys } from './keys';
import { logRef } from './log-keys';
import { toParticipant } from './participants-repo';
import { centreItems, itemsAbout, namesPerson, type PersonItem } from './person-records';
import { assertIssued, type TenantScope } from './tenant-scope';
import { TRANSACTION_MAX, type TransactItem, transact } from './transact';

export type ErasureTarget = { id: string; version?: number };

/** What goes outside the table before the record (the participant's account): see `erase`. */
type Before = (id: string) => Promise<unknown>;

export type ErasureOutcome =
  | { kind: 'erased'; rewritten: number; removed: number }
  | Replay
  | { kind: 'not_found' }
  | { kind: 'stale'; current: Participant };

/** The answer an erasure gives and remembers: it names no one. */
export const erasedAnswer = { erased: true } as const;

type Started = { id: string; ids: NewIds };
type StartOutcome =
  | { kind: 'started'; ids: NewIds }
  | { kind: 'not_found' }
  | { kind: 'stale'; current: Participant };

/**
 * Erasure (GDPR Art. 17) and retention's anonymisation, one code path. A participant's personal data
 * leaves every item of the centre's partition, while every figure of every past period stays as it was:
 * 1. one transaction replaces the participant by its anonymous copy under a new id (what the figures
 *    count, domain/privacy/anonymise.ts) and keeps the new ids in a marker, named by the person's log
 *    reference, so an erasure cut short resumes; from then on no write can name the old id (each checks
 *    the participant exists);
 * 2. every other item that holds the old id, or a measure's or order's old id (person-records.ts), is rewritten in transactions of up to 100
 *    items: an entry or a day's hours the figures count is moved under a new id of its own, pointing at
 *    the anonymous copy (and its order's new id), with its month marked for the figures job; a remembered
 *    answer loses its body and its request's fingerprint (a retry is then refused, not stored again);
 *    anything else (a deleted entry, a record type the figures do not count) is deleted;
 * 3. the marker goes, with the remembered answer of the erasure itself.
 * The access log is not touched: it names the person only by reference, and its entry for the erasure
 * commits with step 1 (or, on a resumed erasure, with the first transaction that request sends).
 */
export function erasureRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  const fresh = () => randomUUID();

  function anonymousItem(anon: AnonymousParticipant, stored: Record<string, unknown>) {
    return {
      ...anon,
      ...centreKeys.participant(scope, anon.id),
      ...centreKeys.participationByEnd(scope, anon.id, anon.endDate),
      // Its own dirty marker: the figures job recounts the months it spans, from the copy.
      ...centreKeys.dirtyParticipant(scope, anon.id),
      ...(stored.countedFrom ? { countedFrom: stored.countedFrom } : {}),
      ...(stored.countedThrough ? { countedThrough: stored.countedThrough } : {}),
    };
  }

  async function start(target: ErasureTarget, before?: Before): Promise<StartOutcome> {
    const marker = centreKeys.erasure(scope, logRef(scope.centre, 'participant', target.id));
    const get = (Key: Record<string, string>) =>
      doc.send(new GetCommand({ TableName: table, Key, ConsistentRead: true }));
    const [{ Item: stored }, { Item: begun }] = await Promise.all([
      get(centreKeys.participant(scope, target.id)),
      get(marker),
    ]);
    if (begun) return { kind: 'started', ids: begun.ids as NewIds };
    if (!stored || stored.anonymous) return { kind: 'not_found' };
    const current = toParticipant(stored);
    if (target.version !== undefined && current.version !== target.version) return { kind: 'stale', current };
    await before?.(target.id);
    const ids = newIdsFor(current, fresh);
    const outcome = await transact(doc, [
      {
        Delete: {
          TableName: table,
          Key: centreKeys.participant(scope, target.id),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': current.version },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Put: {
          TableName: table,
          Item: anonymousItem(anonymousParticipant(current, ids), stored),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: { TableName: table, Item: { ...marker, ids }, ConditionExpression: 'attribute_not_exists(PK)' },
      },
    ]);
    if (outcome.kind === 'written') return { kind: 'started', ids };
    if (outcome.kind === 'condition_failed' && outcome.index === 0)
      return outcome.current
        ? { kind: 'stale', current: toParticipant(outcome.current) }
        : { kind: 'not_found' };
    throw new Error(`erasure: the anonymous copy could not be stored (${outcome.kind})`);
  }

  /** What step 2 does with one item about the person: the transaction items, and the month it touches. */
  function rewrite({ kind, item }: PersonItem, person: Started): { items: TransactItem[]; month?: string } {
    const key = { PK: item.PK, SK: item.SK };
    const remove: TransactItem = { Delete: { TableName: table, Key: key } };
    if (kind === 'remembered_answer') {
      return {
        items: [
          {
            Update: {
              TableName: table,
              Key: key,
              UpdateExpression: 'SET body = :body, requestHash = :hash',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':body': '{}', ':hash': randomBytes(32).toString('base64url') },
            },
          },
        ],
      };
    }
    if ((kind !== 'entry' && kind !== 'hours') || item.deletedAt) return { items: [remove] };
    const id = fresh();
    const date = String(item.date);
    const moved =
      kind === 'entry'
        ? { ...item, ...centreKeys.activity(scope, date, id), id, participantId: person.ids.participant }
        : {
            ...item,
            ...centreKeys.hours(scope, date, id),
            id,
            participantId: person.ids.participant,
            orderId: person.ids.spans[String(item.orderId)] ?? item.orderId,
          };
    if (namesPerson(moved, person.id)) throw new Error(`erasure: a kept ${kind} still names the person`);
    const put: TransactItem = {
      Put: { TableName: table, Item: moved, ConditionExpression: 'attribute_not_exists(PK)' },
    };
    return { items: [remove, put], month: monthOf(date) };
  }

  /** Step 2 for every person at once: one read of the partition, then transactions of up to 100 items. */
  async function rewriteAll(people: readonly Started[]): Promise<{ rewritten: number; removed: number }> {
    const all = await centreItems(doc, table, scope);
    const seen = new Set<unknown>();
    const work: { items: TransactItem[]; month?: string }[] = [];
    for (const person of people) {
      for (const about of itemsAbout(all, person.id, Object.keys(person.ids.spans))) {
        if (seen.has(about.item.SK)) continue;
        seen.add(about.item.SK);
        work.push(rewrite(about, person));
      }
    }
    let chunk: TransactItem[] = [];
    let months = new Set<string>();
    const flush = async () => {
      if (!chunk.length) return;
      const marks = [...months].map((m) => markMonthDirty(scope, table, m));
      const outcome = await transact(doc, [...chunk, ...marks]);
      if (outcome.kind !== 'written') throw new Error(`erasure: a record changed while it was rewritten`);
      chunk = [];
      months = new Set();
    };
    for (const w of work) {
      const more = w.month && !months.has(w.month) ? 1 : 0;
      if (chunk.length + w.items.length + months.size + more > TRANSACTION_MAX - 1) await flush();
      chunk.push(...w.items);
      if (w.month) months.add(w.month);
    }
    await flush();
    const rewritten = work.filter((w) => w.items.length === 2).length;
    return { rewritten, removed: work.length - rewritten };
  }

  /** The answer remembered under the request's Idempotency-Key, if the key was used before. */
  async function remembered(idem: Idempotency): Promise<Record<string, unknown> | undefined> {
    const { Item } = await doc.send(
      new GetCommand({
        TableName: table,
        Key: centreKeys.idempotency(scope, idem.subject, idem.key),
        ConsistentRead: true,
      }),
    );
    return Item;
  }

  return {
    /**
     * Erases each target. `around` wraps each one's first step (the retention job opens its access-log
     * entry there); the request pipeline has opened the route's already. `idem`, for one target, is
     * remembered with the last step. `before` runs once the participant is found current, before
     * anything of theirs in the table changes: what it removes outside the table (their account) is gone
     * before the record, so a failure leaves the participant to erase again, and the retry runs it again.
     */
    async erase(
      targets: readonly ErasureTarget[],
      options: {
        idem?: Idempotency;
        around?: <T>(id: string, step: () => Promise<T>) => Promise<T>;
        before?: Before;
      } = {},
    ): Promise<ErasureOutcome[]> {
      // A key used before is judged before anything is erased: its answer comes only with the last step,
      // so a reused key with another participant would otherwise erase that one first.
      const before = options.idem ? await remembered(options.idem) : undefined;
      if (before && options.idem) {
        const replay = judgeReuse(before, options.idem.requestHash);
        return targets.map(() => replay);
      }
      const outcomes = new Map<string, ErasureOutcome>();
      const started: Started[] = [];
      for (const target of targets) {
        const begin = () => start(target, options.before);
        const outcome = await (options.around ? options.around(target.id, begin) : begin());
        if (outcome.kind === 'started') started.push({ id: target.id, ids: outcome.ids });
        else if (outcome.kind === 'not_found' && options.idem) {
          // Erased by this very request, its answer remembered between the check above and now.
          const replay = judgeReuse(await remembered(options.idem), options.idem.requestHash);
          outcomes.set(target.id, replay.kind === 'replayed' ? replay : outcome);
        } else outcomes.set(target.id, outcome);
      }
      const counts = started.length ? await rewriteAll(started) : { rewritten: 0, removed: 0 };
      for (const person of started) {
        const marker = centreKeys.erasure(scope, logRef(scope.centre, 'participant', person.id));
        const done = await transact(
          doc,
          [{ Delete: { TableName: table, Key: marker } }],
          options.idem
            ? rememberAnswer(table, scope, options.idem, { status: 200, body: erasedAnswer })
            : undefined,
        );
        outcomes.set(
          person.id,
          done.kind === 'written' || done.kind === 'condition_failed' ? { kind: 'erased', ...counts } : done,
        );
      }
      return targets.map((t) => outcomes.get(t.id) ?? { kind: 'not_found' });
    },
  };
}
