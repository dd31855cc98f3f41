import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { CentreId } from '@crux/domain/centre';
import type { AccessLogEntry, PersonKind } from '@crux/domain/privacy/access-log';
import { accessLogKeys, logRef } from './log-keys';
import { assertIssued, type TenantScope } from './tenant-scope';
import type { TransactItem } from './transact';

/**
 * The right to add entries to one centre's access log, and nothing else: no repository takes it. The
 * request pipeline issues one for the centre a refused request named (which may not be the caller's),
 * so that centre's leader sees every attempt on its people; allowed requests log with their TenantScope.
 */
export type LogScope = { readonly centre: CentreId };

const issuedLogScopes = new WeakSet<object>();

export function issueLogScope(centre: CentreId): LogScope {
  const scope = Object.freeze({ centre });
  issuedLogScopes.add(scope);
  return scope;
}

/** What the pipeline knows of a request, with ids as they are; `accessLogItem` turns them into references. */
export type AccessDraft = Omit<AccessLogEntry, 'id' | 'centre' | 'people' | 'records'> & {
  /** The path's values (centre excluded): `…Id` values become references of their kind. */
  records?: Readonly<Record<string, string | undefined>>;
  people: Partial<Record<PersonKind, readonly string[]>>;
};

/** A path value's kind: `participantId` names a participant, `orderId` an order; a date names nothing. */
const idKind = (name: string) => (name.endsWith('Id') ? name.slice(0, -2) : undefined);

/** The log item of a request: references for every id, its key in time order, the day on the jobs' index. */
export function accessLogItem(
  scope: LogScope | TenantScope,
  draft: AccessDraft,
  nonce: string,
): Record<string, unknown> {
  const { records, people, ...rest } = draft;
  const refs = Object.fromEntries(
    Object.entries(people).map(([kind, ids]) => [
      kind,
      [...new Set(ids)].map((id) => logRef(scope.centre, kind, id)),
    ]),
  );
  const named = Object.entries(records ?? {}).flatMap(([name, value]) => {
    if (value === undefined || name === 'centreId') return [];
    const kind = idKind(name);
    return [[name, kind ? logRef(scope.centre, kind, value) : value]];
  });
  // An entry about one participant alone goes on their log's index too (keys.ts, `personPk`), one that
  // names several (a list, a search, an import) under the centre's shared key (`manyPk`): the report
  // and the export read both, so a person sees every entry that named them.
  return {
    ...accessLogKeys.entry(scope, draft.at, nonce, accessLogKeys.indexRef(refs.participant)),
    ...rest,
    centre: scope.centre,
    ...(named.length ? { records: Object.fromEntries(named) } : {}),
    people: refs,
  };
}

/** The entry as the API shows it: its keys dropped, its sort key as its id. */
export function toAccessLogEntry(item: Record<string, unknown>): AccessLogEntry {
  const { PK: _pk, SK, GSI1PK: _ppk, GSI1SK: _psk, GSI2PK: _gpk, GSI2SK: _gsk, ...entry } = item;
  return { id: String(SK), ...entry } as AccessLogEntry;
}

export const newNonce = () => randomBytes(9).toString('base64url');

/**
 * A write request's entry, open while its handler runs: every transaction the store sends in that time
 * carries it (transact.ts) until one commits, so the change and its entry commit together or not at all.
 * `draft` gets the answer a POST remembers, for a route that names its people there (a new record's id).
 */
export type PendingEntry = {
  table: string;
  scope: LogScope | TenantScope;
  at: string;
  nonce: string;
  draft: (answer: unknown) => AccessDraft;
  committed: boolean;
};

const pending = new AsyncLocalStorage<PendingEntry>();

export function withPendingEntry<T>(entry: PendingEntry, work: () => Promise<T>): Promise<T> {
  return pending.run(entry, work);
}

/** The entry a transaction sent now must carry, if any. */
export function uncommittedEntry(): PendingEntry | undefined {
  const entry = pending.getStore();
  return entry && !entry.committed ? entry : undefined;
}

/**
 * Work inside a logged write that is not the person's data: the records that make a POST whose change
 * lands outside the table (the user pool) retry-safe (external-idempotency.ts). No transaction can hold
 * them with the change, so the request's entry is written on its own after it (functions' access-log.ts).
 */
export function apartFromLoggedWrite<T>(work: () => Promise<T>): Promise<T> {
  return pending.exit(work);
}

/** Whether a request's work is under way with an entry to commit: then a write that is no transaction is a bug. */
export const insideLoggedWrite = (): boolean => pending.getStore() !== undefined;

/** The Put of an entry: only ever a new item. */
export function accessLogPut(entry: PendingEntry, answer?: unknown): TransactItem {
  return {
    Put: {
      TableName: entry.table,
      Item: accessLogItem(entry.scope, entry.draft(answer), entry.nonce),
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export function assertLogScope(scope: LogScope | TenantScope): void {
  if ('role' in scope) assertIssued(scope);
  else if (!issuedLogScopes.has(scope)) throw new Error('LogScope was not issued by the auth layer');
}
