import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { monthsBetween } from '@crux/domain/period';
import type { AccessLogEntry, NamedParticipant } from '@crux/domain/privacy/access-log';
import {
  type AccessDraft,
  accessLogItem,
  assertLogScope,
  type LogScope,
  toAccessLogEntry,
} from './access-log';
import { decodeCursor, encodeCursor, type Page } from './cursor';
import { accessLogKeys, centreKeys, logRef } from './keys';
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
/** Months read at once when every entry about one person is collected. */
const PARALLEL_MONTHS = 6;

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
            Limit: Math.max(f.limit * 4, 100),
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

    /** Every entry about one participant from `since` (a UTC day) on, oldest first. */
    async about(participantId: string, since: string, now: Date): Promise<AccessLogEntry[]> {
      const { values, ...filter } = filterOf({ participantId });
      const months = monthsBetween(since.slice(0, 7), now.toISOString().slice(0, 7));
      const found: Record<string, unknown>[][] = [];
      for (let i = 0; i < months.length; i += PARALLEL_MONTHS) {
        const batch = months.slice(i, i + PARALLEL_MONTHS).map((month) =>
          queryAll(doc, {
            TableName: table,
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
            ExpressionAttributeValues: {
              ':pk': pk,
              ':from': accessLogKeys.dayFrom(month < since ? since : `${month}-01`),
              ':to': accessLogKeys.dayTo(`${month}-31`),
              ...values,
            },
            ...filter,
          }),
        );
        found.push(...(await Promise.all(batch)));
      }
      return found.flat().map(toAccessLogEntry);
    },
  };
}

/**
 * The participants a page of the log names by reference, with their names, for the leader: the
 * centre's participants, each hashed as the log hashes them. An erased participant is found no more.
 */
export async function participantsNamed(
  doc: DynamoDBDocumentClient,
  table: string,
  scope: TenantScope,
  refs: ReadonlySet<string>,
): Promise<NamedParticipant[]> {
  assertIssued(scope);
  if (refs.size === 0) return [];
  const items = await queryAll(doc, {
    TableName: table,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    // The participants' plans and conversations share their prefix; only a participant has a name.
    FilterExpression: 'attribute_not_exists(anonymous) AND attribute_exists(displayName)',
    ExpressionAttributeValues: { ':pk': centreKeys.pk(scope), ':prefix': centreKeys.participantPrefix },
    ProjectionExpression: 'id, displayName',
  });
  return items.flatMap((i) => {
    const ref = logRef(scope.centre, 'participant', String(i.id));
    return refs.has(ref) ? [{ ref, id: String(i.id), displayName: String(i.displayName) }] : [];
  });
}
