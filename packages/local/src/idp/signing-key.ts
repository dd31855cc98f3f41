import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';
import { StartupError } from '../startup-error';

export type SigningKey = {
  kid: string;
  privateKey: CryptoKey;
  /** The public half as published in the JWKS. */
  publicJwk: JWK;
};

const FILE = 'idp-signing-key.json';

/**
 * RS256, as Cognito signs. Kept in the data folder (readable by its owner only) so tokens issued before
 * a restart still verify after it; without a data folder the key lives as long as the process.
 */
export async function loadOrCreateSigningKey(dataDir: string | undefined): Promise<SigningKey> {
  if (dataDir !== undefined) {
    const stored = await readStored(join(dataDir, FILE));
    if (stored) return fromPrivateJwk(stored);
  }
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const privateJwk = await exportJWK(privateKey);
  if (dataDir !== undefined) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, FILE), JSON.stringify(privateJwk), { mode: 0o600 });
  }
  return fromPrivateJwk(privateJwk);
}

async function readStored(path: string): Promise<JWK | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const jwk = JSON.parse(text) as JWK;
    if (jwk.kty !== 'RSA' || typeof jwk.d !== 'string') throw new Error('not an RSA private key');
    return jwk;
  } catch {
    throw new StartupError(
      'data_dir_corrupt',
      `The sign-in key in ${path} cannot be read. Delete that file to make a new one ` +
        '(everyone will have to sign in again) and run `npm start` again.',
    );
  }
}

async function fromPrivateJwk(privateJwk: JWK): Promise<SigningKey> {
  const { kty, n, e } = privateJwk;
  const kid = await calculateJwkThumbprint({ kty, n, e });
  const privateKey = (await importJWK(privateJwk, 'RS256')) as CryptoKey;
  return { kid, privateKey, publicJwk: { kty, n, e, kid, alg: 'RS256', use: 'sig' } };
}
