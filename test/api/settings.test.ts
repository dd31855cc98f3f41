import { defaultCentreSettings } from '@crux/domain/centre-settings';
import { describe, expect, it } from 'vitest';
import { uniqueCentreId } from '../setup/dynamo';
import { call, claimsFor } from './call';
import { race } from './fixtures';
import { centrePartition } from './snapshot';

/** Which kinds a centre's *I dag* shows, in its order: the defaults until the leader chooses, versioned. */
function setUp() {
  const centre = uniqueCentreId('settings');
  const path = `/api/centres/${centre}/settings`;
  const leader = claimsFor('leader', centre);
  const get = async () => (await call({ method: 'GET', path, claims: claimsFor('staff', centre) })).body;
  const put = (todayKinds: string[], version: number) =>
    call({ method: 'PUT', path, claims: leader, body: { todayKinds, version } });
  return { centre, leader, get, put };
}

describe('centre settings', () => {
  it('are the defaults until the leader chooses; the choice is stored with who and when', async () => {
    const { leader, get, put } = setUp();
    expect(await get()).toEqual(defaultCentreSettings);
    const chosen = await put(['cabin_trip', 'visit', 'food_bag'], 0);
    expect(chosen.status).toBe(200);
    expect(chosen.body).toEqual({
      todayKinds: ['cabin_trip', 'visit', 'food_bag'],
      participantSignIn: false,
      version: 1,
      updatedAt: expect.any(String),
      updatedBy: leader.sub,
    });
    expect(await get()).toEqual(chosen.body);
    expect((await put(['visit'], 1)).body).toMatchObject({ todayKinds: ['visit'], version: 2 });
  });

  it('a stale version is 409 with the settings as stored, and nothing written', async () => {
    const { centre, get, put } = setUp();
    await put(['visit', 'contact_point', 'practical_help'], 0);
    const before = await centrePartition(centre);
    for (const version of [0, 2]) {
      const stale = await put(['visit'], version);
      expect(stale.status).toBe(409);
      expect(stale.body.error.current).toEqual(await get());
    }
    expect(await centrePartition(centre)).toEqual(before);
  });

  it('two leaders saving the same version at once: one is stored, the other is 409', async () => {
    const { get, put } = setUp();
    const [won, lost] = await race(
      () => put(['visit', 'practical_help'], 0),
      () => put(['contact_point'], 0),
    );
    expect([won.status, lost.status]).toEqual([200, 409]);
    expect(await get()).toEqual(won.body);
    expect(lost.body.error.current).toEqual(won.body);
  });

  it('refuses a kind not in the catalogue, or named twice, naming the place in the list', async () => {
    const { centre, put } = setUp();
    const cases: [string[], string, string][] = [
      [['visit', 'no_such_kind'], 'todayKinds.1', 'unknown_type'],
      [['visit', 'contact_point', 'visit'], 'todayKinds.2', 'duplicate_id'],
    ];
    for (const [kinds, field, rule] of cases) {
      const answer = await put(kinds, 0);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.error.fields).toEqual([expect.objectContaining({ field, rule })]);
    }
    expect(await centrePartition(centre)).toEqual([]);
  });
});
