import { addDays, PLAN_AHEAD_DAYS, PLANNING_DAYS, todayInOslo } from '@crux/domain/period';
import fc from 'fast-check';
import type { Claims } from './call';

/**
 * How bodies are made wrong for the malformed-body tests: not an object, a field of the wrong type, a
 * required field missing, an unknown field (at the top and inside nested objects), a date outside the
 * platform's window, text that is not printable. Each generated body says which field it broke.
 */
/** Neither text nor a number: what no field of these bodies takes. */
const neither = [fc.boolean(), fc.constant(null), fc.object({ maxDepth: 1 })];
const notString = fc.oneof(fc.integer(), fc.double(), fc.array(fc.string(), { maxLength: 2 }), ...neither);
const notInteger = fc.oneof(
  fc.string(),
  fc.double().filter((n) => !Number.isInteger(n)),
  ...neither,
);
const notNumber = fc.oneof(fc.string(), fc.array(fc.integer(), { maxLength: 2 }), ...neither);
/** What makes text unprintable: controls, a lone surrogate, the replacement character, direction controls. */
const unprintable = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udfff',
  '\ufffd',
  '\u202e',
  '\u2066',
  '\u200f',
  '\u061c',
  '\n',
);

export type Body = Record<string, unknown>;
export type DateRule = { path: string; rule: 'date_past' | 'date_planned' | 'date_plan' };

function outside(rule: DateRule['rule']) {
  const today = todayInOslo();
  const ahead = { date_past: 0, date_planned: PLANNING_DAYS, date_plan: PLAN_AHEAD_DAYS }[rule];
  const after = addDays(today, ahead + 1);
  return fc.constantFrom('0000-01-01', '1900-01-01', '1918-01-01', '1999-12-31', after, '9999-12-31');
}

/** `entries.0.count` → the value there; `set` returns a copy with it replaced (or removed). */
export function setAt(body: unknown, path: string, value: unknown, remove = false): unknown {
  const [head = '', ...rest] = path.split('.');
  const copy: Record<string, unknown> | unknown[] = Array.isArray(body) ? [...body] : { ...(body as Body) };
  const here = copy as Record<string, unknown>;
  if (rest.length === 0) {
    if (remove) delete here[head];
    else here[head] = value;
  } else {
    here[head] = setAt(here[head], rest.join('.'), value, remove);
  }
  return copy;
}

export function getAt(body: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], body);
}

export type WriteRoute = {
  name: string;
  method: 'POST' | 'PUT';
  path: (centre: string) => Promise<string>;
  valid: Body;
  /** Dotted paths. */
  integers: readonly string[];
  /** Numbers that need not be whole (hours). */
  numbers?: readonly string[];
  strings: readonly string[];
  required: readonly string[];
  /** Objects unknown fields are slipped into ('' is the body itself). */
  objects: readonly string[];
  dates: readonly DateRule[];
  texts: readonly string[];
  /** Another valid request on the same route for the reused-key check (POST only). */
  other?: (centre: string) => Promise<{ path: string; body: Body }>;
  claims: (centre: string) => Claims;
  target: (centre: string) => Promise<unknown[]>;
};

export type Malformed = { body: unknown; field: string; rule?: string };

export function malformed(r: WriteRoute): fc.Arbitrary<Malformed> {
  const wrongType = [
    ...r.integers.map((p) => notInteger.map((v) => ({ body: setAt(r.valid, p, v), field: p }))),
    ...(r.numbers ?? []).map((p) => notNumber.map((v) => ({ body: setAt(r.valid, p, v), field: p }))),
    ...r.strings.map((p) => notString.map((v) => ({ body: setAt(r.valid, p, v), field: p }))),
  ];
  return fc.oneof(
    fc
      .oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 }))
      .map((body) => ({ body, field: '(body)' })),
    fc.oneof(...wrongType),
    fc.constantFrom(...r.required).map((p) => ({ body: setAt(r.valid, p, undefined, true), field: p })),
    fc.tuple(fc.constantFrom(...r.objects), fc.string({ minLength: 1, maxLength: 12 })).chain(([at, key]) => {
      const known = Object.keys((at ? getAt(r.valid, at) : r.valid) as Body);
      const name =
        known.includes(key) || key === '__proto__' || key.includes('.')
          ? `x${key.replaceAll('.', '')}_`
          : key;
      const field = at ? `${at}.${name}` : name;
      return fc.constant({ body: setAt(r.valid, field, 'x'), field });
    }),
    ...(r.dates.length
      ? [
          fc
            .constantFrom(...r.dates)
            .chain((d) =>
              outside(d.rule).map((v) => ({ body: setAt(r.valid, d.path, v), field: d.path, rule: d.rule })),
            ),
        ]
      : []),
    ...(r.texts.length
      ? [
          fc.tuple(fc.constantFrom(...r.texts), unprintable, fc.nat()).map(([p, bad, at]) => {
            const text = String(getAt(r.valid, p));
            const i = 1 + (at % Math.max(1, text.length - 1));
            return {
              body: setAt(r.valid, p, text.slice(0, i) + bad + text.slice(i)),
              field: p,
              rule: 'printable',
            };
          }),
        ]
      : []),
  );
}
