import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { superviseDynamo } from './dynamo-supervisor';
import type { StartupError } from './startup-error';

/**
 * When DynamoDB Local dies and cannot come back (here: something else took its port), the supervisor
 * says so at each attempt and then gives up once, with a message that says what to do. Restarting
 * successfully is tested through the whole runtime (test/e2e/database-faults.test.ts).
 */
let squatter: Server | undefined;
const squatterSockets = new Set<Socket>();
afterAll(
  () =>
    new Promise<void>((resolve) => {
      // close() waits for open connections: the supervisor's probes may have left some.
      for (const socket of squatterSockets) socket.destroy();
      if (squatter) squatter.close(() => resolve());
      else resolve();
    }),
);

/** Binds the port as soon as the dead process has let go of it. */
async function takePort(port: number): Promise<Server> {
  for (;;) {
    const server = createServer((socket) => {
      squatterSockets.add(socket);
      socket.on('close', () => squatterSockets.delete(socket));
    });
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen({ port, host: '127.0.0.1' }, () => resolve(true));
    });
    if (bound) return server;
    await new Promise((r) => setTimeout(r, 5));
  }
}

it('gives up after its attempts, saying each one and what to do, when DynamoDB Local cannot come back', async () => {
  const lines: string[] = [];
  let gaveUp: (e: StartupError) => void = () => undefined;
  const givenUp = new Promise<StartupError>((resolve) => {
    gaveUp = resolve;
  });
  const db = await superviseDynamo({
    dataDir: undefined,
    prepare: async () => undefined,
    onGiveUp: (e) => gaveUp(e),
    log: (line) => lines.push(line),
    attempts: 2,
  });
  const port = Number(new URL(db.endpoint).port);
  process.kill(db.pid() as number, 'SIGKILL');
  squatter = await takePort(port);

  const error = await givenUp;
  expect(error.code).toBe('dynamodb_failed');
  expect(error.message).toContain('did not start again after 2 attempts');
  expect(error.message).toContain('Run `npm start` again');
  expect(lines[0]).toMatch(/DynamoDB Local stopped unexpectedly \(killed by SIGKILL\)/);
  expect(
    lines.filter((l) => /Restart attempt \d of 2 failed: Port \d+ is already in use/.test(l)),
  ).toHaveLength(2);
  expect(db.pid()).toBeUndefined();
  await db.stop();
}, 60_000);
