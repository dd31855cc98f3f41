export type JobTrigger = 'start' | 'timer' | 'on-demand';

/** The scheduled jobs, by name, each with its module and the function it exports. */
const jobModules = {
  figures: { path: '@crux/functions/figures-job/handler', run: 'runFiguresJob' },
  retention: { path: '@crux/functions/retention-job/handler', run: 'runRetentionJob' },
} as const;
export type JobName = keyof typeof jobModules;

/** What one run did: the job's own summary, and when. */
export type JobRun = {
  job: JobName;
  trigger: JobTrigger;
  startedAt: string;
  durationMs: number;
  result: unknown;
};

function loaderOf(job: JobName): () => Promise<() => Promise<unknown>> {
  return async () => {
    const { path, run: name } = jobModules[job];
    const mod = (await import(path)) as Record<string, unknown>;
    const run = mod[name];
    if (typeof run !== 'function') throw new Error(`${path} exports no ${name}`);
    return () => (run as () => Promise<unknown>)();
  };
}

/**
 * Runs a job one at a time, as EventBridge's schedule and the on-demand call do in AWS: a call that
 * arrives while a run is under way waits for it and then runs again, so it sees every write made before
 * it was asked.
 */
export function createJobRunner(job: JobName, load: () => Promise<() => Promise<unknown>> = loaderOf(job)) {
  let loaded: Promise<() => Promise<unknown>> | undefined;
  let tail: Promise<unknown> = Promise.resolve();

  function run(trigger: JobTrigger): Promise<JobRun> {
    const next = tail.then(async () => {
      loaded ??= load().catch((e: unknown) => {
        loaded = undefined;
        throw e;
      });
      const started = Date.now();
      const result = await (await loaded)();
      return {
        job,
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
