import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { entriesOf } from '../privacy/records';
import { testInvitations, uniqueCentreId } from '../setup/dynamo';
import { accountsOf, create, email, nothingWritten } from './account-fixtures';
import { type Claims, call, claimsFor } from './call';
import { createParticipant, endParticipation, openParticipantSignIn } from './fixtures';
import { poolOf } from './snapshot';

/**
 * Staff (and the leader) give a participant an account to their own plan (issue 12), against the local
 * identity provider's pool in DynamoDB Local. The centre and role come from the caller's token, the
 * participant from the path, checked against the centre's records; each refusal writes nothing and is
 * paired with a request someone allowed makes.
 */
const accountOf = (centre: string, participant: string) =>
  `/api/centres/${centre}/participants/${participant}/account`;

function give(
  centre: string,
  participant: string,
  caller: 'staff' | 'leader' | Claims,
  address: string,
  key?: string,
) {
  return call({
    method: 'POST',
    path: accountOf(centre, participant),
    claims: typeof caller === 'string' ? claimsFor(caller, centre) : caller,
    body: { email: address },
    ...(key ? { idempotencyKey: key } : {}),
  });
}

async function centreWithParticipant(open = true) {
  const centre = uniqueCentreId('pta');
  if (open) await openParticipantSignIn(centre);
  const participant = await createParticipant(centre);
  return { centre, participant: participant.id };
}

describe("a participant's own account", () => {
  it.each(['staff', 'leader'] as const)(
    '%s gives one: linked to the participant, named as the record, invited, in the access log',
    async (role) => {
      const { centre, participant } = await centreWithParticipant();
      const address = email('deltaker');
      const requestId = randomUUID();
      const made = await call({
        method: 'POST',
        path: accountOf(centre, participant),
        claims: claimsFor(role, centre),
        body: { email: ` ${address.toUpperCase()} ` },
        requestId,
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      expect(made.body).toMatchObject({
        email: address,
        name: 'Kari Nordmann',
        role: 'participant',
        centre,
        participant,
        status: 'invited',
      });
      expect(testInvitations.at(-1)).toMatchObject({ to: address });
      const [user] = (await poolOf(centre)).filter((u) => u.username === address);
      expect(user).toMatchObject({ role: 'participant', centre, participant });
      const entries = await entriesOf(centre, requestId);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'create', outcome: 'allowed', role });

      // The participant's page reads it (logged); the centre's list of accounts leaves it out.
      const read = await call({
        method: 'GET',
        path: accountOf(centre, participant),
        claims: claimsFor(role, centre),
      });
      expect(read).toMatchObject({ status: 200, body: { account: made.body } });
      const other = await createParticipant(centre);
      const none = await call({
        method: 'GET',
        path: accountOf(centre, other.id),
        claims: claimsFor(role, centre),
      });
      expect(none).toMatchObject({ status: 200, body: { account: null } });
      const listed = await call({
        method: 'GET',
        path: accountsOf(centre),
        claims: claimsFor('leader', centre),
      });
      expect(listed.status).toBe(200);
      expect(listed.body.items).toEqual([]);
    },
  );

  it('staff deactivate and reactivate it; staff cannot touch a staff account', async () => {
    const { centre, participant } = await centreWithParticipant();
    const staff = claimsFor('staff', centre);
    const made = await give(centre, participant, 'staff', email('deltaker'));
    expect(made.status).toBe(201);
    for (const [action, status] of [
      ['deactivate', 'deactivated'],
      ['reactivate', 'invited'],
    ] as const) {
      const answer = await call({
        method: 'POST',
        path: `${accountsOf(centre)}/${made.body.id}/${action}`,
        claims: staff,
        body: {},
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toMatchObject({ id: made.body.id, status });
    }
    // Both are in the participant's own access log, the report the centre hands them.
    const report = await call({
      method: 'GET',
      path: `/api/centres/${centre}/participants/${participant}/access-log`,
      claims: claimsFor('leader', centre),
    });
    expect(report.status).toBe(200);
    const changes = (report.body.items as { via: string; action: string; subject: string }[]).filter((i) =>
      i.via.startsWith('POST /api/centres/{centreId}/accounts/'),
    );
    expect(changes.map((i) => [i.via.split('/').at(-1), i.action, i.subject])).toEqual([
      ['deactivate', 'update', staff.sub],
      ['reactivate', 'update', staff.sub],
    ]);
    const colleague = await create(centre, claimsFor('leader', centre), {
      email: email(),
      name: 'Kari Ansatt',
      role: 'staff',
    });
    const before = await poolOf(centre);
    const requestId = randomUUID();
    const refused = await call({
      method: 'POST',
      path: `${accountsOf(centre)}/${colleague.body.id}/deactivate`,
      claims: staff,
      body: {},
      requestId,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ rule: 'role_not_allowed' })]);
    expect(await poolOf(centre)).toEqual(before);
    // A staff account names no participant: its entry is in the centre's log only, naming no one.
    const entries = await entriesOf(centre, requestId);
    expect(entries.map((e) => e.people)).toEqual([{ participant: [] }]);
  });

  it('a retried request makes one account; a second account for the same participant is a conflict', async () => {
    const { centre, participant } = await centreWithParticipant();
    const key = randomUUID();
    const address = email('deltaker');
    const staff = claimsFor('staff', centre);
    const first = await give(centre, participant, staff, address, key);
    const again = await give(centre, participant, staff, address, key);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: first.body });
    const other = email('deltaker');
    const leader = claimsFor('leader', centre);
    await nothingWritten(centre, other, leader.sub as string, async () => {
      const second = await give(centre, participant, leader, other);
      expect(second.status).toBe(409);
      expect(second.body.error.fields).toEqual([
        expect.objectContaining({ field: 'participantId', rule: 'has_account' }),
      ]);
    });
  });

  it('two requests at the same moment with different keys make one account; the other is a conflict', async () => {
    const { centre, participant } = await centreWithParticipant();
    const answers = await Promise.all([
      give(centre, participant, 'staff', email('deltaker'), randomUUID()),
      give(centre, participant, 'leader', email('deltaker'), randomUUID()),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const refused = answers.find((a) => a.status === 409);
    expect(refused?.body.error.fields).toEqual([
      expect.objectContaining({
        field: 'participantId',
        rule: expect.stringMatching(/^(has_account|account_requested)$/),
      }),
    ]);
    const linked = (await poolOf(centre)).filter((u) => u.participant === participant);
    expect(linked).toHaveLength(1);
  });
});

describe("refusals of a participant's account, each writing nothing", () => {
  it('staff cannot make a staff, volunteer, leader or participant account through the general route', async () => {
    const { centre } = await centreWithParticipant();
    const staff = claimsFor('staff', centre);
    for (const role of ['staff', 'volunteer', 'leader', 'participant'] as const) {
      const address = email(role);
      await nothingWritten(centre, address, staff.sub as string, async () => {
        const answer = await create(centre, staff, { email: address, name: 'Kari', role });
        expect(answer.status).toBe(403);
      });
    }
  });

  it('a leader cannot make a participant account that names no participant', async () => {
    const { centre } = await centreWithParticipant();
    const leader = claimsFor('leader', centre);
    const address = email('deltaker');
    await nothingWritten(centre, address, leader.sub as string, async () => {
      const answer = await create(centre, leader, { email: address, name: 'Kari', role: 'participant' });
      expect(answer.status).toBe(403);
      expect(answer.body.error.fields).toEqual([expect.objectContaining({ rule: 'role_not_allowed' })]);
    });
  });

  it("another centre's participant, and an unknown one, are not found", async () => {
    const { centre } = await centreWithParticipant();
    const other = await centreWithParticipant();
    const staff = claimsFor('staff', centre);
    for (const participant of [other.participant, randomUUID()]) {
      const address = email('deltaker');
      await nothingWritten(centre, address, staff.sub as string, async () => {
        const answer = await give(centre, participant, staff, address);
        expect(answer.status).toBe(404);
        expect(answer.body.error.code).toBe('not_found');
      });
    }
    expect((await give(other.centre, other.participant, 'staff', email('deltaker'))).status).toBe(201);
  });

  it('with participant sign-in off at the centre: 409 naming the setting', async () => {
    const { centre, participant } = await centreWithParticipant(false);
    const address = email('deltaker');
    const staff = claimsFor('staff', centre);
    await nothingWritten(centre, address, staff.sub as string, async () => {
      const answer = await give(centre, participant, staff, address);
      expect(answer.status).toBe(409);
      expect(answer.body.error.fields).toEqual([
        expect.objectContaining({ field: 'participantSignIn', rule: 'off' }),
      ]);
    });
    await openParticipantSignIn(centre);
    expect((await give(centre, participant, 'staff', address)).status).toBe(201);
  });

  it('a participant whose follow-up has ended: 409', async () => {
    const { centre, participant } = await centreWithParticipant();
    await endParticipation(centre, participant, '2024-12-31');
    const address = email('deltaker');
    const staff = claimsFor('staff', centre);
    await nothingWritten(centre, address, staff.sub as string, async () => {
      const answer = await give(centre, participant, staff, address);
      expect(answer.status).toBe(409);
      expect(answer.body.error.fields).toEqual([
        expect.objectContaining({ field: 'participantId', rule: 'ended' }),
      ]);
    });
  });

  it('an e-mail that is an account already is a conflict', async () => {
    const { centre, participant } = await centreWithParticipant();
    const taken = await create(centre, claimsFor('leader', centre), {
      email: email(),
      name: 'Kari Ansatt',
      role: 'staff',
    });
    const before = await poolOf(centre);
    const answer = await give(centre, participant, 'staff', taken.body.email);
    expect(answer.status).toBe(409);
    expect(answer.body.error.fields).toEqual([expect.objectContaining({ field: 'email', rule: 'unique' })]);
    expect(await poolOf(centre)).toEqual(before);
    // The refusal let go of the participant: the same participant with an address of their own is given one.
    const corrected = await give(centre, participant, 'staff', email('deltaker'), randomUUID());
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201);
  });
});
