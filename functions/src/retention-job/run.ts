import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { todayInOslo } from '@crux/domain/period';
import { accessLogCutoff, participantCutoff, retentionOf } from '@crux/domain/privacy/retention';
import { newNonce, type PendingEntry, withPendingEntry } from '@crux/store/access-log';
import { catalogueRepo } from '@crux/store/catalogue-repo';
import { centresRepo } from '@crux/store/centres-repo';
import { erasureRepo } from '@crux/store/erasure-repo';
import { retentionRepo } from '@crux/store/retention-repo';
import { issueTenantScope, type TenantScope } from '@crux/store/tenant-scope';
import { participantAccounts } from '../accounts/erasure';
import { documentClient, tableName } from '../runtime/dynamo';

export type RetentionJobOptions = {
  /** Defaults to the function's client (DYNAMODB_ENDPOINT locally, none in AWS). */
  client?: DynamoDBDocumentClient;
  /** Defaults to TABLE_NAME. */
  tableName?: string;
  /** The run's clock: which participations are past retention, and which log entries. */
  now?: Date;
};

/** Counts only: the summary goes to the logs as it is, so it names no one. */
export type RetentionJobSummary = {
  runId: string;
  ranAt: string;
  /** Participations that ended before this day were anonymised. */
  participantCutoff: string;
  /** Access-log entries of UTC days before this one were deleted. */
  accessLogCutoff: string;
  centres: number;
  participantsAnonymised: number;
  /** Their own accounts (issue 12), deleted from the user pool with them. */
  accountsDeleted: number;
  logEntriesDeleted: number;
  durationMs: number;
};

/** Who the access log names for the job's own erasures. */
const SUBJECT = 'retention-job';

/**
 * Retention (Normen fact sheet 25, GDPR Art. 5(1)(e)): the foundation's settings say how many years after
 * a participation ended its participant is kept, and how many years the access log is kept. Each run
 * anonymises every participant past the first, through the erasure's one code path (the figures of every
 * past period stay as they were, nothing of the person is left, their own account is deleted), each erasure logged in the centre's
 * access log in its first transaction; then it deletes the log entries past the second. A rerun after a
 * crash resumes an erasure cut short (its marker) and finds nothing more to do for what was done.
 */
export async function runRetentionJob(options: RetentionJobOptions = {}): Promise<RetentionJobSummary> {
  const doc = options.client ?? documentClient('batch');
  const table = options.tableName ?? tableName();
  const now = options.now ?? new Date();
  const started = performance.now();
  const runId = randomUUID();
  const { catalogue } = await catalogueRepo(doc, table).current();
  const years = retentionOf(catalogue.settings);
  const summary: RetentionJobSummary = {
    runId,
    ranAt: now.toISOString(),
    participantCutoff: participantCutoff(todayInOslo(now), years.participantYears),
    accessLogCutoff: accessLogCutoff(now, years.accessLogYears),
    centres: 0,
    participantsAnonymised: 0,
    accountsDeleted: 0,
    logEntriesDeleted: 0,
    durationMs: 0,
  };
  const retention = retentionRepo(doc, table);

  /** The erasure's access-log entry, committed with its first transaction. */
  const logged =
    (scope: TenantScope) =>
    <T>(id: string, step: () => Promise<T>): Promise<T> => {
      const entry: PendingEntry = {
        table,
        scope,
        at: summary.ranAt,
        nonce: newNonce(),
        draft: () => ({
          at: summary.ranAt,
          requestId: runId,
          subject: SUBJECT,
          role: 'job',
          via: SUBJECT,
          records: { participantId: id },
          action: 'erase',
          outcome: 'allowed',
          people: { participant: [id] },
        }),
        committed: false,
      };
      return withPendingEntry(entry, step);
    };

  for (const centre of await centresRepo(doc, table).list()) {
    summary.centres += 1;
    const scope = issueTenantScope(centre.id, 'job', SUBJECT);
    const ids = await retention.endedBefore(scope, summary.participantCutoff);
    if (!ids.length) continue;
    const accounts = participantAccounts(doc, table, centre.id);
    const outcomes = await erasureRepo(doc, table, scope).erase(
      ids.map((id) => ({ id })),
      {
        around: logged(scope),
        before: async (id) => {
          summary.accountsDeleted += await accounts.remove(id);
        },
      },
    );
    summary.participantsAnonymised += outcomes.filter((o) => o.kind === 'erased').length;
  }
  summary.logEntriesDeleted = await retention.deleteLogBefore(summary.accessLogCutoff);
  summary.durationMs = Math.round(performance.now() - started);
  return summary;
}
