export type JobTrigger = 'start' | 'timer' | 'on-demand';

/** What one run did: the job's own summary, and when. */
export type JobRun = {
  job: 'figures';
  trigger: JobTrigger;
  startedAt: string;
  durationMs: number;
  result: unknown;
};

type FiguresJobModule = { runFiguresJob?: (...args: never[]) => Promise<unknown> };

async function loadFiguresJob(): Promise<() => Promise<unknown>> {
  const path = '@crux/functions/figures-job/handler';
  const mod = (await import(path)) as FiguresJobModule;
  if (typeof mod.runFiguresJob !== 'function') {
    throw new Error('functions/src/figures-job/handler.ts exports no runFiguresJob');
  }
  const run = mod.runFiguresJob as () => Promise<unknown>;
  return () => run();
}

/**
 * Runs the figures job one at a time, as EventBridge's schedule and the on-demand call do in AWS: a
 * call that arrives while a run is under way waits for it and then runs again, so it sees every write
 * made before it was asked.
 */
export function createFiguresJobRunner(load: () => Promise<() => Promise<unknown>> = loadFiguresJob) {
  let job: Promise<() => Promise<unknown>> | undefined;
  let tail: Promise<unknown> = Promise.resolve();

  function run(trigger: JobTrigger): Promise<JobRun> {
    const next = tail.then(async () => {
      job ??= load().catch((e: unknown) => {
        job = undefined;
        throw e;
      });
      const started = Date.now();
      const result = await (await job)();
      return {
        job: 'figures' as const,
        trigger,
        startedAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        result,
      };
    });
    tail = next.catch(() => undefined);
    return next;
  }

  return { run, idle: () => tail.then(() => undefined) };
}
