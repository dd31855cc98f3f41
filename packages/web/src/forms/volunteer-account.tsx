import { AccountLink, type Volunteer } from '@crux/domain/registers/volunteers';
import { parse } from '@crux/domain/validation';
import { type FormEvent, useState } from 'react';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { en } from '../i18n/messages-en';
import { nb } from '../i18n/messages-nb';
import { ErrorSummary } from '../ui/error-summary';
import { TextField } from '../ui/fields';
import { Alert, Progress } from '../ui/status';
import { toFormErrors } from './form-errors';
import { useSubmitState } from './submit-state';

const ids = { account: 'volunteer-account' };

/**
 * Links a sign-in account to a volunteer, so they log their own hours, or removes the link. Removing
 * names the account linked now, so a link made meanwhile elsewhere is never removed unseen.
 */
export function VolunteerAccount(props: { centre: string; volunteer: Volunteer; onChanged: () => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const { volunteer } = props;
  const [account, setAccount] = useState('');
  const [changed, setChanged] = useState(false);
  const submit = useSubmitState();
  const { state } = submit;
  const path = `/api/centres/${props.centre}/volunteers/${volunteer.id}/account`;

  const after = (ok: boolean) => {
    setChanged(!ok);
    setAccount('');
    props.onChanged();
  };

  const link = async (event: FormEvent) => {
    event.preventDefault();
    const checked = parse(AccountLink, { account: account.trim() });
    if (!checked.ok) return submit.invalid(toFormErrors(checked.error.fields));
    submit.start();
    const result = await api.put(path, checked.value);
    if (result.ok) {
      submit.succeed();
      return after(true);
    }
    const { failure } = result;
    if (failure.kind === 'http' && failure.status === 409) {
      submit.succeed();
      return after(false);
    }
    if (
      failure.kind === 'http' &&
      failure.status === 400 &&
      failure.error?.fields?.[0]?.rule === 'account_taken'
    )
      return submit.invalid({ account: { nb: nb.volunteers.linkTaken, en: en.volunteers.linkTaken } });
    submit.fail(failure);
  };

  const unlink = async (linked: string) => {
    submit.start();
    const result = await api.delete(path, { account: linked });
    if (result.ok) {
      submit.succeed();
      return after(true);
    }
    if (result.failure.kind === 'http' && result.failure.status === 404) {
      submit.succeed();
      return after(false);
    }
    submit.fail(result.failure);
  };

  return (
    <section aria-labelledby="volunteer-account-title">
      <h3 className="ds-heading" data-size="sm" id="volunteer-account-title">
        {t.volunteers.account}
      </h3>
      {changed ? <Alert>{t.volunteers.linkChanged}</Alert> : null}
      {volunteer.account ? (
        <>
          <p>{t.volunteers.accountLinked(volunteer.account)}</p>
          <ErrorSummary errors={{}} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            disabled={state.saving}
            onClick={() => unlink(volunteer.account as string)}
          >
            {t.volunteers.unlink}
          </button>
        </>
      ) : (
        <form onSubmit={link} noValidate>
          <p>{t.volunteers.accountNone}</p>
          <ErrorSummary
            errors={state.errors}
            fieldIds={ids}
            attempt={state.attempt}
            extra={state.formError}
          />
          <TextField
            id={ids.account}
            label={t.volunteers.accountField}
            hint={t.volunteers.accountHint}
            value={account}
            error={state.errors.account}
            autoComplete="off"
            onChange={setAccount}
          />
          <button type="submit" className="ds-button" data-variant="secondary" disabled={state.saving}>
            {t.volunteers.link}
          </button>
        </form>
      )}
      {state.saving ? <Progress label={t.saving} /> : null}
    </section>
  );
}
