import { resolve } from 'node:path';
import { useLoggerClass } from '@crux/functions/observability/logger';
import { LineLogger } from './log-line';
import { startRuntime } from './runtime';
import { isStartupError } from './startup-error';

/** `npm start`: the platform on this machine, data kept in `.local/` between runs. */
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

async function main(): Promise<void> {
  const started = Date.now();
  // The functions' log lines, one readable line each in this terminal (CRUX_LOG_FORMAT=json keeps
  // Lambda's JSON); CloudWatch's metric blobs would only be noise here.
  if (process.env.CRUX_LOG_FORMAT !== 'json') useLoggerClass(LineLogger);
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  // CRUX_DATA_DIR moves the data folder, e.g. to try a fresh start without losing `.local/`.
  const dataDir = process.env.CRUX_DATA_DIR ? resolve(process.env.CRUX_DATA_DIR) : undefined;
  let runtime: Awaited<ReturnType<typeof startRuntime>>;
  try {
    runtime = await startRuntime({ port: portFromEnv(), ...(dataDir ? { dataDir } : {}) });
  } catch (e) {
    if (isStartupError(e)) {
      console.error(`\nCannot start: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }

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
      '',
      ...users,
      '',
      `  Demo data: ${runtime.seeded === 'created' ? 'created now' : 'kept from an earlier start'} (data folder ${dataDir ?? '.local/'})`,
      '  Figures job: runs every 10 minutes; run it now with `npm run job`',
      '  Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

await main();
