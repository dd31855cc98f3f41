import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startingCatalogue } from '@crux/domain/catalogue/starting';
import type { Participant } from '@crux/domain/participant';
import { checkSpan, type MeasureCreate, type Span, type SpanUpdate } from '@crux/domain/records/spans';
import { catalogueCheck } from './catalogue-repo';
import { type Idempotency, type Replay, rememberAnswer } from './idempotency';
import { centreKeys } from './keys';
import { toParticipant } from './participants-repo';
import { assertIssued, type TenantScope } from './tenant-scope';
import { transact } from './transact';

/** The two kinds of span a participant takes part in, each a map on the participant item. */
export type SpanKind = 'measures' | 'orders';
const catalogueList = { measures: 'measureTypes', orders: 'orderTypes' } as const;

export type SpanOutcome =
  | { kind: 'written'; span: Span }
  | Replay
  | { kind: 'not_found' }
  | { kind: 'stale'; current: Span }
  | { kind: 'outside_participation'; participant: Participant }
  | { kind: 'catalogue_refused'; catalogue: Record<string, unknown> | undefined };

/**
 * Measures and orders, kept on their participant under their ids, so the participant's page is one
 * read; each is versioned on its own. A span lies within its participation (it starts no earlier and,
 * when the participation has ended, ends no later), its type is in the catalogue and in use, and a change
 * marks the participant for the figures job in the same write, raising its `seq` so a run that read it
 * before the change keeps the marker.
 */
export function spansRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);

  /**
   * The participant's side of a span write: `sets` assigns under `#map.#id`, on the conditions that the
   * span lies within the participation and is new (`expected` undefined) or still at that version.
   */
  function write(
    kind: SpanKind,
    participantId: string,
    id: string,
    dates: { startDate: string; endDate?: string | undefined },
    sets: { expression: string; names?: Record<string, string>; values: Record<string, unknown> },
    expected?: number,
  ) {
    const marker = centreKeys.dirtyParticipant(scope, participantId);
    const within = dates.endDate
      ? 'startDate <= :start AND (attribute_not_exists(endDate) OR endDate >= :end)'
      : 'startDate <= :start AND attribute_not_exists(endDate)';
    const own = expected === undefined ? 'attribute_not_exists(#map.#id)' : '#map.#id.version = :expected';
    return {
      Update: {
        TableName: table,
        Key: centreKeys.participant(scope, participantId),
        UpdateExpression: `SET ${sets.expression}, GSI2PK = :gpk, GSI2SK = :gsk ADD #seq :one`,
        ConditionExpression: `attribute_exists(PK) AND ${own} AND ${within}`,
        ExpressionAttributeNames: { '#map': kind, '#id': id, '#seq': 'seq', ...sets.names },
        ExpressionAttributeValues: {
          ...sets.values,
          ':start': dates.startDate,
          ':gpk': marker.GSI2PK,
          ':gsk': marker.GSI2SK,
          ':one': 1,
          ...(dates.endDate ? { ':end': dates.endDate } : {}),
          ...(expected === undefined ? {} : { ':expected': expected }),
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      },
    };
  }

  function check(kind: SpanKind, type: string) {
    const list = catalogueList[kind];
    const item = catalogueCheck(table, [{ list, id: type }], checkSpan(startingCatalogue, list, { type }).ok);
    if (item.ConditionCheck) item.ConditionCheck.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
    return item;
  }

  /** Why the participant's condition failed, from the item as stored. */
  function why(
    kind: SpanKind,
    id: string,
    stored: Record<string, unknown> | undefined,
    expected?: number,
  ): SpanOutcome {
    if (!stored) return { kind: 'not_found' };
    const participant = toParticipant(stored);
    const current = (participant[kind] as Record<string, Span>)[id];
    if (expected !== undefined && !current) return { kind: 'not_found' };
    if (expected !== undefined && current && current.version !== expected) return { kind: 'stale', current };
    return { kind: 'outside_participation', participant };
  }

  return {
    async add(
      kind: SpanKind,
      participantId: string,
      id: string,
      input: MeasureCreate,
      now: string,
      idem: Idempotency,
    ): Promise<SpanOutcome> {
      const span: Span = {
        ...input,
        id,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      const outcome = await transact(
        doc,
        [
          write(kind, participantId, id, span, { expression: '#map.#id = :span', values: { ':span': span } }),
          check(kind, input.type),
        ],
        rememberAnswer(table, scope, idem, { status: 201, body: span }),
      );
      if (outcome.kind === 'written') return { kind: 'written', span };
      if (outcome.kind !== 'condition_failed') return outcome;
      if (outcome.index === 1) return { kind: 'catalogue_refused', catalogue: outcome.current };
      return why(kind, id, outcome.current);
    },

    /** A correction (most often the end), if the span is still the version shown. */
    async correct(
      kind: SpanKind,
      participantId: string,
      id: string,
      update: SpanUpdate,
      now: string,
    ): Promise<SpanOutcome> {
      const { version, ...fields } = update;
      // The span's created time (and an order's hours) stay: a correction sets only what it names.
      const span = { ...fields, id, version: version + 1, updatedAt: now } as Span;
      const item = write(
        kind,
        participantId,
        id,
        fields,
        {
          expression:
            '#map.#id.#type = :type, #map.#id.startDate = :start, #map.#id.version = :next, #map.#id.updatedAt = :now' +
            (fields.endDate ? ', #map.#id.endDate = :end' : ''),
          names: { '#type': 'type' },
          values: { ':type': fields.type, ':next': version + 1, ':now': now },
        },
        version,
      );
      // An end taken back: the span is open again.
      if (!fields.endDate) item.Update.UpdateExpression += ' REMOVE #map.#id.endDate';
      const outcome = await transact(doc, [item, check(kind, fields.type)]);
      if (outcome.kind === 'written') return { kind: 'written', span };
      if (outcome.kind !== 'condition_failed') throw new Error('a correction has no idempotency key');
      if (outcome.index === 1) return { kind: 'catalogue_refused', catalogue: outcome.current };
      return why(kind, id, outcome.current, version);
    },
  };
}
