import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { totpCode, totpStep } from './idp/totp';
import { defaultDataDir } from './paths';

/**
 * `npm run code`: the current TOTP code of the demo users (their shared secret is in the data folder),
 * or, with a secret as argument (`npm run code -- ABCD…`), of that secret: for an account whose
 * authenticator you set up by typing the key shown on the enrolment page. A code signs a user in once;
 * for a second sign-in within 30 seconds, wait for the next one.
 */
async function main(): Promise<number> {
  const given = process.argv[2]?.replace(/\s/g, '').toUpperCase();
  let secret = given;
  if (!secret) {
    const dataDir = process.env.CRUX_DATA_DIR ? resolve(process.env.CRUX_DATA_DIR) : defaultDataDir;
    try {
      secret = (await readFile(join(dataDir, 'demo-totp-secret.txt'), 'utf8')).trim();
    } catch {
      console.error(`No demo TOTP secret in ${dataDir}: start the platform once with \`npm start\` first.`);
      return 1;
    }
  }
  if (!/^[A-Z2-7]{16,}$/.test(secret)) {
    console.error('That is not a TOTP key: give the letters and digits the enrolment page shows.');
    return 1;
  }
  const now = Date.now();
  const left = Math.ceil(((totpStep(now) + 1) * 30_000 - now) / 1000);
  console.log(`${totpCode(secret)}  (valid ${left} s more, then ${totpCode(secret, totpStep(now) + 1)})`);
  return 0;
}

process.exitCode = await main();
