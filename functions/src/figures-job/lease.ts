import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { jobLeaseRepo, type LeaseOutcome } from '@crux/store/job-lease-repo';

/**
 * A run's hold on the figures job: a minute long, renewed every twenty seconds while the run lives, so a
 * run that dies (a killed process, a crashed Lambda) blocks the next for at most a minute. The clock is
 * the run's own (`now` at its start plus the time since), so tests can run the job at any date.
 */
export const LEASE_TIMING = { leaseMs: 60 * 1000, renewEveryMs: 20 * 1000 };

export type Lease = {
  /** Throws if the lease was lost (another run took it after it expired): the run must not write. */
  assertHeld(): Promise<void>;
  stop(): void;
};

export async function leaseFor(
  doc: DynamoDBDocumentClient,
  table: string,
  runId: string,
  startedAt: Date,
  timing: typeof LEASE_TIMING = LEASE_TIMING,
): Promise<{ outcome: LeaseOutcome; lease: Lease }> {
  const repo = jobLeaseRepo(doc, table);
  const began = performance.now();
  const clock = () => new Date(startedAt.getTime() + (performance.now() - began));
  const until = () => new Date(clock().getTime() + timing.leaseMs).toISOString();
  const outcome = await repo.acquire(runId, startedAt.toISOString(), until());
  let lost = false;
  let renewing: Promise<void> = Promise.resolve();
  const renew = () => {
    renewing = repo.renew(runId, until()).then(
      (held) => {
        if (!held) lost = true;
      },
      // A failed renewal is retried at the next tick; should the lease expire meanwhile, the next check says so.
      () => undefined,
    );
    return renewing;
  };
  const timer = outcome.kind === 'acquired' ? setInterval(renew, timing.renewEveryMs) : undefined;
  timer?.unref();
  return {
    outcome,
    lease: {
      async assertHeld() {
        await renewing;
        await renew();
        if (lost)
          throw new Error('figures job: the lease was lost to another run; this run writes nothing more');
      },
      stop: () => clearInterval(timer),
    },
  };
}
