import { spawn } from 'node:child_process';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { StartupError } from './startup-error';

/**
 * What the web client's build is made from, relative to the repository: its own sources and the two
 * workspace packages it may import (@crux/api, @crux/domain). Folders count too: deleting a file
 * changes its folder's time.
 */
export const webSources = [
  'packages/web/src',
  'packages/web/index.html',
  'packages/web/public',
  'packages/web/vite.config.ts',
  'packages/web/package.json',
  'packages/api/src',
  'packages/domain/src',
];
const TESTS = /\.test\.tsx?$/;

export type WebBuildState = 'missing' | 'stale' | 'current';

/** Newest modification time (ms) under `path`, tests left out; 0 when it does not exist. */
async function newest(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return TESTS.test(path) ? 0 : info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((name) => newest(join(path, name))));
  return Math.max(info.mtimeMs, ...times);
}

/** Whether `packages/web/dist` exists and is newer than everything it is built from. */
export async function webBuildState(root: string): Promise<WebBuildState> {
  const built = await stat(join(root, 'packages/web/dist/index.html')).catch(() => undefined);
  if (!built) return 'missing';
  const sources = await Promise.all(webSources.map((path) => newest(join(root, path))));
  return Math.max(...sources) > built.mtimeMs ? 'stale' : 'current';
}

/**
 * Builds the web client when it is missing or older than its sources, so that `npm ci && npm start`
 * is all a new user needs. One line says what is happening (`write` adds no line breaks of its own);
 * Vite's own output is shown only if it fails.
 */
export async function ensureWebBuilt(root: string, write: (text: string) => void): Promise<void> {
  const state = await webBuildState(root);
  if (state === 'current') return;
  const started = Date.now();
  write(
    state === 'missing'
      ? 'Building the web client (packages/web/dist is missing)… '
      : 'Rebuilding the web client (its sources changed since the last build)… ',
  );
  const web = join(root, 'packages/web');
  const vite = join(
    createRequire(join(web, 'package.json')).resolve('vite/package.json'),
    '..',
    'bin',
    'vite.js',
  );
  // Built beside dist and moved into place whole: a runtime already serving dist never sees half a
  // build, and two starts building at once (tests can) each move in a complete one.
  const building = join(web, `dist-building-${process.pid}-${Date.now()}`);
  const args = [vite, 'build', '--logLevel', 'warn', '--outDir', building, '--emptyOutDir'];
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: web, stdio: 'pipe' });
    let text = '';
    const keep = (chunk: Buffer) => {
      text = (text + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => resolve({ code: null, output: e.message }));
    child.on('exit', (exit) => resolve({ code: exit, output: text }));
  });
  if (code === 0) await moveIntoPlace(building, join(web, 'dist'));
  else await rm(building, { recursive: true, force: true });
  if (code !== 0) {
    write('failed.\n');
    throw new StartupError(
      'web_build_failed',
      `The web client could not be built (\`npm run build:web\` shows the same). Vite said: ${output.trim() || '(nothing)'}`,
    );
  }
  write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

async function moveIntoPlace(built: string, dist: string): Promise<void> {
  const old = `${built}-old`;
  await rename(dist, old).catch(() => undefined);
  await rename(built, dist).catch(async (e: NodeJS.ErrnoException) => {
    // Another start moved its build in first: as good as ours.
    if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
    await rm(built, { recursive: true, force: true });
  });
  await rm(old, { recursive: true, force: true });
}
