import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dynamoHome } from '@crux/local/launcher';
import { freePort } from '@crux/local/ports';
import { repoRoot } from '../infra/lib/bundling';
import { type Figure, median, progress, round } from './measure';

/**
 * How long `npm start` takes on a fresh start (the web client built, the data folder there), against
 * DynamoDB Local's own start, as its package ships it: whole processes, timed from spawn until they
 * answer, alternated so both see the same load, the median of RUNS each.
 */
const RUNS = 5;
const TARGET_RATIO = 2.5;

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** `npm start` until it prints its address; then Ctrl+C to its process group, as a terminal would. */
async function timeNpmStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', CRUX_DATA_DIR: dataDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = await new Promise<boolean>((resolve) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('CRUX runs at')) resolve(true);
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', () => resolve(false));
  });
  const ms = performance.now() - started;
  // A start that failed has exited already: then its output says why, not a failed kill.
  if (child.exitCode === null && child.signalCode === null) process.kill(-(child.pid as number), 'SIGINT');
  await exitOf(child);
  if (!ready) throw new Error(`npm start did not start: ${output}`);
  return ms;
}

/** DynamoDB Local's own launcher and JVM settings, on a data folder, until it answers HTTP. */
async function timeDynamoAlone(dbPath: string): Promise<number> {
  const home = dynamoHome();
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(home, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      '-sharedDb',
      '-dbPath',
      dbPath,
      '-disableTelemetry',
    ],
    { cwd: home, stdio: 'ignore' },
  );
  for (;;) {
    if (child.exitCode !== null) throw new Error('DynamoDB Local exited while starting');
    try {
      await fetch(`http://127.0.0.1:${port}`, { signal: AbortSignal.timeout(1_000) });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const ms = performance.now() - started;
  child.kill('SIGTERM');
  await exitOf(child);
  return ms;
}

export async function benchStartup(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crux-bench-start-'));
  const dbPath = mkdtempSync(join(tmpdir(), 'crux-bench-ddb-'));
  try {
    progress('npm start, first start (builds the web client if needed, writes the demo data; not timed)');
    await timeNpmStart(dataDir);
    const alone: number[] = [];
    const start: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      progress(`start-up times, run ${run} of ${RUNS}`);
      alone.push(await timeDynamoAlone(dbPath));
      start.push(await timeNpmStart(dataDir));
    }
    const ratio = median(start) / median(alone);
    return [
      {
        id: 'startup.dynamodb-local',
        label: "DynamoDB Local's own start (its jar and settings, data on disk, until it answers)",
        value: round(median(alone) / 1000),
        unit: 's',
        target: 'the reference for npm start',
        pass: true,
        detail: { runs: alone.map((ms) => round(ms / 1000)) },
      },
      {
        id: 'startup.npm-start',
        label: 'npm start, fresh start (web client built, data folder there), until it prints its address',
        value: round(median(start) / 1000),
        unit: 's',
        target: `≤ ${TARGET_RATIO} × DynamoDB Local's own start`,
        pass: ratio <= TARGET_RATIO,
        detail: { ratio: round(ratio), runs: start.map((ms) => round(ms / 1000)) },
      },
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dbPath, { recursive: true, force: true });
  }
}
