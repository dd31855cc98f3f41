import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StoredAnswers } from '@crux/domain/survey/answer';
import { surveyKeys } from './keys';
import { queryAll } from './query-all';
import { assertIssued, type TenantScope } from './tenant-scope';

/** A closed round of a year, with its answers' choices, as the figures job counts it. */
export type ClosedRoundRecords = { id: string; year: number; version: number; answers: StoredAnswers[] };

/**
 * What the figures job reads of a centre's survey for a year: its rounds (one Query; the codes beside
 * them are filtered out on the server, by having no year), and each closed round's answers (one Query
 * each, choices only: the free text is never read by the job).
 */
export function surveyRecordsRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return {
    async closedRounds(year: number): Promise<ClosedRoundRecords[]> {
      const rounds = await queryAll(doc, {
        TableName: table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :rounds)',
        FilterExpression: '#year = :year AND #status = :closed',
        ExpressionAttributeNames: { '#year': 'year', '#status': 'status' },
        ExpressionAttributeValues: {
          ':pk': surveyKeys.pk(scope),
          ':rounds': surveyKeys.roundPrefix,
          ':year': year,
          ':closed': 'closed',
        },
        ProjectionExpression: 'id, version',
        ConsistentRead: true,
      });
      const out: ClosedRoundRecords[] = [];
      for (const r of rounds) {
        const id = String(r.id);
        const answers = await queryAll(doc, {
          TableName: table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :answers)',
          ExpressionAttributeValues: {
            ':pk': surveyKeys.answersPk(scope, id),
            ':answers': surveyKeys.answerPrefix,
          },
          ProjectionExpression: 'choices',
          ConsistentRead: true,
        });
        out.push({
          id,
          year,
          version: Number(r.version),
          answers: answers.map((a) => (a.choices ?? {}) as StoredAnswers),
        });
      }
      return out;
    },
  };
}
