import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Participant,
  type ParticipantCreate,
  ParticipantId,
  type ParticipantListQuery,
  type ParticipantUpdate,
  type ParticipantUpdated,
  type ParticipationEnd,
  type ParticipationEnded,
} from '@crux/domain/participant';
import { decodeCursor, encodeCursor, type Page } from './cursor';
import { type Idempotency, type Replay, rememberAnswer } from './idempotency';
import { centreKeys, OPEN_END } from './keys';
import { table as tableDef } from './table';
import { assertIssued, type TenantScope } from './tenant-scope';
import { transact } from './transact';

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
  'seq',
]);

export function toParticipant(item: Record<string, unknown>): Participant {
  const fields = Object.fromEntries(Object.entries(item).filter(([k]) => !internal.has(k)));
  return { measures: {}, orders: {}, ...fields } as Participant;
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

export type CreateOutcome = { kind: 'written'; participant: Participant } | Replay;

export type UpdateOutcome =
  | { kind: 'written'; participant: ParticipantUpdated }
  | { kind: 'not_found' }
  | { kind: 'stale'; current: Participant }
  | { kind: 'ends_before_start'; current: Participant };

export type EndOutcome =
  | { kind: 'written'; ended: ParticipationEnded }
  | Replay
  | { kind: 'not_found' }
  | { kind: 'stale'; current: Participant }
  | { kind: 'already_ended'; current: Participant }
  | { kind: 'ends_before_start'; current: Participant };

/** Why a versioned change to a participant failed, from the item as stored. */
function refusal(stored: Record<string, unknown> | undefined, version: number) {
  if (!stored || stored.anonymous) return { kind: 'not_found' as const };
  const current = toParticipant(stored);
  if (current.version !== version) return { kind: 'stale' as const, current };
  return { kind: 'ends_before_start' as const, current };
}

/**
 * A participant's item as stored: the participant, its keys on the by-end index (its end date, or open),
 * and the marks that make it its own dirty marker for the figures job.
 */
export function participantItem(scope: TenantScope, participant: Participant) {
  return {
    ...participant,
    ...centreKeys.participant(scope, participant.id),
    ...centreKeys.participationByEnd(scope, participant.id, participant.endDate),
    ...centreKeys.dirtyParticipant(scope, participant.id),
    searchName: searchable(participant.displayName),
  };
}

/** How many participants a search reads in its one request: more than a centre has over many years. */
const SEARCH_READ = 2000;

const byEnd = tableDef.indexes[0];
/** Every by-end sort key (`<end date>#<id>`) a cursor may carry. */
const LISTED = { from: '2000-01-01#', to: `${OPEN_END}#~` };

export function participantsRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  if (!byEnd) throw new Error('table definition has no by-end index');

  return {
    async create(
      id: string,
      input: ParticipantCreate,
      now: string,
      idem: Idempotency,
    ): Promise<CreateOutcome> {
      // Measures and orders live on the participant, each under its id: the page reads one item.
      const participant: Participant = {
        ...input,
        id,
        version: 1,
        createdAt: now,
        updatedAt: now,
        measures: {},
        orders: {},
      };
      const item = participantItem(scope, participant);
      const outcome = await transact(
        doc,
        [{ Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } }],
        rememberAnswer(table, scope, idem, { status: 201, body: participant }),
      );
      if (outcome.kind === 'written') return { kind: 'written', participant };
      if (outcome.kind === 'condition_failed') throw new Error('participant id collision');
      return outcome;
    },

    /** A participant; an anonymous copy left by an erasure is no one's, and not found. */
    async get(id: string): Promise<Participant | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: centreKeys.participant(scope, id) }),
      );
      return Item && !Item.anonymous ? toParticipant(Item) : undefined;
    },

    /**
     * A page of the centre's participants, on the by-end index (GSI1) read backwards: current ones first,
     * then those who ended most recently. Only participant items carry that index's keys, so a
     * participant's plan and conversations (which share its prefix on the table) are never read here.
     * `q` keeps those whose name contains it (accent-insensitive).
     */
    async list(query: ParticipantListQuery): Promise<Page<Participant> | 'bad_cursor'> {
      const startSk = query.cursor ? decodeCursor(query.cursor, LISTED) : undefined;
      const startId = startSk?.split('#')[1];
      if (query.cursor && !(startSk && startId && ParticipantId.safeParse(startId).success))
        return 'bad_cursor';
      const pk = centreKeys.participationPk(scope);
      // A search filters after DynamoDB's Limit: it reads up to a page's worth (a centre's participants
      // fit in one) and keeps the first `limit` that match, so a match is never hidden behind an empty page.
      // Anonymous copies left by erasures are no one's and never listed.
      const result = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: byEnd.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': byEnd.partitionKey },
          ExpressionAttributeValues: { ':pk': pk, ...(query.q ? { ':q': searchable(query.q) } : {}) },
          FilterExpression: `attribute_not_exists(anonymous)${query.q ? ' AND contains(searchName, :q)' : ''}`,
          ScanIndexForward: false,
          Limit: query.q ? SEARCH_READ : query.limit,
          ...(startSk && startId
            ? {
                ExclusiveStartKey: {
                  [byEnd.partitionKey]: pk,
                  [byEnd.sortKey]: startSk,
                  ...centreKeys.participant(scope, startId),
                },
              }
            : {}),
        }),
      );
      const items = (result.Items ?? []).slice(0, query.limit);
      const more = items.length < (result.Items ?? []).length;
      const last = more ? items.at(-1)?.[byEnd.sortKey] : result.LastEvaluatedKey?.[byEnd.sortKey];
      return {
        items: items.map(toParticipant),
        ...(typeof last === 'string' ? { nextCursor: encodeCursor(last) } : {}),
      };
    },

    /**
     * Replaces the editable fields if `version` is still the stored one: one conditional update, in a
     * transaction so that its access-log entry commits with it, that also makes the item its own dirty
     * marker (GSI2). A transaction hands back no item, so the answer is what changed; on a failed
     * condition it hands back the stored item (ALL_OLD), so the caller can say why without a second read.
     */
    async update(id: string, input: ParticipantUpdate, now: string): Promise<UpdateOutcome> {
      const { version, gender, ...fields } = input;
      const changed: ParticipantUpdated = {
        id,
        ...fields,
        ...(gender ? { gender } : {}),
        version: version + 1,
        updatedAt: now,
      };
      const set: Record<string, unknown> = {
        ...fields,
        ...(gender ? { gender } : {}),
        searchName: searchable(fields.displayName),
        updatedAt: now,
        version: version + 1,
        ...centreKeys.dirtyParticipant(scope, id),
      };
      const remove = gender ? [] : ['gender'];
      const outcome = await transact(doc, [
        {
          Update: {
            TableName: table,
            Key: centreKeys.participant(scope, id),
            UpdateExpression: `SET ${Object.keys(set)
              .map((k) => `#${k} = :${k}`)
              .join(', ')}${remove.length ? ` REMOVE ${remove.map((k) => `#${k}`).join(', ')}` : ''}`,
            // An ended participation keeps its end date: a new start after it is refused, not stored.
            ConditionExpression:
              'attribute_exists(PK) AND attribute_not_exists(anonymous) AND version = :expected AND (attribute_not_exists(endDate) OR endDate >= :startDate)',
            ExpressionAttributeNames: Object.fromEntries(
              [...Object.keys(set), ...remove].map((k) => [`#${k}`, k]),
            ),
            ExpressionAttributeValues: {
              ':expected': version,
              ...Object.fromEntries(Object.entries(set).map(([k, v]) => [`:${k}`, v])),
            },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
      ]);
      if (outcome.kind === 'written') return { kind: 'written', participant: changed };
      if (outcome.kind !== 'condition_failed') throw new Error('an update has no idempotency key');
      return refusal(outcome.current, version);
    },

    /**
     * Ends an open participation: one transaction of the conditional update (which also marks the
     * participant for the figures job) and the remembered answer, so a retry replays it and the same
     * key cannot end another participant.
     */
    async end(id: string, input: ParticipationEnd, now: string, idem: Idempotency): Promise<EndOutcome> {
      const ended: ParticipationEnded = {
        id,
        endDate: input.endDate,
        outcome: input.outcome,
        version: input.version + 1,
        updatedAt: now,
      };
      const marker = centreKeys.dirtyParticipant(scope, id);
      const outcome = await transact(
        doc,
        [
          {
            Update: {
              TableName: table,
              Key: centreKeys.participant(scope, id),
              UpdateExpression:
                'SET endDate = :end, outcome = :outcome, updatedAt = :now, version = :next, GSI1SK = :byEnd, GSI2PK = :gpk, GSI2SK = :gsk',
              ConditionExpression:
                'attribute_exists(PK) AND version = :expected AND attribute_not_exists(endDate) AND startDate <= :end',
              ExpressionAttributeValues: {
                ':end': input.endDate,
                ':outcome': input.outcome,
                ':now': now,
                ':next': ended.version,
                ':expected': input.version,
                ':byEnd': centreKeys.participationByEnd(scope, id, input.endDate).GSI1SK,
                ':gpk': marker.GSI2PK,
                ':gsk': marker.GSI2SK,
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
        ],
        rememberAnswer(table, scope, idem, { status: 200, body: ended }),
      );
      if (outcome.kind === 'written') return { kind: 'written', ended };
      if (outcome.kind !== 'condition_failed') return outcome;
      const why = refusal(outcome.current, input.version);
      if (why.kind === 'ends_before_start' && why.current.endDate)
        return { kind: 'already_ended', current: why.current };
      return why;
    },
  };
}
