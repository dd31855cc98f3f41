import { benchLighthouse } from './web';

// Its own process: the runtime points the API functions at its own DynamoDB Local, and module-level
// clients in this process would still point at the benchmark's.
process.stdout.write(JSON.stringify(await benchLighthouse()));
