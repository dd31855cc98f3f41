import { CentreOnboarding } from '@crux/domain/accounts';
import type { Centre } from '@crux/domain/centre';
import type { FieldError } from '@crux/domain/errors';
import { type FormEvent, useState } from 'react';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { checkBody } from '../forms/check-body';
import { useDraft } from '../forms/drafts';
import { required } from '../forms/form-errors';
import { NetworkRetry } from '../forms/network-retry';
import { useSubmitState } from '../forms/submit-state';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { TextField } from '../ui/fields';
import { usePageTitle } from '../ui/page-title';
import { Progress, Success } from '../ui/status';

type Values = { id: string; name: string; town: string; leaderName: string; leaderEmail: string };
type Draft = { values: Values; key: string };

/** Each input by the API's field path, so its errors (and the summary's links) land on the right field. */
const fields = {
  'centre.id': 'onboarding-centre-id',
  'centre.name': 'onboarding-centre-name',
  'centre.town': 'onboarding-centre-town',
  'leader.name': 'onboarding-leader-name',
  'leader.email': 'onboarding-leader-email',
} as const;

const bodyOf = (v: Values) => ({
  centre: { id: v.id.trim(), name: v.name, town: v.town },
  leader: { name: v.leaderName, email: v.leaderEmail },
});

function check(values: Values) {
  const empty: FieldError[] = (
    [
      ['centre.id', values.id],
      ['centre.name', values.name],
      ['centre.town', values.town],
      ['leader.name', values.leaderName],
      ['leader.email', values.leaderEmail],
    ] as const
  ).flatMap(([field, value]) => (value.trim() ? [] : [required(field)]));
  return checkBody(CentreOnboarding, bodyOf(values), empty);
}

const blank: Values = { id: '', name: '', town: '', leaderName: '', leaderEmail: '' };

/**
 * The platform admin registers a centre together with its first leader, in one request: a taken id or
 * e-mail refuses the whole, so there is never a centre without a leader or a leader without a centre.
 */
export function OnboardingPage() {
  const { t } = useI18n();
  const { api, claims } = useApp();
  usePageTitle(t.onboarding.title);
  const [centres, reload] = useResource('centres', () => api.get<{ items: Centre[] }>('/api/admin/centres'));
  const [draft, update, clear] = useDraft<Draft>(`${claims.sub}:onboarding`, () => ({
    values: blank,
    key: crypto.randomUUID(),
  }));
  const submit = useSubmitState();
  const [done, setDone] = useState<string | null>(null);
  const set = (change: Partial<Values>) => update((d) => ({ ...d, values: { ...d.values, ...change } }));

  const save = async () => {
    setDone(null);
    const checked = check(draft.values);
    if (!checked.ok) return submit.invalid(checked.errors);
    submit.start();
    const result = await api.post('/api/admin/onboardings', checked.body, draft.key);
    if (!result.ok) {
      if (result.failure.kind === 'http' && result.failure.status < 500)
        update((d) => ({ ...d, key: crypto.randomUUID() }));
      return submit.fail(result.failure);
    }
    submit.succeed();
    clear();
    setDone(t.onboarding.done(checked.body.centre.name, checked.body.leader.email));
    reload();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const { state } = submit;
  const field = (path: keyof typeof fields, label: string, key: keyof Values, hint?: string) => (
    <TextField
      id={fields[path]}
      label={label}
      hint={hint}
      value={draft.values[key]}
      error={state.errors[path]}
      autoComplete="off"
      onChange={(value) => set({ [key]: value })}
    />
  );
  return (
    <section className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t.onboarding.title}
      </h1>
      <p className="ds-paragraph">{t.onboarding.intro}</p>
      {done ? <Success>{done}</Success> : null}
      <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="onboarding-title">
        <h2 className="ds-sr-only" id="onboarding-title">
          {t.onboarding.submit}
        </h2>
        <ErrorSummary
          errors={state.errors}
          fieldIds={fields}
          attempt={state.attempt}
          extra={state.formError}
        />
        <fieldset className="ds-fieldset stack">
          <legend className="ds-label">{t.onboarding.centre}</legend>
          {field('centre.id', t.onboarding.centreId, 'id', t.onboarding.centreIdHint)}
          {field('centre.name', t.onboarding.centreName, 'name')}
          {field('centre.town', t.onboarding.town, 'town')}
        </fieldset>
        <fieldset className="ds-fieldset stack">
          <legend className="ds-label">{t.onboarding.leader}</legend>
          {field('leader.name', t.onboarding.leaderName, 'leaderName')}
          {field('leader.email', t.onboarding.leaderEmail, 'leaderEmail')}
        </fieldset>
        <NetworkRetry visible={state.networkFailed} onRetry={save} />
        <div className="actions">
          <button type="submit" className="ds-button" disabled={state.saving}>
            {t.onboarding.submit}
          </button>
          {state.saving ? <Progress label={t.saving} /> : null}
        </div>
      </form>
      <h2 className="ds-heading" data-size="md">
        {t.onboarding.registered}
      </h2>
      {centres.state === 'loading' ? <Progress label={t.loading} /> : null}
      {centres.state === 'ok' ? (
        <ul>
          {centres.value.items.map((c) => (
            <li key={c.id}>
              {c.name} ({c.town})
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
