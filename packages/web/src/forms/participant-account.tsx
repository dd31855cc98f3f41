import type { Account } from '@crux/domain/accounts';
import type { FieldError } from '@crux/domain/errors';
import type { FormEvent } from 'react';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { TextField } from '../ui/fields';
import { Progress } from '../ui/status';
import { useDraft } from './drafts';
import { required } from './form-errors';
import { prefetch } from './load-once';
import { NetworkRetry } from './network-retry';
import { loadParticipantChecks, participantCheck } from './participant-check';
import { useSubmitState } from './submit-state';

type Draft = { email: string; key: string };

const fieldIds = { email: 'own-access-email' };

/**
 * "Gi tilgang til egen plan": staff or the leader give the participant an account of their own (issue
 * 12). Only the e-mail is sent; the server links the account to this participant, names it as the
 * record and takes the centre from the token. The same idempotency key until the account is made; what
 * the participant needs to sign in is then said by the page (participant-access.tsx).
 */
export function ParticipantAccountForm({
  centre,
  participant,
  onCreated,
}: {
  centre: string;
  participant: string;
  onCreated: (account: Account) => void;
}) {
  const { t } = useI18n();
  const { api, claims } = useApp();
  const [draft, update, clear] = useDraft<Draft>(`${claims.sub}:${centre}:${participant}:own-access`, () => ({
    email: '',
    key: crypto.randomUUID(),
  }));
  const submit = useSubmitState();

  const save = async () => {
    const empty: FieldError[] = draft.email.trim() ? [] : [required('email')];
    const body = { email: draft.email };
    const checked = await participantCheck((c) => c.checkBody(c.ParticipantAccountCreate, body, empty));
    if (!checked) return submit.fail({ kind: 'network' });
    if (!checked.ok) return submit.invalid(checked.errors);
    submit.start();
    const result = await api.post<Account>(
      `/api/centres/${centre}/participants/${participant}/account`,
      checked.body,
      draft.key,
    );
    if (!result.ok) {
      if (result.failure.kind === 'http' && result.failure.status < 500)
        update((d) => ({ ...d, key: crypto.randomUUID() }));
      return submit.fail(result.failure);
    }
    submit.succeed();
    clear();
    onCreated(result.value);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const { state } = submit;
  return (
    <form
      onSubmit={onSubmit}
      onFocus={prefetch(loadParticipantChecks)}
      noValidate
      aria-labelledby="own-access-title"
      className="stack"
    >
      <h2 className="ds-heading" data-size="md" id="own-access-title">
        {t.ownAccess.title}
      </h2>
      <p>{t.ownAccess.intro}</p>
      <ErrorSummary
        errors={state.errors}
        fieldIds={fieldIds}
        attempt={state.attempt}
        extra={state.formError}
      />
      <TextField
        id={fieldIds.email}
        label={t.ownAccess.email}
        hint={t.ownAccess.emailHint}
        value={draft.email}
        error={state.errors.email}
        autoComplete="off"
        onChange={(email) => update((d) => ({ ...d, email }))}
      />
      <NetworkRetry visible={state.networkFailed} onRetry={save} />
      <div className="actions">
        <button type="submit" className="ds-button" disabled={state.saving}>
          {t.ownAccess.give}
        </button>
        {state.saving ? <Progress label={t.saving} /> : null}
      </div>
    </form>
  );
}
