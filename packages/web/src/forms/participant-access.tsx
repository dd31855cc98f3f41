import { tokenLifetimes } from '@crux/api/identity-settings';
import type { Account } from '@crux/domain/accounts';
import { useState } from 'react';
import type { ApiFailure } from '../api/client';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { FailureView } from '../ui/failure';
import { Progress, Success } from '../ui/status';
import { ParticipantAccountForm } from './participant-account';

type Outcome =
  | { kind: 'made'; email: string }
  | { kind: 'toggled'; text: string }
  | { kind: 'failed'; failure: ApiFailure; retry: () => void };

/**
 * The participant's access to their own plan, on their page: the account they have (its status, and a
 * button that turns it off or on, as on the leader's accounts page), or the form that gives one. Made,
 * it says what the participant needs to sign in, as the leader's new-account form says it.
 */
export function ParticipantAccess({
  centre,
  participant,
  ended,
}: {
  centre: string;
  participant: string;
  /** An ended participation gets no new account; one already made can still be turned off. */
  ended: boolean;
}) {
  const { t } = useI18n();
  const { api } = useApp();
  const path = `/api/centres/${centre}/participants/${participant}/account`;
  const [resource, reload] = useResource(`${centre}:${participant}:account`, () =>
    api.get<{ account: Account | null }>(path),
  );
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const toggle = async (account: Account) => {
    const action = account.status === 'deactivated' ? 'reactivate' : 'deactivate';
    setBusy(true);
    setOutcome(null);
    const result = await api.post<Account>(
      `/api/centres/${centre}/accounts/${account.id}/${action}`,
      {},
      crypto.randomUUID(),
    );
    setBusy(false);
    if (!result.ok) {
      setOutcome({ kind: 'failed', failure: result.failure, retry: () => void toggle(account) });
      return;
    }
    const text = action === 'deactivate' ? t.accounts.deactivated : t.accounts.reactivated;
    setOutcome({ kind: 'toggled', text: text(account.name) });
    reload();
  };

  const account = resource.state === 'ok' ? resource.value.account : undefined;
  return (
    <div className="stack">
      {outcome?.kind === 'made' ? (
        <Success>
          {t.ownAccess.given(outcome.email)} {t.ownAccess.howToSignIn(tokenLifetimes.temporaryPasswordDays)}
        </Success>
      ) : null}
      {outcome?.kind === 'toggled' ? <Success>{outcome.text}</Success> : null}
      {outcome?.kind === 'failed' ? <FailureView failure={outcome.failure} retry={outcome.retry} /> : null}
      {resource.state === 'loading' ? <Progress label={t.loading} /> : null}
      {resource.state === 'failed' ? <FailureView failure={resource.failure} retry={reload} /> : null}
      {account ? (
        <>
          <h2 className="ds-heading" data-size="md">
            {t.ownAccess.title}
          </h2>
          <p>{t.ownAccess.has(account.email, t.accounts.statuses[account.status])}</p>
          <div className="actions">
            <button
              type="button"
              className="ds-button"
              data-variant="secondary"
              disabled={busy}
              onClick={() => void toggle(account)}
            >
              {account.status === 'deactivated' ? t.ownAccess.reactivate : t.ownAccess.deactivate}
            </button>
            {busy ? <Progress label={t.saving} /> : null}
          </div>
        </>
      ) : null}
      {account === null && !ended ? (
        <ParticipantAccountForm
          centre={centre}
          participant={participant}
          onCreated={(made) => {
            setOutcome({ kind: 'made', email: made.email });
            reload();
          }}
        />
      ) : null}
    </div>
  );
}
