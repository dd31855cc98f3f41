import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type {
  Participant,
  ParticipantCreate,
  ParticipantUpdate,
  ParticipationEnd,
} from '@crux/domain/participant';
import { decodeCursor, encodeCursor } from './cursor';
import { centreKeys } from './keys';
import { assertIssued, type TenantScope } from './tenant-scope';
import { type IdempotencyRecord, transact } from './transact';

/** Keys and bookkeeping: never part of the participant as the API shows it. */
const internal = new Set([
  'PK',
  'SK',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  'searchName',
  'countedFrom',
  'countedThrough',
  'endRequest',
]);

function toParticipant(item: Record<string, unknown>): Participant {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !internal.has(k))) as Participant;
}

/** Lower-case, accent-folded, so "ase" finds "Åse" and "ostby" finds "Østby". */
export function searchable(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ø', 'o')
    .replaceAll('æ', 'ae')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '');
}

export type Page<T> = { items: T[]; nextCursor?: string };

export type CreateOutcome =
  | { kind: 'written'; participant: Participant }
  | { kind: 'replayed'; status: number; body: unknown }
  | { kind: 'key_reused' };

export type ChangeOutcome =
  | { kind: 'written'; participant: Participant }
  | { kind: 'replayed'; participant: Participant }
  | { kind: 'key_reused' }
  | { kind: 'not_found' }
  | { kind: 'stale'; current: Participant }
  | { kind: 'already_ended'; current: Participant }
  | { kind: 'ends_before_start'; current: Participant };

export function participantsRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);

  /**
   * One UpdateItem on the participant: the item is its own dirty marker (GSI2), so the change and the
   * note to the figures job are one atomic single-item write, and ALL_NEW answers without a second read.
   * A failed condition returns the stored item (ALL_OLD) so the caller can say why.
   */
  async function change(
    id: string,
    update: {
      set: Record<string, unknown>;
      remove?: string[];
      condition: string;
      values: Record<string, unknown>;
    },
  ): Promise<
    { ok: true; item: Record<string, unknown> } | { ok: false; current: Record<string, unknown> | undefined }
  > {
    const set = { ...update.set, ...centreKeys.dirtyParticipant(scope, id) };
    const names = Object.fromEntries(
      Object.keys(set)
        .concat(update.remove ?? [])
        .map((k) => [`#${k}`, k]),
    );
    const values = {
      ...update.values,
      ...Object.fromEntries(Object.entries(set).map(([k, v]) => [`:${k}`, v])),
    };
    const assignments = Object.keys(set).map((k) => `#${k} = :${k}`);
    const removals = (update.remove ?? []).map((k) => `#${k}`);
    try {
      const result = await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: centreKeys.participant(scope, id),
          UpdateExpression: `SET ${assignments.join(', ')}${removals.length ? ` REMOVE ${removals.join(', ')}` : ''}`,
          ConditionExpression: `attribute_exists(PK) AND ${update.condition}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { ok: true, item: result.Attributes ?? {} };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return { ok: false, current: error.Item ? unmarshall(error.Item) : undefined };
    }
  }

  return {
    async create(
      id: string,
      input: ParticipantCreate,
      now: string,
      idempotency: (p: Participant) => IdempotencyRecord,
    ): Promise<CreateOutcome> {
      const participant: Participant = { ...input, id, version: 1, createdAt: now, updatedAt: now };
      const item = {
        ...participant,
        ...centreKeys.participant(scope, id),
        ...centreKeys.participationByEnd(scope, id, undefined),
        ...centreKeys.dirtyParticipant(scope, id),
        searchName: searchable(participant.displayName),
      };
      const outcome = await transact(
        doc,
        table,
        [{ Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } }],
        idempotency(participant),
      );
      if (outcome.kind === 'written') return { kind: 'written', participant };
      if (outcome.kind === 'replayed' || outcome.kind === 'key_reused') return outcome;
      throw new Error('participant id collision');
    },

    async get(id: string): Promise<Participant | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: centreKeys.participant(scope, id) }),
      );
      return Item ? toParticipant(Item) : undefined;
    },

    /** A page in id order; `query` keeps those whose name contains it (accent-insensitive). */
    async list(options: {
      limit: number;
      cursor?: string | undefined;
      query?: string | undefined;
    }): Promise<Page<Participant> | 'bad_cursor'> {
      const startSk = options.cursor ? decodeCursor(options.cursor, centreKeys.participantPrefix) : undefined;
      if (options.cursor && !startSk) return 'bad_cursor';
      const pk = centreKeys.pk(scope);
      const result = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: {
            ':pk': pk,
            ':prefix': centreKeys.participantPrefix,
            ...(options.query ? { ':q': searchable(options.query) } : {}),
          },
          ...(options.query ? { FilterExpression: 'contains(searchName, :q)' } : {}),
          Limit: options.limit,
          ...(startSk ? { ExclusiveStartKey: { PK: pk, SK: startSk } } : {}),
        }),
      );
      const last = result.LastEvaluatedKey?.SK;
      return {
        items: (result.Items ?? []).map(toParticipant),
        ...(typeof last === 'string' ? { nextCursor: encodeCursor(last) } : {}),
      };
    },

    /** Replaces the editable fields if `version` is still the stored one. */
    async update(id: string, input: ParticipantUpdate, now: string): Promise<ChangeOutcome> {
      const { version, gender, ...fields } = input;
      const result = await change(id, {
        set: {
          ...fields,
          ...(gender ? { gender } : {}),
          searchName: searchable(fields.displayName),
          updatedAt: now,
          version: version + 1,
        },
        remove: gender ? [] : ['gender'],
        // An ended participation keeps its end date: a new start after it is refused, not stored.
        condition: 'version = :expected AND (attribute_not_exists(endDate) OR endDate >= :start)',
        values: { ':expected': version, ':start': fields.startDate },
      });
      if (result.ok) return { kind: 'written', participant: toParticipant(result.item) };
      if (!result.current) return { kind: 'not_found' };
      const current = toParticipant(result.current);
      return current.version !== version
        ? { kind: 'stale', current }
        : { kind: 'ends_before_start', current };
    },

    /**
     * Ends an open participation. Idempotent through the item itself: the request's key and hash are
     * stored with the end, so a retry finds them and answers as the first call did.
     */
    async end(
      id: string,
      input: ParticipationEnd,
      now: string,
      idempotencyKey: string,
      requestHash: string,
    ): Promise<ChangeOutcome> {
      const request = `${idempotencyKey}:${requestHash}`;
      const result = await change(id, {
        set: {
          endDate: input.endDate,
          outcome: input.outcome,
          endRequest: request,
          updatedAt: now,
          version: input.version + 1,
          GSI1SK: centreKeys.participationByEnd(scope, id, input.endDate).GSI1SK,
        },
        condition: 'version = :expected AND attribute_not_exists(endDate) AND startDate <= :end',
        values: { ':expected': input.version, ':end': input.endDate },
      });
      if (result.ok) return { kind: 'written', participant: toParticipant(result.item) };
      if (!result.current) return { kind: 'not_found' };
      const stored = result.current;
      const current = toParticipant(stored);
      if (typeof stored.endRequest === 'string' && stored.endRequest.startsWith(`${idempotencyKey}:`)) {
        return stored.endRequest === request
          ? { kind: 'replayed', participant: current }
          : { kind: 'key_reused' };
      }
      if (current.version !== input.version) return { kind: 'stale', current };
      if (current.endDate) return { kind: 'already_ended', current };
      return { kind: 'ends_before_start', current };
    },
  };
}
