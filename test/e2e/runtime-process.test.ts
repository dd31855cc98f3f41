import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayInOslo } from '@crux/domain/period';
import { signInWithPassword } from '@crux/local/idp/sign-in-flow';
import { CLIENT_ID } from '@crux/local/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm start` as its own process (node running packages/local/src/main.ts, as npm start runs it), on a
 * data folder of its own: stopped with Ctrl+C it keeps every write it acknowledged, and killed with
 * SIGKILL it leaves no DynamoDB Local behind holding the port and the data files.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const main = join(root, 'packages', 'local', 'src', 'main.ts');

type Started = {
  child: ChildProcess;
  url: string;
  credentials: { password: string; totpSecret: string };
  /** How it ended, with what it printed, so that a failed stop says why. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
};

let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'crux-process-'));
});
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  // Their DynamoDB Local stops by itself once they are gone (the very thing tested below).
  for (let waited = 0; (await databaseProcesses()).length && waited < 15_000; waited += 200) {
    await new Promise((r) => setTimeout(r, 200));
  }
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts the runtime and waits for its start message (a first start also writes the demo data). */
async function startProcess(): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: root,
    env: { ...process.env, PORT: '0', CRUX_DATA_DIR: dataDir },
    // Its own process group, like a terminal's foreground job, so that Ctrl+C can be sent to the group.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const exited = new Promise<Awaited<Started['exited']>>((resolve) =>
    // 'close', not 'exit': by then everything it printed has been read.
    child.once('close', (code, signal) => resolve({ code, signal, output })),
  );
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  await expect
    .poll(() => /CRUX runs at (http:\/\/\S+)/.test(output) || child.exitCode !== null, {
      timeout: 110_000,
      interval: 100,
    })
    .toBe(true);
  const url = /CRUX runs at (http:\/\/\S+)/.exec(output)?.[1];
  if (!url) throw new Error(`npm start did not start: ${output}`);
  const password = (await readFile(join(dataDir, 'demo-password.txt'), 'utf8')).trim();
  const totpSecret = (await readFile(join(dataDir, 'demo-totp-secret.txt'), 'utf8')).trim();
  return { child, url, credentials: { password, totpSecret }, exited };
}

/** Exit code 0 after Ctrl+C; otherwise the failure names the signal or code and the process's output. */
async function expectCleanStop(started: Started): Promise<void> {
  const { code, signal, output } = await started.exited;
  expect({ code, signal }, output).toEqual({ code: 0, signal: null });
}

/** Java processes running DynamoDB Local on this test's data folder, found by their command lines. */
async function databaseProcesses(): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const command = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (command.includes('LoopbackDynamoDB') && command.includes(dataDir)) found.push(Number(entry));
  }
  return found;
}

async function staffApi(started: Started) {
  const client = { baseUrl: started.url, clientId: CLIENT_ID, redirectUri: `${started.url}/auth/callback` };
  const { accessToken } = await signInWithPassword(client, 'ansatt.ovre-eiker', started.credentials);
  const base = `${started.url}/api/centres/ovre-eiker/participants`;
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  return {
    create: (name: string, key: string) =>
      fetch(base, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': key },
        body: JSON.stringify({
          displayName: name,
          birthYear: 1980,
          startDate: todayInOslo(),
          referralSource: 'nav',
        }),
      }),
    names: async () => {
      // The demo centre has many participants: ask for these by name.
      const answer = await fetch(`${base}?limit=100&q=${encodeURIComponent('Ctrl-C')}`, { headers });
      expect(answer.status).toBe(200);
      return ((await answer.json()) as { items: { displayName: string }[] }).items.map((p) => p.displayName);
    },
  };
}

const names = Array.from({ length: 10 }, (_, i) => `Ctrl-C ${i}`);
let second: Started;

describe('npm start as its own process', () => {
  it('stopped with Ctrl+C right after acknowledged writes: exit 0, and a restart finds every one', async () => {
    const first = await startProcess();
    const api = await staffApi(first);
    for (const [i, name] of names.entries()) {
      expect((await api.create(name, `ctrl-c-write-${i}`)).status, name).toBe(201);
    }
    // What a terminal does on Ctrl+C: SIGINT to the foreground process group.
    process.kill(-(first.child.pid as number), 'SIGINT');
    await expectCleanStop(first);
    await expect.poll(() => databaseProcesses(), { timeout: 10_000 }).toEqual([]);

    second = await startProcess();
    const stored = await (await staffApi(second)).names();
    for (const name of names) expect(stored, name).toContain(name);
  }, 240_000);

  it('killed with SIGKILL: its DynamoDB Local stops too, within seconds', async () => {
    const running = await databaseProcesses();
    expect(running).toHaveLength(1);
    second.child.kill('SIGKILL');
    await second.exited;
    await expect.poll(() => databaseProcesses(), { timeout: 10_000, interval: 100 }).toEqual([]);
  }, 30_000);

  it('started again at once after a stop: it starts (no demo sign-in with a TOTP step the last start spent)', async () => {
    // The first start may write the demo data; the next two follow each other within a TOTP step.
    for (let i = 0; i < 3; i++) {
      const started = await startProcess();
      process.kill(-(started.child.pid as number), 'SIGINT');
      await expectCleanStop(started);
      await expect.poll(() => databaseProcesses(), { timeout: 10_000 }).toEqual([]);
    }
  }, 240_000);
});
