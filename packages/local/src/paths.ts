import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Where `npm start` keeps its data unless CRUX_DATA_DIR says otherwise (git-ignored). */
export const defaultDataDir = join(repoRoot, '.local');
export const defaultWebDist = join(repoRoot, 'packages', 'web', 'dist');
