import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Runtime, type RuntimeOptions, startRuntime } from '@crux/local/runtime';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';

const webDist = fileURLToPath(new URL('../../../packages/web/dist', import.meta.url));

/** The embedded runtime, in memory with demo data, serving the web client's real build. */
export async function startTestRuntime(options: Pick<RuntimeOptions, 'lifetimes'> = {}): Promise<Runtime> {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error('packages/web/dist is missing: run `npm run build:web` first (npm test does)');
  }
  return startRuntime({ port: 0, inMemory: true, seedDemo: true, webDist, ...options });
}

export type Started = { browser: Browser; runtime: Runtime };

/**
 * Chromium and an embedded runtime for the tests of one file (or one describe): started before the
 * first, stopped after the last. `set` hands both to the file's own variables, which its helpers read.
 */
export function chromiumAndRuntime(
  set: (started: Started) => void,
  options: Pick<RuntimeOptions, 'lifetimes'> = {},
): void {
  let browser: Browser | undefined;
  let runtime: Runtime | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    runtime = await startTestRuntime(options);
    set({ browser, runtime });
  }, 180_000);
  // Above the suite's 90 s hook limit, as registers.test.ts had it: stopping after a long file can take longer.
  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
  }, 120_000);
}
