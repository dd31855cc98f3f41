import { createHash, randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SurveyRound } from '@crux/domain/survey/requests';
import { type Idempotency, type Replay, rememberAnswer } from './idempotency';
import { questionnaireKeys, surveyKeys } from './keys';
import { queryAll, queryPrefix } from './query-all';
import { assertIssued, type TenantScope } from './tenant-scope';
import { type TransactItem, transact } from './transact';

/**
 * A centre's survey rounds, as its leader runs them: open one for a year with a published version, make
 * one-time codes for it, close it. A code is stored only as its SHA-256 (50 random bits need no slow
 * hash), so the table never holds a code that would answer: the leader prints the codes when they are
 * made, and a retried request is answered from its remembered answer for a day, as every POST is.
 */
export const codeHash = (code: string) => createHash('sha256').update(code).digest('base64url');

export type OpenOutcome =
  | { kind: 'written'; round: SurveyRound }
  | Replay
  | { kind: 'unknown_version' }
  | { kind: 'already_open'; round: string };
export type ClosedRound = { id: string; year: number; status: 'closed'; closedOn: string };
export type CloseOutcome =
  | { kind: 'written'; round: ClosedRound }
  | Replay
  | { kind: 'not_found' }
  | { kind: 'not_open'; current: SurveyRound };
export type CodesOutcome =
  | { kind: 'written'; codes: string[] }
  | Replay
  | { kind: 'not_found' }
  | { kind: 'not_open' }
  | { kind: 'collision' };

/** What a refusal knows of a round: it was not counted, so its codes are not told. */
const unknownCodes = { made: 0, used: 0 };
export type TextsOutcome = { kind: 'read'; texts: Record<string, string[]> } | { kind: 'not_closed' };

function toRound(item: Record<string, unknown>, codes: SurveyRound['codes']): SurveyRound {
  return {
    id: String(item.id),
    year: Number(item.year),
    version: Number(item.version),
    status: item.status === 'closed' ? 'closed' : 'open',
    openedOn: String(item.openedOn),
    ...(typeof item.closedOn === 'string' ? { closedOn: item.closedOn } : {}),
    codes,
  };
}

export function surveyRoundsRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  const pk = surveyKeys.pk(scope);
  const roundIsOpen = (round: string): TransactItem => ({
    ConditionCheck: {
      TableName: table,
      Key: surveyKeys.round(scope, round),
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':open': 'open' },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  });
  return {
    /** Every round, newest first, with its codes counted (made, used): one Query of the rounds and their codes. */
    async list(): Promise<SurveyRound[]> {
      const items = await queryPrefix(doc, table, pk, surveyKeys.roundPrefix, { consistent: true });
      const rounds = items.filter((i) => typeof i.year === 'number');
      return rounds
        .map((r) => {
          const codes = items.filter((i) =>
            String(i.SK).startsWith(`${surveyKeys.roundAndCodes(String(r.id))}#K#`),
          );
          return toRound(r, { made: codes.length, used: codes.filter((c) => c.used === true).length });
        })
        .sort((a, b) => b.year - a.year || (a.openedOn < b.openedOn ? 1 : a.openedOn > b.openedOn ? -1 : 0));
    },

    /**
     * Opens a round for a year with a published version: one transaction of the round, the centre's
     * pointer to its open round (there is never more than one), a check that the version is published,
     * and the remembered answer.
     */
    async open(year: number, version: number, today: string, idem: Idempotency): Promise<OpenOutcome> {
      const id = randomUUID();
      const round = { id, year, version, status: 'open' as const, openedOn: today };
      const answer: SurveyRound = { ...round, codes: { made: 0, used: 0 } };
      const outcome = await transact(
        doc,
        [
          {
            ConditionCheck: {
              TableName: table,
              Key: questionnaireKeys.version(version),
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
          {
            Put: {
              TableName: table,
              Item: { ...surveyKeys.openRound(scope), round: id, year, version },
              ConditionExpression: 'attribute_not_exists(PK)',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            Put: {
              TableName: table,
              Item: { ...surveyKeys.round(scope, id), ...round, openedBy: scope.subject },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
        rememberAnswer(table, scope, idem, { status: 201, body: answer }),
      );
      if (outcome.kind === 'written') return { kind: 'written', round: answer };
      if (outcome.kind !== 'condition_failed') return outcome;
      if (outcome.index === 0) return { kind: 'unknown_version' };
      return { kind: 'already_open', round: String(outcome.current?.round) };
    },

    /**
     * Closes the open round of `year` (the year the leader saw, so a close is never of another round):
     * one transaction that closes it and puts it on the dirty index (the figures job then counts its year
     * and writes its results), frees the centre's open-round pointer, marks its answers' partition closed
     * (free text is read only with that mark there), and remembers the answer.
     */
    async close(round: string, year: number, today: string, idem: Idempotency): Promise<CloseOutcome> {
      const marker = surveyKeys.dirtyRound(scope, year, round);
      const closed: ClosedRound = { id: round, year, status: 'closed', closedOn: today };
      const outcome = await transact(
        doc,
        [
          {
            Update: {
              TableName: table,
              Key: surveyKeys.round(scope, round),
              UpdateExpression: 'SET #status = :closed, closedOn = :today, GSI2PK = :gpk, GSI2SK = :gsk',
              ConditionExpression: '#status = :open AND #year = :year',
              ExpressionAttributeNames: { '#status': 'status', '#year': 'year' },
              ExpressionAttributeValues: {
                ':closed': 'closed',
                ':open': 'open',
                ':year': year,
                ':today': today,
                ':gpk': marker.GSI2PK,
                ':gsk': marker.GSI2SK,
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            Delete: {
              TableName: table,
              Key: surveyKeys.openRound(scope),
              ConditionExpression: '#round = :round',
              ExpressionAttributeNames: { '#round': 'round' },
              ExpressionAttributeValues: { ':round': round },
            },
          },
          { Put: { TableName: table, Item: { ...surveyKeys.closed(scope, round), closedOn: today } } },
        ],
        rememberAnswer(table, scope, idem, { status: 200, body: closed }),
      );
      if (outcome.kind === 'written') return { kind: 'written', round: closed };
      if (outcome.kind !== 'condition_failed') return outcome;
      return outcome.current
        ? { kind: 'not_open', current: toRound(outcome.current, unknownCodes) }
        : { kind: 'not_found' };
    },

    /**
     * Makes `count` codes for the open round: one transaction of the codes (their hashes), a check that
     * the round is open, and the remembered answer, which holds the codes for the day a retry may come.
     */
    async makeCodes(round: string, codes: readonly string[], idem: Idempotency): Promise<CodesOutcome> {
      const outcome = await transact(
        doc,
        [
          roundIsOpen(round),
          ...codes.map(
            (code): TransactItem => ({
              Put: {
                TableName: table,
                Item: surveyKeys.code(scope, round, codeHash(code)),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            }),
          ),
        ],
        rememberAnswer(table, scope, idem, { status: 201, body: { round, codes } }),
      );
      if (outcome.kind === 'written') return { kind: 'written', codes: [...codes] };
      if (outcome.kind !== 'condition_failed') return outcome;
      // A code drawn twice (one in 2^50) fails its Put: the caller draws again.
      if (outcome.index > 0) return { kind: 'collision' };
      return outcome.current ? { kind: 'not_open' } : { kind: 'not_found' };
    },

    /** Every free text of a closed round, by question, sorted (so no order tells whose they were). */
    async texts(round: string): Promise<TextsOutcome> {
      const items = await queryAll(doc, {
        TableName: table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': surveyKeys.answersPk(scope, round) },
        ProjectionExpression: 'SK, texts',
        ConsistentRead: true,
      });
      if (!items.some((i) => i.SK === surveyKeys.closed(scope, round).SK)) return { kind: 'not_closed' };
      const texts: Record<string, string[]> = {};
      for (const i of items)
        for (const [q, text] of Object.entries((i.texts ?? {}) as Record<string, string>))
          texts[q] = [...(texts[q] ?? []), text];
      for (const list of Object.values(texts)) list.sort((a, b) => a.localeCompare(b, 'nb'));
      return { kind: 'read', texts };
    },
  };
}
