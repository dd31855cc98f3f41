import { createHash, randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { PublishedQuestionnaire, Questionnaire } from '@crux/domain/survey/questionnaire';
import type { Draft, DraftComment, QuestionnaireState } from '@crux/domain/survey/requests';
import { startingQuestionnaire } from '@crux/domain/survey/starting';
import { type Idempotency, type Replay, rememberAnswer } from './idempotency';
import { questionnaireKeys } from './keys';
import { queryPrefix } from './query-all';
import { transact } from './transact';

/**
 * The survey's questionnaire, foundation data under `SURVEY`: the head office's one draft (`DRAFT`, with
 * the version it will be published as and a revision raised by every save), the network's comments on
 * the draft of each version, and the published versions (`V#…`), written once and never changed.
 */
export type { Draft, QuestionnaireState };

/** A questionnaire's fingerprint: publishing names it, so exactly the draft its maker saw is published. */
const fingerprint = (q: Questionnaire) => createHash('sha256').update(JSON.stringify(q)).digest('base64url');

const toDraft = (item: Record<string, unknown> | undefined, published: number): Draft =>
  item
    ? {
        revision: Number(item.revision),
        version: Number(item.version),
        questionnaire: item.questionnaire as Questionnaire,
        savedAt: typeof item.savedAt === 'string' ? item.savedAt : null,
      }
    : { revision: 0, version: published + 1, questionnaire: startingQuestionnaire, savedAt: null };

const toPublished = (item: Record<string, unknown>): PublishedQuestionnaire => ({
  version: Number(item.version),
  publishedAt: String(item.publishedAt),
  questionnaire: item.questionnaire as Questionnaire,
});

const toComment = (item: Record<string, unknown>): DraftComment => ({
  id: String(item.id),
  version: Number(item.version),
  ...(typeof item.question === 'string' ? { question: item.question } : {}),
  text: String(item.text),
  at: String(item.at),
});

/** Published versions never change: once read, a version is kept for the life of the function. */
const versions = new Map<number, PublishedQuestionnaire>();

export type DraftOutcome = { kind: 'written'; draft: Draft } | { kind: 'stale'; current: Draft };
export type PublishOutcome =
  | { kind: 'written'; published: PublishedQuestionnaire }
  | Replay
  | { kind: 'stale'; current: Draft };
export type CommentOutcome = { kind: 'written'; comment: DraftComment } | Replay | { kind: 'no_draft' };

export function questionnaireRepo(doc: DynamoDBDocumentClient, table: string) {
  const pk = questionnaireKeys.pk;
  return {
    /** The draft, every published version and the draft's comments: one Query of the partition. */
    async state(): Promise<QuestionnaireState> {
      const items = await queryPrefix(doc, table, pk, '', { consistent: true });
      const published = items
        .filter((i) => String(i.SK).startsWith(questionnaireKeys.versionPrefix))
        .map(toPublished);
      const draft = toDraft(
        items.find((i) => i.SK === questionnaireKeys.draft.SK),
        published.at(-1)?.version ?? 0,
      );
      const prefix = questionnaireKeys.commentsOf(draft.version);
      const comments = items.filter((i) => String(i.SK).startsWith(prefix)).map(toComment);
      return { draft, published, comments };
    },

    /** Every published version, oldest first: one Query. */
    async published(): Promise<PublishedQuestionnaire[]> {
      const items = await queryPrefix(doc, table, pk, questionnaireKeys.versionPrefix);
      const list = items.map(toPublished);
      for (const p of list) versions.set(p.version, p);
      return list;
    },

    /** One published version: a GetItem the first time, then from memory. */
    async version(version: number): Promise<PublishedQuestionnaire | undefined> {
      const known = versions.get(version);
      if (known) return known;
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: questionnaireKeys.version(version) }),
      );
      if (!Item) return undefined;
      const p = toPublished(Item);
      versions.set(version, p);
      return p;
    },

    /** Saves the draft if it is still at `revision` (0: none saved yet): one conditional UpdateItem. */
    async saveDraft(revision: number, questionnaire: Questionnaire, now: string): Promise<DraftOutcome> {
      const values = {
        ':next': revision + 1,
        ':q': questionnaire,
        ':hash': fingerprint(questionnaire),
        ':at': now,
      };
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: questionnaireKeys.draft,
            // The first draft is of version 1: a version is published only from a saved draft.
            UpdateExpression:
              revision === 0
                ? 'SET revision = :next, questionnaire = :q, #hash = :hash, savedAt = :at, version = :one'
                : 'SET revision = :next, questionnaire = :q, #hash = :hash, savedAt = :at',
            ConditionExpression: revision === 0 ? 'attribute_not_exists(PK)' : 'revision = :revision',
            ExpressionAttributeNames: { '#hash': 'hash' },
            ExpressionAttributeValues:
              revision === 0 ? { ...values, ':one': 1 } : { ...values, ':revision': revision },
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { kind: 'written', draft: toDraft(Attributes, 0) };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        // Gone is only possible if nothing was ever saved; then the starting draft is what is there.
        return { kind: 'stale', current: toDraft(error.Item ? unmarshall(error.Item) : undefined, 0) };
      }
    },

    /**
     * Publishes the draft as its version, if the stored draft is still the revision and content the head
     * office saw: one transaction of the version (never there before), the draft moved on to the next
     * version (its content kept as the starting point), and the request's remembered answer.
     */
    async publish(
      seen: { version: number; revision: number; questionnaire: Questionnaire },
      now: string,
      idem: Idempotency,
    ): Promise<PublishOutcome> {
      const { version, revision, questionnaire } = seen;
      const state = { revision, hash: fingerprint(questionnaire) };
      const draft = questionnaireKeys.draft;
      const published: PublishedQuestionnaire = { version, publishedAt: now, questionnaire };
      const outcome = await transact(
        doc,
        [
          {
            Update: {
              TableName: table,
              Key: draft,
              UpdateExpression: 'SET version = :nextVersion, revision = :nextRevision',
              ConditionExpression: 'revision = :revision AND #hash = :hash AND version = :version',
              ExpressionAttributeNames: { '#hash': 'hash' },
              ExpressionAttributeValues: {
                ':nextVersion': version + 1,
                ':nextRevision': revision + 1,
                ':revision': state.revision,
                ':hash': state.hash,
                ':version': version,
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            Put: {
              TableName: table,
              Item: { ...questionnaireKeys.version(version), ...published },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
        rememberAnswer(table, 'headoffice', idem, { status: 201, body: published }),
      );
      if (outcome.kind === 'written') return { kind: 'written', published };
      if (outcome.kind !== 'condition_failed') return outcome;
      return { kind: 'stale', current: toDraft(outcome.current, version - 1) };
    },

    /**
     * A network member's comment on the draft of `version`, if the draft is still of that version (not
     * yet published): one transaction with the check and the request's remembered answer.
     */
    async comment(
      input: { version: number; question?: string | undefined; text: string },
      now: string,
      idem: Idempotency,
    ): Promise<CommentOutcome> {
      const id = randomUUID();
      const comment: DraftComment = {
        id,
        version: input.version,
        ...(input.question ? { question: input.question } : {}),
        text: input.text,
        at: now,
      };
      const outcome = await transact(
        doc,
        [
          {
            ConditionCheck: {
              TableName: table,
              Key: questionnaireKeys.draft,
              ConditionExpression: 'version = :version',
              ExpressionAttributeValues: { ':version': input.version },
            },
          },
          {
            Put: {
              TableName: table,
              Item: { ...questionnaireKeys.comment(input.version, now, id), ...comment },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
        rememberAnswer(table, 'network', idem, { status: 201, body: comment }),
      );
      if (outcome.kind === 'written') return { kind: 'written', comment };
      if (outcome.kind === 'condition_failed') return { kind: 'no_draft' };
      return outcome;
    },
  };
}
