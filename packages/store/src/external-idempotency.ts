import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Audience } from '@crux/api/audiences';
import { apartFromLoggedWrite } from './access-log';
import { type Idempotency, judgeReuse, type Replay } from './idempotency';
import { audienceKeys } from './keys';
import { transact } from './transact';

/**
 * Retry-safe POSTs whose write lands outside the table (the user pool), which no DynamoDB transaction
 * can span. The request first claims its (caller, key) with a pending record; the action itself is
 * written so that running it twice does what running it once does (it finds what an earlier attempt
 * made); the answer then completes the record. So a request cut off halfway finds its own pending claim
 * when it is sent again and finishes the action; a finished one gets its first answer again; the same
 * key with another request is refused; and a request the rules refuse releases its claim, leaving
 * nothing behind.
 */
/**
 * `resumed`: the claim was this same request's, left pending by an attempt that was cut off. `taken`:
 * another request about the same participant holds their list (under way, or done within the record's
 * day), so two requests sent at once cannot both make the participant an account.
 */
export type Claim = { kind: 'claimed'; resumed: boolean } | { kind: 'taken' } | Replay;

type Space = Exclude<Audience, 'centre'>;

/**
 * The participant a request's answer will name (the account made for them): kept on the record, and the
 * record listed under the participant (`audienceKeys.idempotencyAbout`), so their erasure finds it.
 */
export type About = { centre: string; participant: string };

const TTL_SECONDS = 24 * 60 * 60;
const expiresAt = () => Math.floor(Date.now() / 1000) + TTL_SECONDS;

export function externalIdempotency(doc: DynamoDBDocumentClient, table: string, space: Space) {
  const key = (idem: Idempotency) => audienceKeys.idempotency(space, idem.subject, idem.key);
  const aboutKey = (about: About) => audienceKeys.idempotencyAbout(space, about.centre, about.participant);
  /** A record's place in the participant's list: its own key's parts, so the store rebuilds the key. */
  const ref = (idem: Idempotency) => JSON.stringify([idem.subject, idem.key]);

  /** A first claim: the record alone, or with its place in the participant's list, in one transaction. */
  async function put(
    idem: Idempotency,
    about: About | undefined,
  ): Promise<Record<string, unknown> | 'put' | 'taken'> {
    const Item = {
      ...key(idem),
      requestHash: idem.requestHash,
      pending: true,
      expiresAt: expiresAt(),
      ...about,
    };
    const ConditionExpression = 'attribute_not_exists(PK)';
    if (about) {
      // Never with a request's access-log entry (transact adds one when a logged write is under way).
      const outcome = await apartFromLoggedWrite(() =>
        transact(doc, [
          {
            Put: {
              TableName: table,
              Item,
              ConditionExpression,
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            Update: {
              TableName: table,
              Key: aboutKey(about),
              UpdateExpression: 'ADD refs :ref SET expiresAt = :at',
              // The participant's list holds one live request at a time: this one, or none yet (DynamoDB
              // deletes an expired item only within a day or two, so its time is checked here).
              ConditionExpression: 'attribute_not_exists(refs) OR contains(refs, :one) OR expiresAt < :now',
              ExpressionAttributeValues: {
                ':ref': new Set([ref(idem)]),
                ':one': ref(idem),
                ':at': expiresAt(),
                ':now': Math.floor(Date.now() / 1000),
              },
            },
          },
        ]),
      );
      if (outcome.kind === 'written') return 'put';
      if (outcome.kind === 'condition_failed' && outcome.index === 0) return outcome.current ?? {};
      if (outcome.kind === 'condition_failed' && outcome.index === 1) return 'taken';
      throw new Error(`idempotency claim: unexpected outcome ${outcome.kind}`);
    }
    try {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item,
          ConditionExpression,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'put';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return error.Item ? unmarshall(error.Item) : {};
    }
  }

  return {
    /** `about`: the participant whose account the request makes, for their erasure to find the record. */
    async claim(idem: Idempotency, about?: About): Promise<Claim> {
      const stored = await put(idem, about);
      if (stored === 'put') return { kind: 'claimed', resumed: false };
      if (stored === 'taken') return { kind: 'taken' };
      if (stored.pending === true && stored.requestHash === idem.requestHash)
        return { kind: 'claimed', resumed: true };
      return judgeReuse(stored, idem.requestHash);
    },

    async complete(
      idem: Idempotency,
      answer: { status: number; body: unknown },
      about?: About,
    ): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...key(idem),
            requestHash: idem.requestHash,
            status: answer.status,
            body: JSON.stringify(answer.body),
            expiresAt: expiresAt(),
            ...about,
          },
        }),
      );
    },

    /**
     * Removes a claim whose request was refused, and its place in the participant's list, so another
     * request may try; a completed record is never removed.
     */
    async release(idem: Idempotency, about?: About): Promise<void> {
      if (about) {
        await apartFromLoggedWrite(() =>
          transact(doc, [
            {
              Delete: {
                TableName: table,
                Key: key(idem),
                ConditionExpression: 'pending = :pending',
                ExpressionAttributeValues: { ':pending': true },
              },
            },
            {
              Update: {
                TableName: table,
                Key: aboutKey(about),
                UpdateExpression: 'DELETE refs :ref',
                ExpressionAttributeValues: { ':ref': new Set([ref(idem)]) },
              },
            },
          ]),
        );
        return;
      }
      await doc
        .send(
          new DeleteCommand({
            TableName: table,
            Key: key(idem),
            ConditionExpression: 'pending = :pending',
            ExpressionAttributeValues: { ':pending': true },
          }),
        )
        .catch((error: unknown) => {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        });
    },

    /**
     * Erasure: removes every record that names the participant, and their list. A record is removed only
     * while it still names them (a key released and used again since for someone else is left alone).
     */
    async forget(about: About): Promise<number> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: aboutKey(about), ConsistentRead: true }),
      );
      const refs = [...((Item?.refs as Set<string> | undefined) ?? [])];
      let removed = 0;
      for (const r of refs) {
        const [subject, k] = JSON.parse(r) as [string, string];
        await doc
          .send(
            new DeleteCommand({
              TableName: table,
              Key: audienceKeys.idempotency(space, subject, k),
              ConditionExpression: 'participant = :p AND centre = :c',
              ExpressionAttributeValues: { ':p': about.participant, ':c': about.centre },
            }),
          )
          .then(
            () => removed++,
            (error: unknown) => {
              if (!(error instanceof ConditionalCheckFailedException)) throw error;
            },
          );
      }
      if (Item) await doc.send(new DeleteCommand({ TableName: table, Key: aboutKey(about) }));
      return removed;
    },
  };
}
