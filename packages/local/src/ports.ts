import { createServer } from 'node:net';
import { StartupError } from './startup-error';

/**
 * A port nobody listens on right now. Asked of the OS on every interface, because DynamoDB Local binds
 * every interface; a random port also keeps a web page from guessing where the local database answers.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Fails with a clear StartupError when something already listens on `port`. */
export function assertPortFree(port: number, what: string, hint?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(e.code === 'EADDRINUSE' || e.code === 'EACCES' ? portTaken(port, what, hint) : e);
    });
    server.listen({ port }, () => server.close(() => resolve()));
  });
}

/** `hint` says how to pick another port for this particular server. */
export function portTaken(port: number, what: string, hint = 'or choose another port'): StartupError {
  return new StartupError(
    'port_taken',
    `Port ${port} is already in use, so ${what} cannot start. Stop the program that uses it ` +
      `(\`ss -ltnp | grep :${port}\` shows which), ${hint}.`,
  );
}

const RUNTIME = ['the local runtime', 'or start on another port, e.g. `PORT=3001 npm start`'] as const;

/** The runtime's own port taken: what `npm start` says, from its early check and from its listen. */
export const runtimePortTaken = (port: number): StartupError => portTaken(port, ...RUNTIME);
export const assertRuntimePortFree = (port: number): Promise<void> => assertPortFree(port, ...RUNTIME);
