import { describeExit, type RunningDynamo, startDynamo } from './dynamodb';
import { StartupError } from './startup-error';

export type SupervisorOptions = {
  /** Absolute folder of the database; undefined keeps it in memory (then a restart starts empty). */
  dataDir: string | undefined;
  /** Run after every start, before it counts as up: e.g. create the table. */
  prepare: (endpoint: string) => Promise<void>;
  /** Called once when DynamoDB Local could not be brought back: the runtime cannot go on. */
  onGiveUp: (error: StartupError) => void;
  log?: (line: string) => void;
  /** Starts tried after one death before giving up; default 3. */
  attempts?: number;
};

export type SupervisedDynamo = {
  /** The same for every restart: the functions keep the client they built for it. */
  endpoint: string;
  /** The Java process running now; undefined while it is being restarted. */
  pid(): number | undefined;
  stop(): Promise<void>;
};

const DEFAULT_ATTEMPTS = 3;
const PAUSE_BETWEEN_ATTEMPTS_MS = 1_000;

/**
 * DynamoDB Local that comes back when it dies. It is restarted on the same port (the functions hold a
 * client for that endpoint) and the same data folder, up to `attempts` times in a row; every step is
 * said in the terminal. Requests made meanwhile are refused at once and answered 503 by the API.
 */
export async function superviseDynamo(options: SupervisorOptions): Promise<SupervisedDynamo> {
  const log = options.log ?? ((line: string) => console.error(line));
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const silent = () => undefined;
  const first = await startDynamo({ dataDir: options.dataDir, onUnexpectedExit: silent });
  try {
    await options.prepare(first.endpoint);
  } catch (e) {
    await first.stop();
    throw e;
  }
  let current: RunningDynamo | undefined = first;
  let stopped = false;

  async function restart(): Promise<RunningDynamo | undefined> {
    let lastError = '';
    for (let attempt = 1; attempt <= attempts && !stopped; attempt++) {
      const started = Date.now();
      let next: RunningDynamo | undefined;
      try {
        next = await startDynamo({ port: first.port, dataDir: options.dataDir, onUnexpectedExit: silent });
        await options.prepare(next.endpoint);
        log(
          `[dynamodb] DynamoDB Local is back (attempt ${attempt} of ${attempts}, ${((Date.now() - started) / 1000).toFixed(1)} s); ` +
            'the API answers again.',
        );
        return next;
      } catch (e) {
        await next?.stop();
        lastError = e instanceof Error ? e.message : String(e);
        log(`[dynamodb] Restart attempt ${attempt} of ${attempts} failed: ${lastError}`);
        await new Promise((r) => setTimeout(r, PAUSE_BETWEEN_ATTEMPTS_MS));
      }
    }
    if (!stopped) {
      options.onGiveUp(
        new StartupError(
          'dynamodb_failed',
          `DynamoDB Local stopped and did not start again after ${attempts} attempts (last: ${lastError}). ` +
            `${options.dataDir ? `The data is kept in ${options.dataDir}. ` : ''}Run \`npm start\` again.`,
        ),
      );
    }
    return undefined;
  }

  async function watch(): Promise<void> {
    while (current && !stopped) {
      const exit = await current.exited;
      if (stopped) return;
      current = undefined;
      log(
        `[dynamodb] DynamoDB Local stopped unexpectedly (${describeExit(exit)}). Restarting it ` +
          `${options.dataDir ? `on the same data folder, ${options.dataDir}` : 'in memory: what it held is gone'}; ` +
          `until it is back the API answers 503. Its last output was: ${exit.lastOutput}`,
      );
      current = await restart();
    }
  }
  const watching = watch();

  return {
    endpoint: first.endpoint,
    pid: () => current?.pid,
    async stop() {
      stopped = true;
      await current?.stop();
      await watching;
      // A restart under way when stop() came has left its process in `current`.
      await current?.stop();
    },
  };
}
