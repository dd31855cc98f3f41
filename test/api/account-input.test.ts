import { describe, expect, it } from 'vitest';
import { uniqueCentreId } from '../setup/dynamo';
import { accountsOf, create, email, nothingWritten, staffAccount } from './account-fixtures';
import { call, claimsFor } from './call';
import { poolOf } from './snapshot';

/** Bad input to the accounts routes, beyond the generated bodies of malformed.test.ts: the rules of an e-mail and an account id. */
describe('bad input to the accounts routes is a 4xx naming the field, and writes nothing', () => {
  it.each([
    ['not an address', 'kari.eksempel.no'],
    ['two at signs', 'kari@@eksempel.no'],
    ['a space inside', 'kari nordmann@eksempel.no'],
    ['no domain dot', 'kari@eksempel'],
    ['too long', `${'k'.repeat(250)}@eksempel.no`],
  ])('an e-mail that is %s: 400 with the rule', async (_what, address) => {
    const centre = uniqueCentreId('bad');
    const leader = claimsFor('leader', centre);
    await nothingWritten(centre, address, leader.sub as string, async () => {
      const answer = await create(centre, leader, { email: address, name: 'Kari', role: 'staff' });
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toEqual([expect.objectContaining({ field: 'email' })]);
    });
    const fixed = await create(centre, leader, { email: email(), name: 'Kari', role: 'staff' });
    expect(fixed.status).toBe(201);
  });

  it('an unknown role is 400, not a refusal by the rules', async () => {
    const centre = uniqueCentreId('bad');
    const leader = claimsFor('leader', centre);
    const address = email();
    await nothingWritten(centre, address, leader.sub as string, async () => {
      const answer = await create(centre, leader, { email: address, name: 'Kari', role: 'superuser' });
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toEqual([expect.objectContaining({ field: 'role' })]);
    });
  });

  it('deactivating takes no body fields, and an id that is not an account id is not found', async () => {
    const centre = uniqueCentreId('bad');
    const leader = claimsFor('leader', centre);
    const { id } = await staffAccount(centre);
    const before = await poolOf(centre);
    const withField = await call({
      method: 'POST',
      path: `${accountsOf(centre)}/${id}/deactivate`,
      claims: leader,
      body: { active: false },
    });
    expect(withField.status).toBe(400);
    expect(withField.body.error.fields).toEqual([
      expect.objectContaining({ field: 'active', rule: 'unknown_field' }),
    ]);
    for (const wrong of ['not-a-uuid', `${id}x`, 'IDP%23USERS']) {
      const answer = await call({
        method: 'POST',
        path: `${accountsOf(centre)}/${wrong}/deactivate`,
        claims: leader,
        body: {},
      });
      expect(answer.status).toBe(404);
    }
    expect(await poolOf(centre)).toEqual(before);
    const good = await call({
      method: 'POST',
      path: `${accountsOf(centre)}/${id}/deactivate`,
      claims: leader,
      body: {},
    });
    expect(good.status).toBe(200);
  });
});
