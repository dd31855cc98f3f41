import { startTransition, useCallback, useEffect, useState } from 'react';
import type { ApiFailure, ApiResult } from './client';

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'ok'; value: T }
  | { state: 'failed'; failure: ApiFailure };

/**
 * A page's reads are drawn together: an answer that arrives while others are still on their way waits
 * for them (at most `HOLD_MS`), and all are set in one transition. Drawn one by one, each answer was a
 * render plus a style and layout pass of its own (four on I dag), each a long task of the first load.
 */
const HOLD_MS = 150;
let inFlight = 0;
let held: (() => void)[] = [];
let holding: ReturnType<typeof setTimeout> | undefined;

function flush() {
  clearTimeout(holding);
  holding = undefined;
  const updates = held;
  held = [];
  // A transition: React draws the answers in slices and stays responsive to input meanwhile.
  startTransition(() => {
    for (const update of updates) update();
  });
}

function settled(update: () => void) {
  inFlight -= 1;
  held.push(update);
  if (inFlight === 0) flush();
  else holding ??= setTimeout(flush, HOLD_MS);
}

/** Loads when `key` changes; `reload` asks again. A late answer for an old key is dropped. */
export function useResource<T>(key: string, load: () => Promise<ApiResult<T>>): [Resource<T>, () => void] {
  const [resource, setResource] = useState<{ key: string; value: Resource<T> }>({
    key,
    value: { state: 'loading' },
  });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is a fresh closure each render; the key says when to load again.
  useEffect(() => {
    let live = true;
    setResource({ key, value: { state: 'loading' } });
    inFlight += 1;
    load().then(
      (result) =>
        settled(() => {
          if (!live) return;
          setResource({
            key,
            value: result.ok
              ? { state: 'ok', value: result.value }
              : { state: 'failed', failure: result.failure },
          });
        }),
      // The client answers failures as results; should a load throw all the same, the others are not held.
      (error: unknown) => {
        settled(() => undefined);
        throw error;
      },
    );
    return () => {
      live = false;
    };
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [resource.key === key ? resource.value : { state: 'loading' }, reload];
}
