import { loadavg } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../infra/lib/bundling';
import { benchBundle } from './bundle';

// `npx tsx bench/bundle-main.ts`: the bundle and cold-import figures alone (the full bench takes
// minutes), printed as JSON with the machine's load average beside them, since the import times need a
// quiet machine to mean anything.
const before = loadavg();
const figures = await benchBundle(join(repoRoot, 'bench/tmp'));
process.stdout.write(`${JSON.stringify({ loadAverage: { before, after: loadavg() }, figures }, null, 2)}\n`);
