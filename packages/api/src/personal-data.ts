import type { AccessAction, PersonKind } from '@crux/domain/privacy/access-log';

/**
 * Where a request or its answer holds the ids of the people a route touches: `path:participantId`,
 * `query:participantId`, `body:entries[].participantId`, `answer:items[].id`. A dotted path; `[]` walks
 * every element of an array. A write names people in its request (or, for a POST, in the answer it
 * remembers), so its log entry can be made before its transaction is sent.
 */
export type NamedIn = `${'path' | 'query' | 'body' | 'answer'}:${string}`;
export type NameSource = 'path' | 'query' | 'body' | 'answer';

/**
 * A route's declaration for the access log: what it does, and, per kind of person whose data it touches,
 * where the ids are (an empty list: it touches that kind's data but names nobody the request can tell,
 * as when an entry is deleted by its own id).
 */
export type PersonalData = {
  action: AccessAction;
  /** The query parameter that narrows a list by name: the call is then logged as a search, the value never. */
  search?: string;
} & { readonly [K in PersonKind]?: readonly NamedIn[] };

export type NamedValues = {
  path: Readonly<Record<string, string | undefined>>;
  query: unknown;
  body: unknown;
  answer: unknown;
};

const personKindsOf = (d: PersonalData): PersonKind[] =>
  (['participant', 'volunteer'] as const).filter((k) => d[k] !== undefined);

/** The strings at a dotted path, walking arrays at `[]`; anything else found there is ignored. */
export function valuesAt(root: unknown, path: string): string[] {
  let current: unknown[] = [root];
  for (const part of path.split('.')) {
    const each = part.endsWith('[]');
    const name = each ? part.slice(0, -2) : part;
    current = current.flatMap((v) => {
      const next = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[name] : undefined;
      return each ? (Array.isArray(next) ? next : []) : [next];
    });
  }
  return current.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/** Whether any of the route's people is named only in its answer (then a read is logged after it). */
export const namesInAnswer = (d: PersonalData): boolean =>
  personKindsOf(d).some((k) => (d[k] ?? []).some((n) => n.startsWith('answer:')));

/** The ids the declaration names, per kind, from the sources given (each id once). */
export function peopleNamed(
  d: PersonalData,
  values: Partial<NamedValues>,
): Partial<Record<PersonKind, string[]>> {
  const out: Partial<Record<PersonKind, string[]>> = {};
  for (const kind of personKindsOf(d)) {
    const ids = new Set<string>();
    for (const named of d[kind] ?? []) {
      const at = named.indexOf(':');
      const source = named.slice(0, at) as NameSource;
      for (const id of valuesAt(values[source], named.slice(at + 1))) ids.add(id);
    }
    out[kind] = [...ids];
  }
  return out;
}

/** The action as logged: a list narrowed by its search parameter is a search. */
export function loggedAction(d: PersonalData, query: unknown): AccessAction {
  const searched = d.search && valuesAt(query, d.search).length > 0;
  return searched ? 'search' : d.action;
}
