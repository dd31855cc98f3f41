import { randomUUID } from 'node:crypto';
import { externalIdempotency } from '@crux/store/external-idempotency';
import type { Idempotency } from '@crux/store/idempotency';
import { describe, expect, it } from 'vitest';
import { testStore, testTableName, uniqueCentreId } from '../setup/dynamo';
import { accountsRequest } from './records';

/**
 * The accounts API's remembered answers that name a participant (their own account: e-mail and name) are
 * listed under the participant when claimed, so their erasure removes every one of them, finished or cut
 * off, and nothing else: not another participant's, and not a key released and used since for someone
 * else. Against DynamoDB Local, through the store as the functions use it.
 */
const requests = () => externalIdempotency(testStore(), testTableName(), 'accounts');
const request = (subject: string, body = randomUUID()): Idempotency => ({
  subject,
  key: randomUUID(),
  requestHash: body,
});
const stored = (idem: Idempotency) => accountsRequest(testStore(), testTableName(), idem);

describe("the accounts API's records of a participant, at their erasure", () => {
  it('removes each record naming them, finished or pending, and leaves the others', async () => {
    const centre = uniqueCentreId('idem');
    const [a, b, c] = [
      { centre, participant: randomUUID() },
      { centre, participant: randomUUID() },
      { centre, participant: randomUUID() },
    ];
    const staff = `staff-${randomUUID()}`;
    const finished = request(staff);
    const cutOff = request(staff);
    const others = request(staff);
    for (const [idem, about] of [
      [finished, a],
      [cutOff, c],
      [others, b],
    ] as const)
      expect(await requests().claim(idem, about)).toEqual({ kind: 'claimed', resumed: false });
    await requests().complete(finished, { status: 201, body: { email: 'a@eksempel.no' } }, a);
    await requests().complete(others, { status: 201, body: { email: 'b@eksempel.no' } }, b);

    expect(await requests().forget(a)).toBe(1);
    expect(await requests().forget(c)).toBe(1);
    expect(await stored(finished)).toBeUndefined();
    expect(await stored(cutOff)).toBeUndefined();
    expect(await stored(others)).toMatchObject({ status: 201, participant: b.participant });
    // A second erasure (a retry) finds nothing more.
    expect(await requests().forget(a)).toBe(0);
  });

  it('holds one request per participant at a time: another is taken until the first is released', async () => {
    const about = { centre: uniqueCentreId('idem'), participant: randomUUID() };
    const first = request(`staff-${randomUUID()}`);
    const second = request(`leader-${randomUUID()}`);
    expect(await requests().claim(first, about)).toEqual({ kind: 'claimed', resumed: false });
    expect(await requests().claim(second, about)).toEqual({ kind: 'taken' });
    // The first, sent again after being cut off, carries on.
    expect(await requests().claim(first, about)).toEqual({ kind: 'claimed', resumed: true });
    await requests().release(first, about);
    expect(await stored(first)).toBeUndefined();
    expect(await requests().claim(second, about)).toEqual({ kind: 'claimed', resumed: false });
  });

  it("leaves a key released and used since for another participant's account", async () => {
    const centre = uniqueCentreId('idem');
    const [a, b] = [
      { centre, participant: randomUUID() },
      { centre, participant: randomUUID() },
    ];
    const refused = request(`staff-${randomUUID()}`);
    await requests().claim(refused, a);
    // Released as before the list was kept tidy: the list still names the key, the record goes.
    await requests().release(refused);
    const reused = { ...refused, requestHash: randomUUID() };
    expect(await requests().claim(reused, b)).toEqual({ kind: 'claimed', resumed: false });
    await requests().complete(reused, { status: 201, body: { email: 'b@eksempel.no' } }, b);

    expect(await requests().forget(a)).toBe(0);
    expect(await stored(reused)).toMatchObject({ status: 201, participant: b.participant });
  });
});
