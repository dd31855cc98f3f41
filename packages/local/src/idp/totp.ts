import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';

/**
 * RFC 6238 time-based one-time codes as authenticator apps and Cognito use them: HMAC-SHA-1, six digits,
 * 30-second steps, and one step of clock drift either way. `otpauth` does the arithmetic (it passes the
 * RFC's test vectors, see totp.test.ts); which steps were already used is the user store's business.
 */
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;
const ALGORITHM = 'SHA1';
const ISSUER = 'CRUX (lokal)';

/** A new shared secret: 160 bits, as RFC 4226 recommends, in the base32 that authenticator apps take. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The time step a moment falls in. */
export function totpStep(timestampMs = Date.now()): number {
  return TOTP.counter({ period: PERIOD, timestamp: timestampMs });
}

/** The code of a time step (the current one by default). */
export function totpCode(secret: string, step = totpStep()): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD,
    timestamp: step * PERIOD * 1000,
  });
}

/** The time step a typed code belongs to, if it is one of the current step or its neighbours. */
export function matchingStep(secret: string, code: string, timestampMs = Date.now()): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD,
    timestamp: timestampMs,
    window: WINDOW,
  });
  return delta === null ? undefined : totpStep(timestampMs) + delta;
}

/** Steps a code may come from at a moment: a test client that must not reuse a step picks from these. */
export function acceptedSteps(timestampMs = Date.now()): number[] {
  const now = totpStep(timestampMs);
  return Array.from({ length: 2 * WINDOW + 1 }, (_, i) => now - WINDOW + i);
}

/** What an authenticator app scans: the `otpauth://` URI, and the same as a QR code in SVG. */
export function totpEnrolment(secret: string, account: string): { uri: string; qrSvg: string } {
  const uri = new TOTP({
    issuer: ISSUER,
    label: account,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD,
  }).toString();
  return { uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

/** The secret in groups of four, easier to type by hand than one run of 32 letters. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}
