import * as z from 'zod/mini';
import * as rules from './rules';
import { raise } from './validation';

/**
 * What people type into names and free text. Printable text only: no control characters, no lone
 * surrogates (half an emoji, which no font can draw and some stores reject), no U+FFFD (the mark of
 * bytes that were not text), and no bidirectional controls — overrides, embeddings, isolates and marks
 * make a name display as another ("Kari" reading as "iraK"). Emoji (with their joiners) and
 * right-to-left scripts are welcome. Stored trimmed and in Unicode NFC, so the same name typed on two
 * keyboards is the same string.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const NOT_TEXT = /[\u2028\u2029\uFEFF\uFFFD\uFFFE\uFFFF]/u;
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /(?![\n\t])\p{Cc}/u;

function printable(allowLines: boolean) {
  return (s: string) =>
    s.isWellFormed() &&
    !BIDI_CONTROLS.test(s) &&
    !NOT_TEXT.test(s) &&
    !(allowLines ? CONTROL_BUT_LINES : CONTROL).test(s);
}

/** A name, a title, a town: one line of printable text. */
export const SingleLine = (min: number, max: number) =>
  z
    .string()
    .check(
      z.refine(printable(false), { ...raise(rules.printable), abort: true }),
      z.normalize('NFC'),
      z.trim(),
      z.minLength(min),
      z.maxLength(max),
    );

/** Notes and goals: printable text over several lines (line breaks and tabs are kept). */
export const MultiLine = (min: number, max: number) =>
  z
    .string()
    .check(
      z.refine(printable(true), { ...raise(rules.printable), abort: true }),
      z.normalize('NFC'),
      z.trim(),
      z.minLength(min),
      z.maxLength(max),
    );
