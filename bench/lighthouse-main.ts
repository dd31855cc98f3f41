import { benchLighthouse } from './lighthouse';

// Its own process: the runtime points the API functions at its own DynamoDB Local, and module-level
// clients in this process would still point at the benchmark's. Page ids as arguments audit only those.
const only = process.argv.slice(2);
process.stdout.write(JSON.stringify(await benchLighthouse(only.length > 0 ? only : undefined)));
