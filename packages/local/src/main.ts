import { resolve } from 'node:path';
import { startDatabase } from './database';
import { defaultDataDir, repoRoot } from './paths';
import { assertRuntimePortFree } from './ports';
import type { Runtime } from './runtime';
import { isStartupError } from './startup-error';
import { ensureWebBuilt } from './web-build';

/**
 * `npm start`: the platform on this machine, data kept in `.local/` between runs. Only light modules
 * are imported up here; the runtime, the functions and the AWS SDK load while DynamoDB Local starts.
 */
function portFromEnv(): number {
  const raw = process.env.PORT ?? '3000';
  const port = Number(raw);
  // 0 asks the system for any free port, which the start message then names.
  if (raw.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a whole number from 0 to 65535, not "${raw}". Example: PORT=3001 npm start`);
    process.exit(1);
  }
  return port;
}

/** A start that cannot succeed: one paragraph saying why and what to do, and exit 1. */
function cannotStart(e: unknown): never {
  if (!isStartupError(e)) throw e;
  console.error(`\nCannot start: ${e.message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const started = Date.now();
  const port = portFromEnv();
  // CloudWatch's metric blobs would only be noise in this terminal.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  // CRUX_DATA_DIR moves the data folder, e.g. to try a fresh start without losing `.local/`.
  const dataDir = process.env.CRUX_DATA_DIR ? resolve(process.env.CRUX_DATA_DIR) : defaultDataDir;
  let runtime: Runtime | undefined;
  // DynamoDB Local died and would not start again: nothing works without it, so say so and stop.
  const databaseLost = async (e: Error) => {
    console.error(`\nCannot go on: ${e.message}\n`);
    await runtime?.stop();
    process.exit(1);
  };
  // A taken port is said at once, before Java is started for nothing.
  if (port !== 0) await assertRuntimePortFree(port).catch(cannotStart);
  // Java boots first, the slowest part of a start, while the web build is checked and the rest loads.
  const database = startDatabase(dataDir, (e) => void databaseLost(e));
  database.catch(() => undefined); // awaited, and its failure reported, below
  try {
    await ensureWebBuilt(repoRoot, (text) => process.stdout.write(text));
    // The functions' log lines, one readable line each in this terminal (CRUX_LOG_FORMAT=json keeps
    // Lambda's JSON); the printer must be chosen before the functions load and make their loggers.
    if (process.env.CRUX_LOG_FORMAT !== 'json') {
      const [{ useLoggerClass }, { LineLogger }] = await Promise.all([
        import('@crux/functions/observability/logger'),
        import('./log-line'),
      ]);
      useLoggerClass(LineLogger);
    }
    const { startRuntime } = await import('./runtime');
    runtime = await startRuntime({ port, dataDir, database });
  } catch (e) {
    await database.then((d) => d.stop()).catch(() => undefined);
    cannotStart(e);
  }

  announce(runtime, started, process.env.CRUX_DATA_DIR ? dataDir : undefined);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await runtime?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function announce(runtime: Runtime, started: number, dataDir: string | undefined): void {
  const width = Math.max(...runtime.demoUsers.map((u) => u.username.length));
  const users = runtime.demoUsers.map(
    (u) => `    ${u.username.padEnd(width)}  ${u.role}${u.centre ? ` (${u.centre})` : ''}`,
  );
  console.log(
    [
      '',
      `CRUX runs at ${runtime.url}  (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      '',
      '  Demo users, all with the password:',
      `    ${runtime.demoPassword}`,
      '  and a code from an authenticator app (every account has two-factor sign-in, as in AWS):',
      '    `npm run code` prints the current code; or add this key to your app once:',
      `    ${runtime.demoTotpSecret}`,
      '',
      ...users,
      '',
      '  New accounts (the admin onboards a centre with its leader; a leader invites staff) get their',
      '  invitation with a temporary password here in the terminal, as Cognito would e-mail it.',
      '  At Øvre Eiker, participant sign-in is on: staff give a participant access to their own plan',
      '  from the participant\'s page ("Gi tilgang til egen plan"), and the invitation comes here too.',
      '',
      `  Demo data: ${runtime.seeded === 'created' ? 'created now' : 'kept from an earlier start'} (data folder ${dataDir ?? '.local/'})`,
      '  Figures job: runs every 10 minutes; run it now with `npm run job`',
      '  Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
}

await main();
