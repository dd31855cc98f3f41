import { randomBytes, randomInt, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { passwordPolicy } from '@crux/api/identity-settings';

/**
 * Passwords as a user pool keeps them: only a salted scrypt hash is stored (`scrypt$<salt>$<hash>`), and
 * a new password must meet the pool's policy, the one the CDK app gives Cognito.
 */
const PARAMS: ScryptOptions = { N: 2 ** 14, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, PARAMS, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${(await derive(password, salt)).toString('base64')}`;
}

/** A hash no password matches: checked against for unknown usernames, so timing tells nothing. */
const nobody = hashPassword(randomBytes(32).toString('base64'));

export async function passwordMatches(password: string, stored: string | undefined): Promise<boolean> {
  const known = stored !== undefined;
  const [scheme, salt, hash] = (stored ?? (await nobody)).split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const given = await derive(password, Buffer.from(salt, 'base64'));
  const equal = given.length === expected.length && timingSafeEqual(given, expected);
  return known && equal;
}

export type PasswordRule = 'min_length' | 'lowercase' | 'uppercase' | 'digit' | 'symbol';

/** The rules of the policy a new password breaks; none means it may be used. */
export function passwordProblems(password: string): PasswordRule[] {
  const problems: PasswordRule[] = [];
  if ([...password].length < passwordPolicy.minLength) problems.push('min_length');
  if (passwordPolicy.lowercase && !/\p{Ll}/u.test(password)) problems.push('lowercase');
  if (passwordPolicy.uppercase && !/\p{Lu}/u.test(password)) problems.push('uppercase');
  if (passwordPolicy.digits && !/\d/.test(password)) problems.push('digit');
  if (passwordPolicy.symbols && !/[^\p{L}\p{N}\s]/u.test(password)) problems.push('symbol');
  return problems;
}

/** An invitation's first password, which meets the policy as Cognito's generated ones do. */
export function temporaryPassword(): string {
  const digits = String(randomInt(10, 100));
  return `Crux-${randomBytes(9).toString('base64url')}-${digits}`;
}
