import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webBuildState, webSources } from './web-build';

/** A repository laid out like ours, with file times set by hand: what `npm start` decides to rebuild. */
let root: string;
const at = (path: string) => join(root, path);
const setTime = (path: string, seconds: number) => utimes(at(path), seconds, seconds);

async function file(path: string, seconds: number) {
  await mkdir(dirname(at(path)), { recursive: true });
  await writeFile(at(path), 'x');
  await setTime(path, seconds);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crux-web-build-'));
  for (const path of [
    'packages/web/src/main.tsx',
    'packages/web/src/pages/today.tsx',
    'packages/web/index.html',
    'packages/web/public/favicon.svg',
    'packages/web/vite.config.ts',
    'packages/web/package.json',
    'packages/api/src/routes.ts',
    'packages/domain/src/figures.ts',
    'packages/domain/src/figures.test.ts',
  ]) {
    await file(path, 1_000);
  }
  for (const folder of webSources) await setTime(folder, 1_000);
  for (const folder of ['packages/web/src/pages', 'packages/web/public']) await setTime(folder, 1_000);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the web build npm start decides on', () => {
  it('is missing without packages/web/dist', async () => {
    expect(await webBuildState(root)).toBe('missing');
  });

  it('is current when the build is newer than every source', async () => {
    await file('packages/web/dist/index.html', 2_000);
    expect(await webBuildState(root)).toBe('current');
  });

  it('ignores a changed test, which is not part of the build', async () => {
    await setTime('packages/domain/src/figures.test.ts', 3_000);
    expect(await webBuildState(root)).toBe('current');
  });

  it.each([
    'packages/web/src/pages/today.tsx',
    'packages/web/index.html',
    'packages/web/public/favicon.svg',
    'packages/web/vite.config.ts',
    'packages/api/src/routes.ts',
    'packages/domain/src/figures.ts',
  ])('is stale when %s changed after the build', async (path) => {
    await setTime(path, 3_000);
    expect(await webBuildState(root)).toBe('stale');
    await setTime(path, 1_000);
  });

  it('is stale when a source was deleted after the build (its folder changed)', async () => {
    expect(await webBuildState(root)).toBe('current');
    await rm(at('packages/web/src/pages/today.tsx'));
    await setTime('packages/web/src/pages', 3_000);
    expect(await webBuildState(root)).toBe('stale');
  });
});
