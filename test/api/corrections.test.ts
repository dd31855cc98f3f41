import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uniqueCentreId } from '../setup/dynamo';
import { type Answer, call, claimsFor } from './call';
import { createParticipant, dirtyMonths, made, race, visitBody } from './fixtures';
import { centrePartition } from './snapshot';

/**
 * A saved entry of *I dag* corrected or deleted by staff: against the version shown, with who and when
 * kept, and its month marked for the figures job as a new entry's is.
 */
async function setUp() {
  const centre = uniqueCentreId('fix');
  const staff = claimsFor('staff', centre);
  const base = `/api/centres/${centre}/activities`;
  const [entry] = (await made(centre, base, visitBody({ date: '2024-03-05', count: 3 }))).items;
  const path = `${base}/${entry.date}/${entry.id}`;
  const put = (body: Record<string, unknown>, claims = staff) => call({ method: 'PUT', path, claims, body });
  const remove = (version: number, at = path) =>
    call({ method: 'DELETE', path: at, claims: staff, query: { version: String(version) } });
  const listed = async () =>
    (
      await call({
        method: 'GET',
        path: base,
        claims: staff,
        query: { from: '2024-03-01', to: '2024-03-31' },
      })
    ).body.items;
  const stored = async () =>
    (await centrePartition(centre)).find((i) => i.SK === `A#${entry.date}#${entry.id}`);
  const unchanged = async (send: () => Promise<Answer>) => {
    const before = await centrePartition(centre);
    const answer = await send();
    expect(await centrePartition(centre)).toEqual(before);
    return answer;
  };
  return { centre, staff, entry, path, put, remove, listed, stored, unchanged };
}

describe('correcting a saved entry', () => {
  it('changes its kind, count or person against the version shown, keeping who and when', async () => {
    const { centre, entry, put, listed, stored } = await setUp();
    const p = await createParticipant(centre);
    const leader = claimsFor('leader', centre);
    const answer = await put(
      { kind: 'support_conversation', count: 2, participantId: p.id, version: 1 },
      leader,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: entry.id,
      date: entry.date,
      kind: 'support_conversation',
      count: 2,
      participantId: p.id,
      version: 2,
      updatedAt: expect.any(String),
      updatedBy: leader.sub,
    });
    // Who registered it and when stay beside who corrected it.
    expect(await listed()).toEqual([
      { ...answer.body, createdAt: entry.createdAt, createdBy: entry.createdBy },
    ]);
    const unnamed = await put({ kind: 'visit', count: 2, version: 2 });
    expect(unnamed.status).toBe(200);
    expect(await stored()).not.toHaveProperty('participantId');
  });

  it('a stale version is 409 with the entry as stored, and nothing written', async () => {
    const { put, stored, unchanged } = await setUp();
    expect((await put({ kind: 'visit', count: 4, version: 1 })).status).toBe(200);
    const stale = await unchanged(() => put({ kind: 'visit', count: 9, version: 1 }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    const { PK: _pk, SK: _sk, ...now } = (await stored()) as Record<string, unknown>;
    expect(stale.body.error.current).toEqual(now);
    expect(now).toMatchObject({ count: 4, version: 2 });
  });

  it('two corrections of the same version at once: one is stored, the other is 409, none overwritten', async () => {
    const { put, stored } = await setUp();
    const [won, lost] = await race(
      () => put({ kind: 'visit', count: 5, version: 1 }),
      () => put({ kind: 'visit', count: 7, version: 1 }),
    );
    expect([won.status, lost.status]).toEqual([200, 409]);
    expect(await stored()).toMatchObject({ count: won.body.count, version: 2 });
    expect(lost.body.error.current).toMatchObject({ count: won.body.count, version: 2 });
  });

  it('marks its month for the figures job, as a new entry does', async () => {
    const { centre, put } = await setUp();
    expect(await dirtyMonths(centre)).toEqual({ '2024-03': 1 });
    await put({ kind: 'visit', count: 4, version: 1 });
    expect(await dirtyMonths(centre)).toEqual({ '2024-03': 2 });
  });

  it('refuses a participant of another centre, an unknown kind, and a kind’s participant rule, naming the field', async () => {
    const { put, unchanged } = await setUp();
    const foreign = await createParticipant(uniqueCentreId('fix'));
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { kind: 'visit', count: 1, participantId: foreign.id, version: 1 },
        'participantId',
        'unknown_participant',
      ],
      [{ kind: 'no_such_kind', count: 1, version: 1 }, 'kind', 'unknown_type'],
      [{ kind: 'cabin_trip', count: 1, version: 1 }, 'participantId', 'participant_required'],
    ];
    for (const [body, field, rule] of cases) {
      const answer = await unchanged(() => put(body));
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.error.fields).toEqual([expect.objectContaining({ field, rule })]);
    }
  });

  it('an entry that does not exist, or of another day, is 404', async () => {
    const { centre, entry, unchanged } = await setUp();
    for (const path of [
      `/api/centres/${centre}/activities/2024-03-06/${entry.id}`,
      `/api/centres/${centre}/activities/2024-03-05/${randomUUID()}`,
    ]) {
      const answer = await unchanged(() =>
        call({
          method: 'PUT',
          path,
          claims: claimsFor('staff', centre),
          body: { kind: 'visit', count: 1, version: 1 },
        }),
      );
      expect(answer.status).toBe(404);
    }
  });
});

describe('deleting a saved entry', () => {
  it('keeps who and when, leaves the list, marks the month, and cannot be undone by a late correction', async () => {
    const { centre, staff, entry, put, remove, listed, stored, unchanged } = await setUp();
    const removed = await remove(1);
    expect(removed.status).toBe(204);
    expect(await listed()).toEqual([]);
    expect(await stored()).toMatchObject({
      ...entry,
      version: 2,
      deletedAt: expect.any(String),
      deletedBy: staff.sub,
    });
    expect(await dirtyMonths(centre)).toEqual({ '2024-03': 2 });
    expect((await unchanged(() => remove(2))).status).toBe(404);
    expect((await unchanged(() => put({ kind: 'visit', count: 1, version: 2 }))).status).toBe(404);
  });

  it('names the version shown: a stale one is 409 with the entry as stored, and nothing deleted', async () => {
    const { put, remove, listed, unchanged } = await setUp();
    await put({ kind: 'visit', count: 8, version: 1 });
    const stale = await unchanged(() => remove(1));
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ count: 8, version: 2 });
    expect(await listed()).toHaveLength(1);
  });

  it('a correction and a deletion of the same version at once: exactly one happens', async () => {
    const { put, remove, stored } = await setUp();
    const [corrected, deleted] = await Promise.all([put({ kind: 'visit', count: 6, version: 1 }), remove(1)]);
    const now = await stored();
    if (deleted.status === 204) {
      // The correction came second, to an entry that is gone.
      expect(corrected.status).toBe(404);
      expect(now).toMatchObject({ count: 3, version: 2, deletedAt: expect.any(String) });
    } else {
      expect([corrected.status, deleted.status]).toEqual([200, 409]);
      expect(now).toMatchObject({ count: 6, version: 2 });
      expect(now).not.toHaveProperty('deletedAt');
    }
  });
});
