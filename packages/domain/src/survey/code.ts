import * as z from 'zod/mini';
import { raise } from '../validation';
import * as surveyRules from './rules';

/**
 * A one-time answer code: 10 symbols of Crockford's base 32 (digits and capitals without I, L, O and U,
 * so nothing reads as something else), 50 random bits. Printed as `7KQM3-XPART` on a slip beside the QR
 * code, in bulk, and handed out at random, so no code is tied to a person. At 50 bits and the answer
 * route's throttle, guessing one of a round's codes takes longer than the platform will exist.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;

/** A code from 10 random bytes: 5 bits of each (256 is a multiple of 32, so every symbol is equally likely). */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== CODE_LENGTH) throw new Error(`codeFromBytes: needs ${CODE_LENGTH} bytes`);
  return Array.from(bytes, (b) => CODE_ALPHABET[b & 31]).join('');
}

/** As typed by a person: any case, spaces and dashes, O for 0, I or L for 1. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** `7KQM3XPART` as printed: `7KQM3-XPART`. */
export const printedCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** The code an answer is sent with, normalised; anything that cannot be a code is refused by its field. */
export const AnswerCode = z.string().check(
  z.maxLength(32),
  z.overwrite(normaliseCode),
  z.refine((code) => CODE_PATTERN.test(code), { ...raise(surveyRules.answerCode) }),
);
