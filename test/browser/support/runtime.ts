import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Runtime, type RuntimeOptions, startRuntime } from '@crux/local/runtime';

const webDist = fileURLToPath(new URL('../../../packages/web/dist', import.meta.url));

/** The embedded runtime, in memory with demo data, serving the web client's real build. */
export async function startTestRuntime(options: Pick<RuntimeOptions, 'lifetimes'> = {}): Promise<Runtime> {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error('packages/web/dist is missing: run `npm run build:web` first (npm test does)');
  }
  return startRuntime({ port: 0, inMemory: true, seedDemo: true, webDist, ...options });
}
