import { benchLighthouse } from './lighthouse';
import { FIGURES_MARK } from './measure';

// Its own process: the runtime points the API functions at its own DynamoDB Local, and module-level
// clients in this process would still point at the benchmark's. Page ids as arguments audit only those
// (in both languages; `today:en` audits I dag in English alone).
const only = process.argv.slice(2);
// The functions this process runs log to stdout too: the figures go on a line of their own, marked.
const figures = await benchLighthouse(only.length > 0 ? only : undefined);
process.stdout.write(`\n${FIGURES_MARK}${JSON.stringify(figures)}\n`);
