import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessLogEntry, NamedParticipant } from '@crux/domain/privacy/access-log';
import {
  type AccessDraft,
  accessLogItem,
  assertLogScope,
  type LogScope,
  toAccessLogEntry,
} from './access-log';
import { personLogIndex } from './access-log-index';
import { decodeCursor, encodeCursor, type Page } from './cursor';
import { centreKeys } from './keys';
import { accessLogKeys, logRef } from './log-keys';
import { queryAll } from './query-all';
import { assertIssued, type TenantScope } from './tenant-scope';

/**
 * Writes one entry on its own: for a read (beside it, or after it when the answer names the people), a
 * refusal, or a write that changed nothing. A condition failure means this very entry is there already
 * (a retried request whose first attempt was stored), which is what was asked.
 */
export async function writeAccessEntry(
  doc: DynamoDBDocumentClient,
  table: string,
  scope: LogScope | TenantScope,
  draft: AccessDraft,
  nonce: string,
): Promise<void> {
  assertLogScope(scope);
  try {
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: accessLogItem(scope, draft, nonce),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** What a leader filters the log by: UTC days, both included, and optionally one user or one participant. */
export type LogFilter = { from: string; to: string; user?: string; participantId?: string };

/** How many entries one page of the leader's view reads at most to find its matches; then it hands a cursor. */
const READ_BUDGET = 2000;

/**
 * A centre's access log as its leader reads it. In AWS `doc` holds the log-reader role's credentials:
 * the tenant role that writes entries cannot read them (infra/lib/tenant-policy.ts).
 */
export function accessLogRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  const pk = accessLogKeys.pk(scope);

  function filterOf(f: Pick<LogFilter, 'user' | 'participantId'>) {
    const terms: string[] = [];
    const values: Record<string, unknown> = {};
    const names: Record<string, string> = {};
    if (f.user) {
      terms.push('(#subject = :user OR #username = :user)');
      values[':user'] = f.user;
      names['#subject'] = 'subject';
      names['#username'] = 'username';
    }
    if (f.participantId) {
      terms.push('contains(#people.#participant, :ref)');
      values[':ref'] = logRef(scope.centre, 'participant', f.participantId);
      names['#people'] = 'people';
      names['#participant'] = 'participant';
    }
    return terms.length
      ? { FilterExpression: terms.join(' AND '), ExpressionAttributeNames: names, values }
      : { values };
  }

  return {
    /** Newest first, `limit` matches a page. */
    async page(
      f: LogFilter & { limit: number; cursor?: string },
    ): Promise<Page<AccessLogEntry> | 'bad_cursor'> {
      const range = { from: accessLogKeys.dayFrom(f.from), to: accessLogKeys.dayTo(f.to) };
      const startSk = f.cursor ? decodeCursor(f.cursor, range) : undefined;
      if (f.cursor && !startSk) return 'bad_cursor';
      const { values, ...filter } = filterOf(f);
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined = startSk ? { PK: pk, SK: startSk } : undefined;
      let read = 0;
      let next: unknown;
      for (;;) {
        const result = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': pk, ':from': range.from, ':to': range.to, ...values },
            ...filter,
            ScanIndexForward: false,
            // Unfiltered, a page is what it reads; filtered, one request reads up to the whole budget
            // (or 1 MB) rather than many small ones: the same items read, fewer requests.
            Limit: filter.FilterExpression ? READ_BUDGET - read : f.limit - items.length,
            ExclusiveStartKey: start,
          }),
        );
        read += result.ScannedCount ?? 0;
        const found = result.Items ?? [];
        const room = f.limit - items.length;
        items.push(...found.slice(0, room));
        // A read cut short mid-page continues after the last entry it shows.
        if (found.length > room) {
          next = items.at(-1)?.SK;
          break;
        }
        next = result.LastEvaluatedKey?.SK;
        if (next === undefined || items.length === f.limit || read >= READ_BUDGET) break;
        start = result.LastEvaluatedKey;
      }
      const last = next;
      return {
        items: items.map(toAccessLogEntry),
        ...(typeof last === 'string' ? { nextCursor: encodeCursor(last) } : {}),
      };
    },

    /**
     * Every entry about one participant, oldest first: their own log on its index (keys.ts, `personPk`)
     * and, beside it, the centre's entries that named several participants (`manyPk`), kept where they
     * name this one. Eventually consistent, as every index read: an entry written a moment ago (this
     * request's own, written beside it) may not be there yet.
     */
    async about(participantId: string): Promise<AccessLogEntry[]> {
      const ref = logRef(scope.centre, 'participant', participantId);
      const onIndex = (pk: string, filter?: object) =>
        queryAll(doc, {
          TableName: table,
          IndexName: personLogIndex.name,
          KeyConditionExpression: '#pk = :pk',
          ...filter,
          ExpressionAttributeNames: {
            '#pk': personLogIndex.partitionKey,
            ...(filter ? { '#people': 'people', '#participant': 'participant' } : {}),
          },
          ExpressionAttributeValues: { ':pk': pk, ...(filter ? { ':ref': ref } : {}) },
        });
      const [own, many] = await Promise.all([
        onIndex(accessLogKeys.personPk(scope, ref)),
        onIndex(accessLogKeys.manyPk(scope), { FilterExpression: 'contains(#people.#participant, :ref)' }),
      ]);
      return [...own, ...many].map(toAccessLogEntry).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}

/**
 * The participants a page of the log names by reference, with their names, for the leader: the
 * centre's participations on GSI1 (participant items alone, not their plans and conversations, so one
 * query for a centre's few hundred), each hashed as the log hashes them. Read beside the page, since it
 * needs only the references to pick from. An erased participant is found no more.
 */
export async function centreParticipantNames(
  doc: DynamoDBDocumentClient,
  table: string,
  scope: TenantScope,
): Promise<(refs: ReadonlySet<string>) => NamedParticipant[]> {
  assertIssued(scope);
  const items = await queryAll(doc, {
    TableName: table,
    IndexName: personLogIndex.name,
    KeyConditionExpression: '#pk = :pk',
    FilterExpression: 'attribute_not_exists(anonymous) AND attribute_exists(displayName)',
    ExpressionAttributeNames: { '#pk': personLogIndex.partitionKey },
    ExpressionAttributeValues: { ':pk': centreKeys.participationPk(scope) },
    ProjectionExpression: 'id, displayName',
  });
  const all = items.map((i) => ({
    ref: logRef(scope.centre, 'participant', String(i.id)),
    id: String(i.id),
    displayName: String(i.displayName),
  }));
  return (refs) => all.filter((p) => refs.has(p.ref));
}
