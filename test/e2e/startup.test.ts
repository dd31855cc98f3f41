import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HeadOfficeYear } from '@crux/domain/figure-set';
import { todayInOslo } from '@crux/domain/period';
import { parseJavaMajor, startDynamo } from '@crux/local/dynamodb';
import { issueTokens } from '@crux/local/idp/tokens';
import { freePort } from '@crux/local/ports';
import { startRuntime } from '@crux/local/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './harness';

/**
 * What a person sees when the runtime cannot start: one clear paragraph and exit code 1, never a
 * stack trace. `npm start` and `npm run job` are run as the real commands would run them.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const stackLine = /\n\s+at .+:\d+:\d+/;

type Run = { code: number | null; stdout: string; stderr: string };

function run(script: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsx, join(root, 'packages', 'local', 'src', script)],
      { cwd: root, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

let blocker: Server;
let takenPort: number;
let scratch: string;

beforeAll(async () => {
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen({ port: 0, host: '127.0.0.1' }, resolve));
  takenPort = (blocker.address() as { port: number }).port;
  scratch = await mkdtemp(join(tmpdir(), 'crux-startup-'));
});
afterAll(async () => {
  await new Promise((resolve) => blocker.close(resolve));
  await rm(scratch, { recursive: true, force: true });
});

describe('a taken port', () => {
  it('makes startRuntime fail with a clear message before anything else starts', async () => {
    const failure = startRuntime({ port: takenPort, inMemory: true, seedDemo: false });
    await expect(failure).rejects.toMatchObject({
      code: 'port_taken',
      message: expect.stringContaining(`Port ${takenPort} is already in use`),
    });
  });

  it('makes npm start print one paragraph and exit 1', async () => {
    const result = await run('main.ts', { PORT: String(takenPort), CRUX_DATA_DIR: join(scratch, 'unused') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Port ${takenPort} is already in use`);
    expect(result.stderr).toContain('PORT=3001 npm start');
    expect(result.stderr).not.toMatch(stackLine);
  });

  it('is reported for DynamoDB Local too', async () => {
    await expect(startDynamo({ port: takenPort })).rejects.toMatchObject({ code: 'port_taken' });
  });
});

describe('a broken data folder', () => {
  it('that is a file: unusable, exit 1', async () => {
    const file = join(scratch, 'not-a-folder');
    await writeFile(file, 'x');
    const result = await run('main.ts', { PORT: '0', CRUX_DATA_DIR: file });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The data folder ${join(file, 'dynamodb')} cannot be used`);
    expect(result.stderr).not.toMatch(stackLine);
  });

  it('with a damaged database file: corrupt, exit 1, with what to do', async () => {
    const dir = join(scratch, 'corrupt');
    await mkdir(join(dir, 'dynamodb'), { recursive: true });
    await writeFile(
      join(dir, 'dynamodb', 'shared-local-instance.db'),
      'this is not an SQLite file'.repeat(200),
    );
    const result = await run('main.ts', { PORT: '0', CRUX_DATA_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot be read');
    expect(result.stderr).toContain('Move the folder away');
    expect(result.stderr).not.toMatch(stackLine);
  });

  it('with a relative path: refused, since Java would resolve it inside node_modules', async () => {
    await expect(startDynamo({ dataDir: 'relative/dir' })).rejects.toMatchObject({
      code: 'data_dir_unusable',
    });
  });
});

describe('Java', () => {
  it('missing: exit 1 with how to install it', async () => {
    // Node stays reachable by its absolute path; Java is nowhere on this PATH.
    const result = await run('main.ts', {
      PORT: '0',
      PATH: dirname(process.execPath),
      CRUX_DATA_DIR: join(scratch, 'nojava'),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Java was not found');
    expect(result.stderr).not.toMatch(stackLine);
  });

  it('version strings of Java 8 and of modern Java are both read right', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('no version here')).toBeUndefined();
  });
});

describe('npm start settings, npm run job and the job timer', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ seedDemo: false, jobIntervalMs: 300 });
  });
  afterAll(async () => {
    await t?.runtime.stop();
  });

  it('a PORT that is not a port: exit 1', async () => {
    const result = await run('main.ts', { PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT must be a whole number');
  });

  it('npm run job with nothing running: exit 1 and how to start it', async () => {
    const closed = await freePort();
    const result = await run('job-cli.ts', { CRUX_URL: `http://127.0.0.1:${closed}` });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Nothing answers at http://127.0.0.1:${closed}`);
  });

  it('npm run job against a running runtime: runs the figures job and prints what it did', async () => {
    const result = await run('job-cli.ts', { CRUX_URL: t.runtime.url });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      job: 'figures',
      trigger: 'on-demand',
      result: { status: 'done' },
    });
  });

  it('npm run job while another run holds the lease: exit 1, naming the run and until when', async () => {
    const { createDocumentClient } = await import('@crux/store/client');
    const { jobLeaseRepo } = await import('@crux/store/job-lease-repo');
    const doc = createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT });
    const lease = jobLeaseRepo(doc, process.env.TABLE_NAME ?? '');
    // The runtime's own timer may be running the job this moment: wait for it to let go.
    let until = '';
    await expect
      .poll(
        async () => {
          until = new Date(Date.now() + 60_000).toISOString();
          return (await lease.acquire('another-run', new Date().toISOString(), until)).kind;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe('acquired');
    try {
      const result = await run('job-cli.ts', { CRUX_URL: t.runtime.url });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`run another-run holds it until ${until}`);
      expect(JSON.parse(result.stdout)).toMatchObject({ result: { status: 'skipped_running' } });
    } finally {
      await lease.release('another-run', { released: 'by the test' });
      doc.destroy();
    }
  }, 60_000);

  it('the job timer publishes a new visit without anyone asking', async () => {
    const admin = await t.token('admin');
    const centre = { id: 'timer-test', name: 'Tidtakerhuset', town: 'Drammen' };
    expect((await t.call('POST', '/api/admin/centres', { token: admin, body: centre })).status).toBe(201);
    const year = Number(todayInOslo().slice(0, 4));
    const staffToken = await issueTokens({
      key: t.key,
      issuer: t.runtime.issuer,
      user: {
        username: 'ansatt.timer',
        sub: 'timer-staff',
        role: 'staff',
        centre: 'timer-test',
        name: 'Timer',
      },
      clientId: t.runtime.clientId,
      scope: 'openid',
      authTime: Math.floor(Date.now() / 1000),
      accessTtlSeconds: 300,
      idTtlSeconds: 300,
    });
    const visit = { date: todayInOslo(), entries: [{ kind: 'visit', count: 6 }] };
    const posted = await t.call('POST', '/api/centres/timer-test/activities', {
      token: staffToken.accessToken,
      body: visit,
    });
    expect(posted.status).toBe(201);
    const headOffice = await t.token('hovedkontor');
    await expect
      .poll(
        async () => {
          const answer = await t.call('GET', `/api/headoffice/figures/${year}`, { token: headOffice });
          const row = (answer.body as HeadOfficeYear).centres.find((c) => c.centre === 'timer-test');
          return row?.figures['kind.visit'];
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(6);
  });
});
