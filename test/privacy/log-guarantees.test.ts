import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { issueLogScope, withPendingEntry } from '@crux/store/access-log';
import { logRef } from '@crux/store/log-keys';
import { countRequests } from '@crux/store/request-counter';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, claimsFor, functionsReady } from '../api/call';
import { createParticipant, participantBody } from '../api/fixtures';
import { centrePartition } from '../api/snapshot';
import { testStore, testTableName, uniqueCentreId } from '../setup/dynamo';
import { entriesOf, logOf } from './records';

/** The functions' own client (locally every centre's client), loaded after the environment is set. */
let functionsClient: DynamoDBDocumentClient;

beforeAll(async () => {
  await functionsReady();
  functionsClient = (await import('@crux/functions/runtime/dynamo')).documentClient();
});

type Sent = { command: string; input: Record<string, unknown> };

/** Runs `work` while watching the functions' requests; `fail` refuses the ones it picks, as a database away. */
async function watching<T>(work: () => Promise<T>, fail: (s: Sent) => boolean = () => false) {
  const sent: Sent[] = [];
  const name = `watch-${randomUUID()}`;
  functionsClient.middlewareStack.add(
    (next, context) => async (args) => {
      const s = { command: context.commandName ?? '', input: args.input as Record<string, unknown> };
      sent.push(s);
      if (fail(s)) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    return { result: await work(), sent };
  } finally {
    functionsClient.middlewareStack.remove(name);
  }
}

const touchesLog = (s: Sent) => JSON.stringify(s.input).includes('#LOG"');

describe('the access log never lets personal data through unlogged', () => {
  it('a read is logged beside it: one read and one put, sent together', async () => {
    const centre = uniqueCentreId('guard');
    const p = await createParticipant(centre);
    const counter = countRequests(functionsClient);
    try {
      const answer = await call({
        method: 'GET',
        path: `/api/centres/${centre}/participants/${p.id}`,
        claims: claimsFor('staff', centre),
      });
      expect(answer.status).toBe(200);
      expect(counter.counts().byCommand).toEqual({ GetItemCommand: 1, PutItemCommand: 1 });
    } finally {
      counter.detach();
    }
  });

  it('a read whose entry cannot be written is not answered: 503, and no data in the answer', async () => {
    const centre = uniqueCentreId('guard');
    const p = await createParticipant(centre);
    const { result: answer } = await watching(
      () =>
        call({
          method: 'GET',
          path: `/api/centres/${centre}/participants/${p.id}`,
          claims: claimsFor('staff', centre),
        }),
      touchesLog,
    );
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('unavailable');
    expect(answer.body.error.message.nb).toMatch(/tilgangsloggen/);
    expect(JSON.stringify(answer.body)).not.toMatch(/Kari|Nordmann|birthYear/);
  });

  it('a list is logged after it, naming whom it showed; unlogged it is a 503', async () => {
    const centre = uniqueCentreId('guard');
    const p = await createParticipant(centre);
    const request = {
      method: 'GET',
      path: `/api/centres/${centre}/participants`,
      claims: claimsFor('staff', centre),
    } as const;
    const { result: refused } = await watching(() => call(request), touchesLog);
    expect(refused.status).toBe(503);
    const requestId = randomUUID();
    expect((await call({ ...request, requestId })).status).toBe(200);
    const [entry] = await entriesOf(centre, requestId);
    expect(entry?.people.participant).toEqual([logRef(centre, 'participant', p.id)]);
  });

  it("a change is logged in the change's own transaction, and nothing else is sent to write", async () => {
    const centre = uniqueCentreId('guard');
    const p = await createParticipant(centre);
    const { result: answer, sent } = await watching(() =>
      call({
        method: 'PUT',
        path: `/api/centres/${centre}/participants/${p.id}`,
        claims: claimsFor('staff', centre),
        body: participantBody({ displayName: 'Kari N.', version: 1 }),
      }),
    );
    expect(answer.status).toBe(200);
    expect(sent.map((s) => s.command)).toEqual(['TransactWriteItemsCommand']);
    const items = (sent[0]?.input.TransactItems ?? []) as Record<
      string,
      { Key?: unknown; Item?: { PK?: string } }
    >[];
    expect(items.map((i) => Object.keys(i)[0])).toEqual(['Update', 'Put']);
    expect(items[1]?.Put?.Item?.PK).toBe(`C#${centre}#LOG`);
  });

  it('a change whose entry cannot be written is not stored', async () => {
    const centre = uniqueCentreId('guard');
    const p = await createParticipant(centre);
    const before = await centrePartition(centre);
    const { result: answer } = await watching(
      () =>
        call({
          method: 'PUT',
          path: `/api/centres/${centre}/participants/${p.id}`,
          claims: claimsFor('staff', centre),
          body: participantBody({ displayName: 'Kari N.', version: 1 }),
        }),
      touchesLog,
    );
    expect(answer.status).toBe(503);
    expect(await centrePartition(centre)).toEqual(before);
  });

  it('a retried POST: two calls, two entries; the participant stored once', async () => {
    const centre = uniqueCentreId('guard');
    const key = randomUUID();
    const ids = [randomUUID(), randomUUID()];
    const claims = claimsFor('staff', centre);
    for (const requestId of ids) {
      const answer = await call({
        method: 'POST',
        path: `/api/centres/${centre}/participants`,
        claims,
        body: participantBody(),
        idempotencyKey: key,
        requestId,
      });
      expect(answer.status).toBe(201);
    }
    const [first, second] = await Promise.all(ids.map((id) => entriesOf(centre, id)));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second?.[0]?.people).toEqual(first?.[0]?.people);
    const participants = (await centrePartition(centre)).filter((i) => String(i.SK).startsWith('P#'));
    expect(participants).toHaveLength(1);
  });

  it('a write refused for its body is logged as let through with its code, and writes nothing else', async () => {
    const centre = uniqueCentreId('guard');
    const requestId = randomUUID();
    const answer = await call({
      method: 'POST',
      path: `/api/centres/${centre}/participants`,
      claims: claimsFor('staff', centre),
      body: participantBody({ birthYear: 'x' }),
      requestId,
    });
    expect(answer.status).toBe(400);
    expect(await entriesOf(centre, requestId)).toMatchObject([{ outcome: 'allowed', code: 'validation' }]);
    expect(await centrePartition(centre)).toEqual([]);
  });

  it('a route that touches no personal data leaves no entry', async () => {
    const centre = uniqueCentreId('guard');
    const answer = await call({
      method: 'GET',
      path: `/api/centres/${centre}/settings`,
      claims: claimsFor('staff', centre),
    });
    expect(answer.status).toBe(200);
    expect(await logOf(centre)).toEqual([]);
  });

  it('inside a logged write, a write that is not a transaction is refused before it is sent', async () => {
    const centre = uniqueCentreId('guard');
    const doc = testStore();
    const entry = {
      table: testTableName(),
      scope: issueLogScope(centre),
      at: new Date().toISOString(),
      nonce: 'n',
      draft: () => {
        throw new Error('not reached');
      },
      committed: false,
    };
    const put = new PutCommand({ TableName: testTableName(), Item: { PK: `C#${centre}`, SK: 'X' } });
    await expect(withPendingEntry(entry, () => doc.send(put))).rejects.toThrow(/transaction/);
    expect(await centrePartition(centre)).toEqual([]);
  });
});
