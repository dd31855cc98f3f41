import { invitableBy } from '@crux/domain/account-rules';
import { type Account, AccountCreate } from '@crux/domain/accounts';
import type { FieldError } from '@crux/domain/errors';
import { type FormEvent, useState } from 'react';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { RadioGroup, TextField } from '../ui/fields';
import { Progress, Success } from '../ui/status';
import { checkBody } from './check-body';
import { useDraft } from './drafts';
import { required } from './form-errors';
import { NetworkRetry } from './network-retry';
import { useSubmitState } from './submit-state';

type Values = { name: string; email: string; role: string };
type Draft = { values: Values; key: string };

const fieldIds = { name: 'account-name', email: 'account-email', role: 'account-role' };

/** Empty fields in plain words, then the API's own schema: most mistakes are caught before a round trip. */
function check(values: Values) {
  const empty: FieldError[] = [
    ...(values.name.trim() ? [] : [required('name')]),
    ...(values.email.trim() ? [] : [required('email')]),
    ...(values.role ? [] : [required('role', true)]),
  ];
  return checkBody(AccountCreate, values, empty);
}

/**
 * The leader's form for a new account at the own centre: the roles offered are those the leader may
 * make (account-rules.ts), and the centre is never sent (the server takes it from the token). The same
 * idempotency key until the account is made, so a retry after a lost answer never invites twice.
 */
export function NewAccountForm({ centre, onCreated }: { centre: string; onCreated: () => void }) {
  const { t } = useI18n();
  const { api, claims } = useApp();
  const roles = invitableBy(claims.role);
  const [draft, update, clear] = useDraft<Draft>(`${claims.sub}:${centre}:account-new`, () => ({
    values: { name: '', email: '', role: roles[0] ?? '' },
    key: crypto.randomUUID(),
  }));
  const submit = useSubmitState();
  const [made, setMade] = useState<string | null>(null);
  const set = (change: Partial<Values>) => update((d) => ({ ...d, values: { ...d.values, ...change } }));

  const save = async () => {
    setMade(null);
    const checked = check(draft.values);
    if (!checked.ok) return submit.invalid(checked.errors);
    submit.start();
    const result = await api.post<Account>(`/api/centres/${centre}/accounts`, checked.body, draft.key);
    if (!result.ok) {
      if (result.failure.kind === 'http' && result.failure.status < 500)
        update((d) => ({ ...d, key: crypto.randomUUID() }));
      return submit.fail(result.failure);
    }
    submit.succeed();
    clear();
    setMade(result.value.email);
    onCreated();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const { state } = submit;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="account-new-title" className="stack">
      <h2 className="ds-heading" data-size="md" id="account-new-title">
        {t.accounts.newTitle}
      </h2>
      <ErrorSummary
        errors={state.errors}
        fieldIds={fieldIds}
        attempt={state.attempt}
        extra={state.formError}
      />
      {made ? <Success>{t.accounts.created(made)}</Success> : null}
      <TextField
        id={fieldIds.name}
        label={t.accounts.name}
        value={draft.values.name}
        error={state.errors.name}
        autoComplete="off"
        onChange={(name) => set({ name })}
      />
      <TextField
        id={fieldIds.email}
        label={t.accounts.email}
        hint={t.accounts.emailHint}
        value={draft.values.email}
        error={state.errors.email}
        autoComplete="off"
        onChange={(email) => set({ email })}
      />
      <RadioGroup
        id={fieldIds.role}
        label={t.accounts.role}
        value={draft.values.role}
        error={state.errors.role}
        options={roles.map((role) => ({ value: role, label: t.roles[role] }))}
        onChange={(role) => set({ role })}
      />
      <NetworkRetry visible={state.networkFailed} onRetry={save} />
      <div className="actions">
        <button type="submit" className="ds-button" disabled={state.saving}>
          {t.accounts.create}
        </button>
        {state.saving ? <Progress label={t.saving} /> : null}
      </div>
    </form>
  );
}
