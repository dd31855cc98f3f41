import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testInvitations, uniqueCentreId } from '../setup/dynamo';
import { accountsOf, create, email, nothingWritten, onboard, staffAccount } from './account-fixtures';
import { call, claimsFor } from './call';
import { accountRequestRecords, partition, poolOf, poolWith } from './snapshot';

/**
 * The accounts routes against the local identity provider's pool in DynamoDB Local (the directory the
 * local runtime gives the functions; Cognito's in AWS). Each escalation is refused with nothing written
 * (neither an account nor a request record), and paired with a request someone allowed makes.
 */
describe('a leader manages the accounts of the own centre', () => {
  it('invites staff and volunteers: the centre comes from the token, the account waits for its first sign-in', async () => {
    const centre = uniqueCentreId('acc');
    const leader = claimsFor('leader', centre);
    for (const role of ['staff', 'volunteer'] as const) {
      const address = email(role);
      const made = await create(centre, leader, {
        email: ` ${address.toUpperCase()} `,
        name: 'Per Hansen',
        role,
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      expect(made.body).toMatchObject({
        email: address,
        name: 'Per Hansen',
        role,
        centre,
        status: 'invited',
      });
      expect(testInvitations.at(-1)).toMatchObject({ to: address });
      expect(testInvitations.at(-1)?.body).toContain(testInvitations.at(-1)?.temporaryPassword);
    }
    const listed = await call({ method: 'GET', path: accountsOf(centre), claims: leader });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((a: { role: string }) => a.role).sort()).toEqual(['staff', 'volunteer']);
  });

  it('deactivates and reactivates staff of the own centre, each as often as asked', async () => {
    const centre = uniqueCentreId('acc');
    const leader = claimsFor('leader', centre);
    const { id } = await staffAccount(centre);
    for (const [action, status] of [
      ['deactivate', 'deactivated'],
      ['deactivate', 'deactivated'],
      ['reactivate', 'invited'],
    ] as const) {
      const answer = await call({
        method: 'POST',
        path: `${accountsOf(centre)}/${id}/${action}`,
        claims: leader,
        body: {},
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toMatchObject({ id, status });
    }
  });

  it('a retried request makes one account and gets the first answer; the same key with another body is 422', async () => {
    const centre = uniqueCentreId('acc');
    const leader = claimsFor('leader', centre);
    const key = randomUUID();
    const body = { email: email(), name: 'Ola Gjentatt', role: 'staff' };
    const first = await create(centre, leader, body, key);
    const again = await create(centre, leader, body, key);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: first.body });
    expect(await poolWith(body.email)).toHaveLength(2);
    const other = await create(centre, leader, { ...body, email: email() }, key);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
  });

  it('an e-mail that has an account already, here or at another centre, is a conflict and writes nothing', async () => {
    const elsewhere = uniqueCentreId('acc');
    const taken = await staffAccount(elsewhere);
    const centre = uniqueCentreId('acc');
    const leader = claimsFor('leader', centre);
    const before = await poolWith(taken.email);
    const answer = await create(centre, leader, { email: taken.email, name: 'Noen Andre', role: 'staff' });
    expect(answer.status).toBe(409);
    expect(answer.body.error.fields).toEqual([expect.objectContaining({ field: 'email', rule: 'unique' })]);
    expect(await poolWith(taken.email)).toEqual(before);
    expect(await poolOf(centre)).toEqual([]);
    expect(await accountRequestRecords(leader.sub as string)).toEqual([]);
  });
});

describe('accounts cannot escalate', () => {
  it.each(['leader', 'admin', 'headoffice', 'network'] as const)(
    'a leader cannot make a %s account: 403 naming the role, nothing written',
    async (role) => {
      const centre = uniqueCentreId('esc');
      const leader = claimsFor('leader', centre);
      const address = email(role);
      await nothingWritten(centre, address, leader.sub as string, async () => {
        const answer = await create(centre, leader, { email: address, name: 'Høyere Rolle', role });
        expect(answer.status).toBe(403);
        expect(answer.body.error.fields).toEqual([
          expect.objectContaining({ field: 'role', rule: 'role_not_allowed' }),
        ]);
      });
      expect(
        (await create(centre, leader, { email: address, name: 'Høyere Rolle', role: 'staff' })).status,
      ).toBe(201);
    },
  );

  it('a leader cannot name a centre, not even the own one: the field is unknown', async () => {
    const centre = uniqueCentreId('esc');
    const leader = claimsFor('leader', centre);
    const address = email();
    for (const named of [uniqueCentreId('other'), centre]) {
      await nothingWritten(named, address, leader.sub as string, async () => {
        const answer = await create(centre, leader, {
          email: address,
          name: 'Kari',
          role: 'staff',
          centre: named,
        });
        expect(answer.status).toBe(400);
        expect(answer.body.error.fields).toEqual([
          expect.objectContaining({ field: 'centre', rule: 'unknown_field' }),
        ]);
      });
    }
  });

  it("a leader cannot make an account at another centre: that centre's path is not found", async () => {
    const own = uniqueCentreId('esc');
    const foreign = uniqueCentreId('esc');
    const leader = claimsFor('leader', own);
    const address = email();
    await nothingWritten(foreign, address, leader.sub as string, async () => {
      expect((await create(foreign, leader, { email: address, name: 'Kari', role: 'staff' })).status).toBe(
        404,
      );
    });
    expect(
      (await create(foreign, claimsFor('leader', foreign), { email: address, name: 'Kari', role: 'staff' }))
        .status,
    ).toBe(201);
  });

  it.each(['staff', 'volunteer'] as const)('%s can make no one', async (role) => {
    const centre = uniqueCentreId('esc');
    const caller = claimsFor(role, centre);
    for (const target of ['staff', 'volunteer', 'leader'] as const) {
      const address = email(target);
      await nothingWritten(centre, address, caller.sub as string, async () => {
        const answer = await create(centre, caller, { email: address, name: 'Kari', role: target });
        expect(answer.status).toBe(403);
        expect(answer.body.error.code).toBe('forbidden');
      });
    }
  });

  it("a leader cannot deactivate a leader (nor the own account), nor another centre's staff", async () => {
    const centre = uniqueCentreId('esc');
    const leader = claimsFor('leader', centre);
    const otherLeader = await onboard(centre);
    const foreign = uniqueCentreId('esc');
    const foreignStaff = await staffAccount(foreign);
    const tries: [string, number][] = [
      [otherLeader.id, 403],
      [foreignStaff.id, 404],
      [randomUUID(), 404],
    ];
    for (const [id, status] of tries) {
      const before = [await poolOf(centre), await poolOf(foreign)];
      const answer = await call({
        method: 'POST',
        path: `${accountsOf(centre)}/${id}/deactivate`,
        claims: leader,
        body: {},
      });
      expect(answer.status).toBe(status);
      expect([await poolOf(centre), await poolOf(foreign)]).toEqual(before);
      expect(await accountRequestRecords(leader.sub as string)).toEqual([]);
    }
    const foreignLeader = claimsFor('leader', foreign);
    const allowed = await call({
      method: 'POST',
      path: `${accountsOf(foreign)}/${foreignStaff.id}/deactivate`,
      claims: foreignLeader,
      body: {},
    });
    expect(allowed.status).toBe(200);
  });
});

describe('the platform admin onboards a centre with its first leader, in one action', () => {
  const registered = async (id: string) => (await partition('CENTRES')).filter((c) => c.SK === id);

  it('registers the centre and invites its leader; the same request again gives the same answer', async () => {
    const id = uniqueCentreId('nordby');
    const address = email('leder');
    const key = randomUUID();
    const admin = claimsFor('admin');
    const leader = await onboard(id, address, key, admin);
    expect(leader).toMatchObject({ email: address, role: 'leader', centre: id, status: 'invited' });
    expect(await registered(id)).toHaveLength(1);
    expect(testInvitations.at(-1)).toMatchObject({ to: address });
    expect(await onboard(id, address, key, admin)).toEqual(leader);
    expect(await poolWith(address)).toHaveLength(2);
  });

  it('a taken centre id or a taken e-mail refuses the whole action, writing nothing', async () => {
    const taken = uniqueCentreId('nordby');
    const takenLeader = await onboard(taken);
    const free = uniqueCentreId('nordby');
    const admin = claimsFor('admin');
    const attempt = (centreId: string, leaderEmail: string) =>
      call({
        method: 'POST',
        path: '/api/admin/onboardings',
        claims: admin,
        body: {
          centre: { id: centreId, name: 'CRUX Ny', town: 'Nyby' },
          leader: { email: leaderEmail, name: 'Ny Leder' },
        },
      });
    const address = email('leder');
    const idTaken = await attempt(taken, address);
    expect(idTaken.status).toBe(409);
    expect(idTaken.body.error.fields).toEqual([
      expect.objectContaining({ field: 'centre.id', rule: 'unique' }),
    ]);
    expect(await poolWith(address)).toEqual([]);
    const emailTaken = await attempt(free, takenLeader.email);
    expect(emailTaken.status).toBe(409);
    expect(emailTaken.body.error.fields).toEqual([
      expect.objectContaining({ field: 'leader.email', rule: 'unique' }),
    ]);
    expect(await registered(free)).toEqual([]);
    expect((await partition('IDEM#admin')).filter((r) => String(r.SK).startsWith(`${admin.sub}#`))).toEqual(
      [],
    );
    expect((await attempt(free, address)).status).toBe(201);
  });
});
