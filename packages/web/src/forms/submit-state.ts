import type { Text } from '@crux/domain/text';
import { useCallback, useState } from 'react';
import type { ApiFailure } from '../api/client';
import { en } from '../i18n/messages-en';
import { nb } from '../i18n/messages-nb';
import { type FormErrors, toFormErrors } from './form-errors';

/**
 * The state every form shares: field errors (from the client's own check or the API), a failure that is
 * not about a field (the network, the server), and a counter that moves focus to the error summary.
 */
export type SubmitState = {
  saving: boolean;
  errors: FormErrors;
  /** Not about one field: shown in the error summary. */
  formError: Text | null;
  /** The request never got an answer: the form stays filled in and offers to try again. */
  networkFailed: boolean;
  attempt: number;
};

const unexpected: Text = { nb: nb.unexpectedError, en: en.unexpectedError };

const idle: SubmitState = { saving: false, errors: {}, formError: null, networkFailed: false, attempt: 0 };

export function useSubmitState() {
  const [state, setState] = useState(idle);
  const start = useCallback(() => setState((s) => ({ ...s, saving: true, networkFailed: false })), []);
  const succeed = useCallback(() => setState((s) => ({ ...idle, attempt: s.attempt })), []);
  const invalid = useCallback(
    (errors: FormErrors, formError: Text | null = null) =>
      setState((s) => ({ saving: false, errors, formError, networkFailed: false, attempt: s.attempt + 1 })),
    [],
  );
  /** Keeps the field errors of the last check: a lost connection says nothing about the fields. */
  const fail = useCallback(
    (failure: ApiFailure) =>
      setState((s) => {
        if (failure.kind === 'network') return { ...s, saving: false, networkFailed: true };
        if (failure.kind === 'expired') return { ...s, saving: true };
        const { error } = failure;
        if (error?.fields?.length) {
          return {
            saving: false,
            errors: toFormErrors(error.fields),
            formError: null,
            networkFailed: false,
            attempt: s.attempt + 1,
          };
        }
        return {
          saving: false,
          errors: {},
          formError: error?.message ?? unexpected,
          networkFailed: false,
          attempt: s.attempt + 1,
        };
      }),
    [],
  );
  /**
   * A versioned write that was refused: a 4xx wrote nothing, so the next attempt may carry a new key
   * (after a lost answer it must not); a conflict is no error of the form but news to reload.
   */
  const refused = useCallback(
    (failure: ApiFailure, on: { renewKey: () => void; conflict: () => void }) => {
      if (failure.kind === 'http' && failure.status < 500) on.renewKey();
      if (failure.kind === 'http' && failure.status === 409 && failure.error?.code === 'conflict') {
        succeed();
        on.conflict();
        return;
      }
      fail(failure);
    },
    [succeed, fail],
  );
  return { state, start, succeed, invalid, fail, refused };
}
