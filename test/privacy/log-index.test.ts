import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccessLogEntry, AccessLogPage } from '@crux/domain/privacy/access-log';
import { personLogIndex } from '@crux/store/access-log-index';
import { accessLogKeys, logRef } from '@crux/store/log-keys';
import { countRequests } from '@crux/store/request-counter';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, claimsFor, functionsReady } from '../api/call';
import { createParticipant } from '../api/fixtures';
import { uniqueCentreId } from '../setup/dynamo';

/**
 * A participant's own log is read from an index (issue 11): the report and the export read the entries
 * that name the person alone, and those that named several (kept where they name the person), each in
 * one query of the index, not the centre's log month by month; the centre's page names
 * the participants it lists from the participations, beside its page. Counted on the functions' client.
 */
let functionsClient: DynamoDBDocumentClient;

beforeAll(async () => {
  await functionsReady();
  functionsClient = (await import('@crux/functions/runtime/dynamo')).documentClient();
});

type Sent = { command: string; input: Record<string, unknown> };

/** What `work` answers, and the requests it sends, each with its input. */
async function sentBy<T>(work: () => Promise<T>): Promise<{ result: T; sent: Sent[] }> {
  const sent: Sent[] = [];
  const name = `sent-${Math.random()}`;
  functionsClient.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push({ command: context.commandName ?? '', input: args.input as Record<string, unknown> });
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

describe("a participant's log, on its index", () => {
  it('the report: the person’s log and the centre’s entries naming several, beside the participant, the retention and its own entry', async () => {
    const centre = uniqueCentreId('plog');
    const [ada, bo] = [await createParticipant(centre), await createParticipant(centre)];
    const staff = claimsFor('staff', centre);
    for (const p of [ada, bo, ada])
      await call({ method: 'GET', path: `/api/centres/${centre}/participants/${p.id}`, claims: staff });
    // A list names both: it is on the index under the centre's key for entries naming several.
    await call({ method: 'GET', path: `/api/centres/${centre}/participants`, claims: staff });

    const path = `/api/centres/${centre}/participants/${ada.id}/access-log`;
    const counter = countRequests(functionsClient);
    const { result: answer, sent } = await sentBy(() =>
      call({ method: 'GET', path, claims: claimsFor('leader', centre) }),
    );
    const counts = counter.counts().byCommand;
    counter.detach();
    expect(answer.status).toBe(200);
    expect(counts).toEqual({ GetItemCommand: 2, QueryCommand: 2, PutItemCommand: 1 });
    const queries = sent.filter((s) => s.command === 'QueryCommand');
    const adaRef = logRef(centre, 'participant', ada.id);
    const adaLog = accessLogKeys.personPk({ centre }, adaRef);
    expect(queries.every((q) => q.input.IndexName === personLogIndex.name)).toBe(true);
    expect(queries.map((q) => (q.input.ExpressionAttributeValues as Record<string, string>)[':pk'])).toEqual([
      adaLog,
      accessLogKeys.manyPk({ centre }),
    ]);

    const items = (answer.body as { items: AccessLogEntry[] }).items;
    // Ada's creation, her two reads and the list that showed her, oldest first; nothing of Bo's alone,
    // and no index keys.
    const own = items.filter((i) => !i.via.endsWith('/access-log'));
    expect(own.map((i) => i.action)).toEqual(['create', 'read', 'read', 'list']);
    expect(own.filter((i) => i.action === 'read').map((i) => i.subject)).toEqual([staff.sub, staff.sub]);
    expect(items.every((i) => i.people.participant?.includes(adaRef))).toBe(true);
    expect(own.at(-1)?.people.participant).toHaveLength(2);
    expect(JSON.stringify(items)).not.toMatch(/"GSI|"PK"/);
  });

  it('the export reads the person’s log from its index too', async () => {
    const centre = uniqueCentreId('plog');
    const ada = await createParticipant(centre);
    const path = `/api/centres/${centre}/participants/${ada.id}/export`;
    const { result: answer, sent } = await sentBy(() =>
      call({ method: 'GET', path, claims: claimsFor('leader', centre) }),
    );
    expect(answer.status).toBe(200);
    const onIndex = sent.filter((s) => s.input.IndexName === personLogIndex.name);
    expect(onIndex).toHaveLength(2);
    expect((answer.body as { accessLog: AccessLogEntry[] }).accessLog.map((e) => e.action)).toContain(
      'create',
    );
  });

  it('the centre’s page: its page and the participations it names them from, beside each other', async () => {
    const centre = uniqueCentreId('plog');
    const ada = await createParticipant(centre);
    await call({
      method: 'GET',
      path: `/api/centres/${centre}/participants/${ada.id}`,
      claims: claimsFor('staff', centre),
    });
    const today = new Date().toISOString().slice(0, 10);
    const counter = countRequests(functionsClient);
    const answer = await call({
      method: 'GET',
      path: `/api/centres/${centre}/access-log`,
      query: { from: today, to: today },
      claims: claimsFor('leader', centre),
    });
    const counts = counter.counts().byCommand;
    counter.detach();
    expect(answer.status).toBe(200);
    expect(counts).toEqual({ QueryCommand: 2, PutItemCommand: 1 });
    expect((answer.body as AccessLogPage).participants).toEqual([
      { ref: logRef(centre, 'participant', ada.id), id: ada.id, displayName: expect.any(String) },
    ]);
  });
});
