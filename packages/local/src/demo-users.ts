import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalUsersRepo } from '@crux/store/local-users-repo';
import { hashPassword } from './idp/passwords';
import { newTotpSecret } from './idp/totp';
import type { IdpUser } from './idp/users';

/**
 * Who can sign in to the local runtime at first. Fixed `sub`s, so records created by a demo user keep
 * pointing at the same person across restarts. Nothing here exists in AWS: Cognito holds the real users,
 * and accounts made through the accounts API join these in the local pool.
 */
export const demoCentres = [
  { id: 'ovre-eiker', name: 'CRUX Øvre Eiker', town: 'Hokksund' },
  { id: 'tromso', name: 'CRUX Huset Tromsø', town: 'Tromsø' },
] as const;

export const demoUsers: readonly IdpUser[] = [
  {
    username: 'ansatt.ovre-eiker',
    sub: '0e1f5c2a-4b7d-4c1e-9a51-1f0e2d3c4b01',
    role: 'staff',
    centre: 'ovre-eiker',
    name: 'Kari Nordmann (ansatt, Øvre Eiker)',
  },
  {
    username: 'leder.ovre-eiker',
    sub: '0e1f5c2a-4b7d-4c1e-9a51-1f0e2d3c4b02',
    role: 'leader',
    centre: 'ovre-eiker',
    name: 'Ola Hansen (virksomhetsleder, Øvre Eiker)',
  },
  {
    username: 'frivillig.ovre-eiker',
    sub: '0e1f5c2a-4b7d-4c1e-9a51-1f0e2d3c4b03',
    role: 'volunteer',
    centre: 'ovre-eiker',
    name: 'Siri Berg (frivillig, Øvre Eiker)',
  },
  {
    username: 'ansatt.tromso',
    sub: '0e1f5c2a-4b7d-4c1e-9a51-1f0e2d3c4b11',
    role: 'staff',
    centre: 'tromso',
    name: 'Aslak Eira (ansatt, Tromsø)',
  },
  {
    username: 'leder.tromso',
    sub: '0e1f5c2a-4b7d-4c1e-9a51-1f0e2d3c4b12',
    role: 'leader',
    centre: 'tromso',
    name: 'Marit Johansen (virksomhetsleder, Tromsø)',
  },
  {
    username: 'frivillig.tromso',
    sub: '0e1f5c2a-4b7d-4c1e-9a51-1f0e2d3c4b13',
    role: 'volunteer',
    centre: 'tromso',
    name: 'Jonas Pedersen (frivillig, Tromsø)',
  },
  {
    username: 'hovedkontor',
    sub: '0e1f5c2a-4b7d-4c1e-9a51-1f0e2d3c4b21',
    role: 'headoffice',
    name: 'Ingrid Larsen (hovedkontoret)',
  },
  {
    username: 'erfaringsnettverket',
    sub: '0e1f5c2a-4b7d-4c1e-9a51-1f0e2d3c4b31',
    role: 'network',
    name: 'Erfaringsnettverket',
  },
  {
    username: 'admin',
    sub: '0e1f5c2a-4b7d-4c1e-9a51-1f0e2d3c4b41',
    role: 'admin',
    name: 'Plattformadministrator',
  },
];

export function demoUser(username: string): IdpUser {
  const user = demoUsers.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user;
}

const PASSWORD_FILE = 'demo-password.txt';
const TOTP_FILE = 'demo-totp-secret.txt';

/**
 * One password for every demo user, made at random on first start and kept in the data folder so it
 * stays the same between runs. Random rather than written in the code: a password in a public
 * repository would be everyone's.
 */
export async function loadOrCreateDemoPassword(dataDir: string | undefined): Promise<string> {
  if (dataDir !== undefined) {
    try {
      const stored = (await readFile(join(dataDir, PASSWORD_FILE), 'utf8')).trim();
      if (stored.length >= 12) return stored;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  // Upper and lower case, a digit and a symbol: the pool's password policy holds for demo users too.
  const password = `Crux-${randomBytes(9).toString('base64url')}-7`;
  if (dataDir !== undefined) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
  }
  return password;
}

/**
 * One TOTP secret for every demo user, random on first start and kept beside the password: add it to an
 * authenticator app once, or let `npm run code` print the current code. A code signs in once per user.
 */
export async function loadOrCreateDemoTotpSecret(dataDir: string | undefined): Promise<string> {
  if (dataDir !== undefined) {
    try {
      const stored = (await readFile(join(dataDir, TOTP_FILE), 'utf8')).trim();
      if (/^[A-Z2-7]{32}$/.test(stored)) return stored;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  const secret = newTotpSecret();
  if (dataDir !== undefined) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, TOTP_FILE), `${secret}\n`, { mode: 0o600 });
  }
  return secret;
}

/** Puts the demo users in the local pool, enrolled with the demo TOTP secret; those already there stay as they are. */
export async function seedDemoUsers(
  repo: LocalUsersRepo,
  password: string,
  totpSecret: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  const createdAt = new Date().toISOString();
  await Promise.all(
    demoUsers.map((u) =>
      repo.create({ ...u, passwordHash, passwordTemporary: false, totpSecret, enabled: true, createdAt }),
    ),
  );
}
