import type { Result } from '@crux/domain/errors';
import { useState } from 'react';
import { useApp } from '../app-context';
import { toFormErrors } from './form-errors';
import { useSubmitState } from './submit-state';

/** What a write came to: saved, or someone else's change came first (409) and the caller reads again. */
export type Written = (outcome: 'saved' | 'conflict') => void;

/**
 * A POST or PUT from a form: the caller's own check of the body first (its errors at their fields, as
 * the API would name them), then one request. A POST's idempotency key lives until the write is applied
 * or refused, so a retry after a lost answer is applied once. The check may still be on its way (its
 * schema loads on first use, participant-checks.ts); `null` means it could not be loaded, which the
 * form reports as it reports a request that did not arrive.
 */
export function useWrite(onWritten: Written) {
  const { api } = useApp();
  const submit = useSubmitState();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const write = async (
    method: 'post' | 'put',
    path: string,
    check: Result<unknown> | PromiseLike<Result<unknown> | null>,
  ) => {
    const checked = await check;
    if (!checked) return submit.fail({ kind: 'network' });
    if (!checked.ok) return submit.invalid(toFormErrors(checked.error.fields ?? []));
    submit.start();
    const result =
      method === 'post' ? await api.post(path, checked.value, key) : await api.put(path, checked.value);
    if (result.ok) {
      setKey(crypto.randomUUID());
      submit.succeed();
      return onWritten('saved');
    }
    const { failure } = result;
    if (failure.kind === 'http' && failure.status < 500) setKey(crypto.randomUUID());
    if (failure.kind === 'http' && failure.status === 409) {
      submit.succeed();
      return onWritten('conflict');
    }
    submit.fail(failure);
  };
  return { state: submit.state, write };
}
