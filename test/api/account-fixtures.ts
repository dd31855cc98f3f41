import { randomUUID } from 'node:crypto';
import type { Role } from '@crux/domain/roles';
import { expect } from 'vitest';
import { type Claims, call, claimsFor } from './call';
import { accountRequestRecords, poolOf, poolWith } from './snapshot';

/** The accounts tests' requests, made as the web client makes them, and what a refusal must leave. */
export const email = (who = 'ny') => `${who}.${randomUUID().slice(0, 8)}@eksempel.no`;
export const accountsOf = (centre: string) => `/api/centres/${centre}/accounts`;

export function create(
  centre: string,
  claims: Claims,
  body: Record<string, unknown>,
  idempotencyKey?: string,
) {
  return call({
    method: 'POST',
    path: accountsOf(centre),
    claims,
    body,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
}

export async function staffAccount(centre: string, role: Role = 'staff') {
  const made = await create(centre, claimsFor('leader', centre), {
    email: email(),
    name: 'Kari Ansatt',
    role,
  });
  if (made.status !== 201) throw new Error(JSON.stringify(made.body));
  return made.body as { id: string; email: string };
}

/** Nothing written: no account with the e-mail, the centre's accounts as they were, no request record. */
export async function nothingWritten(
  centre: string,
  address: string,
  subject: string,
  run: () => Promise<unknown>,
) {
  const before = await poolOf(centre);
  await run();
  expect(await poolWith(address)).toEqual([]);
  expect(await poolOf(centre)).toEqual(before);
  expect(await accountRequestRecords(subject)).toEqual([]);
}

export async function onboard(
  centreId: string,
  leaderEmail = email('leder'),
  key = randomUUID(),
  admin = claimsFor('admin'),
) {
  const answer = await call({
    method: 'POST',
    path: '/api/admin/onboardings',
    claims: admin,
    body: {
      centre: { id: centreId, name: 'CRUX Nordby', town: 'Nordby' },
      leader: { email: leaderEmail, name: 'Lene Leder' },
    },
    idempotencyKey: key,
  });
  if (answer.status !== 201) throw new Error(JSON.stringify(answer.body));
  return answer.body.leader as { id: string; email: string };
}
