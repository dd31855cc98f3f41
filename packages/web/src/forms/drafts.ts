import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Form drafts in sessionStorage, written on every change: a reload, a lost connection or a trip to the
 * identity provider after an expired session brings the user back to what they were typing. Keys carry
 * the user's subject, so a different user signing in in the same tab never sees someone else's draft;
 * signing out removes them all.
 */
const PREFIX = 'crux.draft.';

function read<T extends object>(key: string, initial: () => T): T {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw ? { ...initial(), ...(JSON.parse(raw) as Partial<T>) } : initial();
  } catch {
    return initial();
  }
}

export function useDraft<T extends object>(
  key: string,
  initial: () => T,
): [T, (update: (previous: T) => T) => void, () => void] {
  const initialRef = useRef(initial);
  initialRef.current = initial;
  const [state, setState] = useState(() => ({ key, value: read(key, initial) }));
  const current = state.key === key ? state.value : read(key, initial);
  if (state.key !== key) setState({ key, value: current });

  useEffect(() => {
    sessionStorage.setItem(PREFIX + state.key, JSON.stringify(state.value));
  }, [state]);

  const update = useCallback(
    (change: (previous: T) => T) => setState((s) => (s.key === key ? { key, value: change(s.value) } : s)),
    [key],
  );
  const reset = useCallback(() => {
    sessionStorage.removeItem(PREFIX + key);
    setState({ key, value: initialRef.current() });
  }, [key]);
  return [current, update, reset];
}

export function clearAllDrafts(): void {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  }
}
