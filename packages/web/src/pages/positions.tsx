import { type Position, PositionCreate } from '@crux/domain/registers/positions';
import { parse } from '@crux/domain/validation';
import { type FormEvent, useState } from 'react';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { required, toFormErrors } from '../forms/form-errors';
import { NetworkRetry } from '../forms/network-retry';
import { useSubmitState } from '../forms/submit-state';
import { formatDate, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { FailureView } from '../ui/failure';
import { TextField } from '../ui/fields';
import { usePageTitle } from '../ui/page-title';
import { ScrollRegion } from '../ui/scroll-region';
import { Progress, Success } from '../ui/status';

const ids = {
  title: 'position-title',
  percent: 'position-percent',
  startDate: 'position-start',
  endDate: 'position-end',
  substitute: 'position-substitute',
};
type Draft = { title: string; percent: string; startDate: string; endDate: string; substitute: boolean };
const empty: Draft = { title: '', percent: '', startDate: '', endDate: '', substitute: false };

/** The centre's staff positions, for its leader: the list, and a form to add one (a new key per position). */
export function PositionsPage({ centre }: { centre: string }) {
  const { t, language } = useI18n();
  const { api } = useApp();
  usePageTitle(t.positions.title);
  const [list, reload] = useResource(`${centre}:positions`, () =>
    api.get<{ items: Position[] }>(`/api/centres/${centre}/positions`),
  );
  const [draft, setDraft] = useState(empty);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [added, setAdded] = useState(false);
  const submit = useSubmitState();
  const { state } = submit;
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const save = async () => {
    setAdded(false);
    const body = {
      title: draft.title.trim(),
      percent: draft.percent.trim() === '' ? Number.NaN : Number(draft.percent),
      startDate: draft.startDate,
      ...(draft.endDate ? { endDate: draft.endDate } : {}),
      substitute: draft.substitute,
    };
    const checked = parse(PositionCreate, body);
    if (!checked.ok) {
      const blank = (['title', 'percent', 'startDate'] as const).filter((f) => draft[f].trim() === '');
      return submit.invalid({
        ...toFormErrors(checked.error.fields),
        ...toFormErrors(blank.map((f) => required(f))),
      });
    }
    submit.start();
    const result = await api.post(`/api/centres/${centre}/positions`, checked.value, key);
    if (!result.ok) {
      if (result.failure.kind === 'http' && result.failure.status < 500) setKey(crypto.randomUUID());
      return submit.fail(result.failure);
    }
    submit.succeed();
    setDraft(empty);
    setKey(crypto.randomUUID());
    setAdded(true);
    reload();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };

  return (
    <section className="positions">
      <h1 className="ds-heading" data-size="lg">
        {t.positions.title}
      </h1>
      <p>{t.positions.intro}</p>
      <h2 className="ds-heading" data-size="md" id="positions-list-title">
        {t.positions.listTitle}
      </h2>
      {list.state === 'loading' ? <Progress label={t.loading} /> : null}
      {list.state === 'failed' ? <FailureView failure={list.failure} retry={reload} /> : null}
      {list.state === 'ok' && list.value.items.length === 0 ? <p>{t.positions.empty}</p> : null}
      {list.state === 'ok' && list.value.items.length > 0 ? (
        <ScrollRegion labelledBy="positions-list-title">
          <table className="ds-table" data-color="neutral">
            <thead>
              <tr>
                <th scope="col">{t.positions.jobTitle}</th>
                <th scope="col" className="num">
                  {t.positions.percent}
                </th>
                <th scope="col">{t.positions.startDate}</th>
                <th scope="col">{t.positions.endDate}</th>
                <th scope="col">{t.positions.substitute}</th>
              </tr>
            </thead>
            <tbody>
              {list.value.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.title}</th>
                  <td className="num">{formatNumber(p.percent)} %</td>
                  <td>{formatDate(p.startDate, language)}</td>
                  <td>{p.endDate ? formatDate(p.endDate, language) : t.positions.ongoing}</td>
                  <td>{p.substitute ? t.positions.substituteYes : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}

      <h2 className="ds-heading" data-size="md">
        {t.positions.add}
      </h2>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={state.errors} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
        <TextField
          id={ids.title}
          label={t.positions.jobTitle}
          value={draft.title}
          error={state.errors.title}
          onChange={(title) => set({ title })}
        />
        <TextField
          id={ids.percent}
          label={t.positions.percent}
          hint={t.positions.percentHint}
          inputMode="numeric"
          className="short"
          value={draft.percent}
          error={state.errors.percent}
          onChange={(percent) => set({ percent })}
        />
        <TextField
          id={ids.startDate}
          label={t.positions.startDate}
          type="date"
          value={draft.startDate}
          error={state.errors.startDate}
          onChange={(startDate) => set({ startDate })}
        />
        <TextField
          id={ids.endDate}
          label={t.positions.endDate}
          hint={t.positions.endDateHint}
          type="date"
          value={draft.endDate}
          error={state.errors.endDate}
          onChange={(endDate) => set({ endDate })}
        />
        <div className="ds-field">
          <input
            id={ids.substitute}
            type="checkbox"
            className="ds-input"
            checked={draft.substitute}
            onChange={(event) => set({ substitute: event.target.checked })}
          />
          <label className="ds-label" data-weight="regular" htmlFor={ids.substitute}>
            {t.positions.substitute}
          </label>
        </div>
        <NetworkRetry visible={state.networkFailed} onRetry={save} />
        <div className="actions">
          <button type="submit" className="ds-button" disabled={state.saving}>
            {t.positions.add}
          </button>
          {state.saving ? <Progress label={t.saving} /> : null}
        </div>
        {added ? <Success>{t.positions.added}</Success> : null}
      </form>
    </section>
  );
}
