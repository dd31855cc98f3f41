import { type FiguresJobSummary, runFiguresJob } from './run';

export { type FiguresJobOptions, type FiguresJobSummary, runFiguresJob } from './run';

/**
 * EventBridge Scheduler's target (nightly, and on demand). The schedule's payload carries nothing the
 * job needs: what to do comes from the dirty markers. The summary holds counts only, no names or ids
 * of people, so it can go to the logs as it is.
 */
export async function handler(): Promise<FiguresJobSummary> {
  const summary = await runFiguresJob();
  console.log(JSON.stringify({ level: 'info', event: 'figures_job', ...summary }));
  return summary;
}
