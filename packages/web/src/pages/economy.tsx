import type { Catalogue } from '@crux/domain/catalogue/lists';
import { type Income, IncomeUpdate } from '@crux/domain/registers/economy';
import { parse } from '@crux/domain/validation';
import { type FormEvent, useState } from 'react';
import { inUse, loadCatalogue } from '../api/catalogue';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { toFormErrors } from '../forms/form-errors';
import { NetworkRetry } from '../forms/network-retry';
import { useSubmitState } from '../forms/submit-state';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { en } from '../i18n/messages-en';
import { nb } from '../i18n/messages-nb';
import { ErrorSummary } from '../ui/error-summary';
import { FailureView } from '../ui/failure';
import { TextField } from '../ui/fields';
import { usePageTitle } from '../ui/page-title';
import { Alert, Progress, Success } from '../ui/status';
import { useYear, YearPicker } from '../ui/year-picker';

type Loaded = { income: Income; catalogue: Catalogue };
type Notice = 'saved' | 'conflict' | null;

/**
 * The year's income by source, for the leader: one field per source of the foundation's list (and any
 * retired source the year still names), the turnover their sum, saved whole against the version shown.
 */
export function EconomyPage({ centre }: { centre: string }) {
  const { t } = useI18n();
  const { api } = useApp();
  usePageTitle(t.economy.title);
  const year = useYear();
  // Kept here: the form is drawn anew for each version it saved.
  const [notice, setNotice] = useState<Notice>(null);
  const [data, reload] = useResource<Loaded>(`${centre}:economy:${year}`, async () => {
    const [income, catalogue] = await Promise.all([
      api.get<Income>(`/api/centres/${centre}/economy/${year}`),
      loadCatalogue(api),
    ]);
    if (!income.ok) return income;
    if (!catalogue.ok) return catalogue;
    return { ok: true, value: { income: income.value, catalogue: catalogue.value } };
  });
  return (
    <section className="economy">
      <h1 className="ds-heading" data-size="lg">
        {t.economy.title}
      </h1>
      <p>{t.economy.intro(year)}</p>
      <YearPicker year={year} />
      {notice === 'saved' ? <Success>{t.economy.saved}</Success> : null}
      {notice === 'conflict' ? <Alert>{t.economy.conflict}</Alert> : null}
      {data.state === 'loading' ? <Progress label={t.loading} /> : null}
      {data.state === 'failed' ? <FailureView failure={data.failure} retry={reload} /> : null}
      {data.state === 'ok' ? (
        <IncomeForm
          key={`${year}:${data.value.income.version}`}
          centre={centre}
          loaded={data.value}
          reload={reload}
          setNotice={setNotice}
        />
      ) : null}
    </section>
  );
}

const fieldId = (source: string) => `income-${source}`;
const notWhole = { nb: nb.economy.wholeKroner, en: en.economy.wholeKroner };

function IncomeForm(props: {
  centre: string;
  loaded: Loaded;
  reload: () => void;
  setNotice: (notice: Notice) => void;
}) {
  const { centre, loaded, reload, setNotice } = props;
  const { t, text } = useI18n();
  const { api } = useApp();
  const { income, catalogue } = loaded;
  const sources = [
    ...inUse(catalogue.incomeSources),
    ...catalogue.incomeSources.filter((s) => s.status !== 'active' && income.amounts[s.id] !== undefined),
  ];
  const [amounts, setAmounts] = useState<Record<string, string>>(() =>
    Object.fromEntries(sources.map((s) => [s.id, income.amounts[s.id] ? String(income.amounts[s.id]) : ''])),
  );
  const submit = useSubmitState();
  const { state } = submit;
  const asNumber = (raw: string) => (raw.replace(/\s/g, '') === '' ? 0 : Number(raw.replace(/\s/g, '')));
  const turnover = Object.values(amounts).reduce((n, raw) => n + (asNumber(raw) || 0), 0);
  const ids = Object.fromEntries(sources.map((s) => [`amounts.${s.id}`, fieldId(s.id)]));

  const save = async () => {
    setNotice(null);
    const body = {
      amounts: Object.fromEntries(Object.entries(amounts).map(([id, raw]) => [id, asNumber(raw)])),
      version: income.version,
    };
    const checked = parse(IncomeUpdate, body);
    if (!checked.ok) {
      const errors = toFormErrors(checked.error.fields);
      for (const field of Object.keys(errors)) errors[field] = notWhole;
      return submit.invalid(errors);
    }
    submit.start();
    const result = await api.put(`/api/centres/${centre}/economy/${income.year}`, checked.value);
    if (!result.ok && result.failure.kind === 'http' && result.failure.status === 409) {
      submit.succeed();
      setNotice('conflict');
      return reload();
    }
    if (!result.ok) return submit.fail(result.failure);
    submit.succeed();
    setNotice('saved');
    reload();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={state.errors} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
      {sources.map((s) => (
        <TextField
          key={s.id}
          id={fieldId(s.id)}
          label={text(s.name)}
          hint={t.economy.amountHint}
          inputMode="numeric"
          className="short"
          value={amounts[s.id] ?? ''}
          error={state.errors[`amounts.${s.id}`]}
          onChange={(value) => setAmounts((a) => ({ ...a, [s.id]: value }))}
        />
      ))}
      <p className="turnover">
        <strong>{t.economy.turnover}:</strong> <span data-testid="turnover">kr {formatNumber(turnover)}</span>
      </p>
      <NetworkRetry visible={state.networkFailed} onRetry={save} />
      <div className="actions">
        <button type="submit" className="ds-button" disabled={state.saving}>
          {t.save}
        </button>
        {state.saving ? <Progress label={t.saving} /> : null}
      </div>
    </form>
  );
}
