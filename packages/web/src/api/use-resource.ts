import { startTransition, useCallback, useEffect, useState } from 'react';
import type { ApiFailure, ApiResult } from './client';

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'ok'; value: T }
  | { state: 'failed'; failure: ApiFailure };

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
    load().then((result) => {
      if (!live) return;
      // A transition: React draws the answer in slices and stays responsive to input meanwhile.
      startTransition(() =>
        setResource({
          key,
          value: result.ok
            ? { state: 'ok', value: result.value }
            : { state: 'failed', failure: result.failure },
        }),
      );
    });
    return () => {
      live = false;
    };
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [resource.key === key ? resource.value : { state: 'loading' }, reload];
}
