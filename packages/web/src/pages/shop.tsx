import { monthOf, monthsBetween, todayInOslo } from '@crux/domain/calendar';
import { type ShopMonth, ShopMonthUpdate, shopReportName } from '@crux/domain/registers/shop';
import { parse } from '@crux/domain/validation';
import { type FormEvent, useState } from 'react';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { toFormErrors } from '../forms/form-errors';
import { NetworkRetry } from '../forms/network-retry';
import { useSubmitState } from '../forms/submit-state';
import { formatMonth, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { FailureView } from '../ui/failure';
import { SelectField, TextField } from '../ui/fields';
import { usePageTitle } from '../ui/page-title';
import { ScrollRegion } from '../ui/scroll-region';
import { Alert, Progress, Success } from '../ui/status';
import { useYear, YearPicker } from '../ui/year-picker';

const ids = { month: 'shop-month', kilograms: 'shop-kilograms' };

/**
 * The second-hand shop's kilograms, a month at a time, and the waste company's report of the year to
 * download. A month is saved against the version shown, so two people registering it never overwrite
 * each other unseen.
 */
export function ShopPage({ centre }: { centre: string }) {
  const { t, language } = useI18n();
  const { api } = useApp();
  usePageTitle(t.shop.title);
  const year = useYear();
  const [data, reload] = useResource(`${centre}:shop:${year}`, () =>
    api.get<{ year: number; months: ShopMonth[] }>(`/api/centres/${centre}/shop`, { year }),
  );
  const today = todayInOslo();
  const months = monthsBetween(`${year}-01`, `${year}-12`).filter((m) => m <= monthOf(today));
  const [month, setMonth] = useState(months.at(-1) ?? `${year}-01`);
  const [kilograms, setKilograms] = useState('');
  const [notice, setNotice] = useState<'saved' | 'conflict' | 'download' | null>(null);
  const submit = useSubmitState();
  const { state } = submit;
  const stored = data.state === 'ok' ? data.value.months : [];
  const shown = months.includes(month) ? month : (months.at(-1) ?? '');

  const save = async () => {
    setNotice(null);
    const version = stored.find((m) => m.month === shown)?.version ?? 0;
    const raw = kilograms.replace(/\s/g, '');
    const checked = parse(ShopMonthUpdate, { kilograms: raw === '' ? Number.NaN : Number(raw), version });
    if (!checked.ok) return submit.invalid(toFormErrors(checked.error.fields));
    submit.start();
    const result = await api.put(`/api/centres/${centre}/shop/${shown}`, checked.value);
    if (!result.ok && result.failure.kind === 'http' && result.failure.status === 409) {
      submit.succeed();
      setNotice('conflict');
      return reload();
    }
    if (!result.ok) return submit.fail(result.failure);
    submit.succeed();
    setKilograms('');
    setNotice('saved');
    reload();
  };

  const download = async (format: 'csv' | 'xlsx') => {
    const answer = await api.file(`/api/centres/${centre}/shop/report`, { year, format });
    if (!answer.ok) return setNotice('download');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(answer.value);
    link.download = shopReportName(centre, { year, format });
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };
  const total = stored.reduce((n, m) => n + m.kilograms, 0);

  return (
    <section className="shop">
      <h1 className="ds-heading" data-size="lg">
        {t.shop.title}
      </h1>
      <p>{t.shop.intro}</p>
      <YearPicker year={year} />
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={state.errors} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
        <SelectField
          id={ids.month}
          label={t.shop.month}
          value={shown}
          onChange={setMonth}
          options={months.map((m) => ({ value: m, label: formatMonth(m, language) }))}
        />
        <TextField
          id={ids.kilograms}
          label={t.shop.kilograms}
          hint={t.shop.kilogramsHint}
          inputMode="numeric"
          className="short"
          value={kilograms}
          error={state.errors.kilograms}
          onChange={setKilograms}
        />
        <NetworkRetry visible={state.networkFailed} onRetry={save} />
        <div className="actions">
          <button type="submit" className="ds-button" disabled={state.saving || data.state !== 'ok'}>
            {t.save}
          </button>
          {state.saving ? <Progress label={t.saving} /> : null}
        </div>
        {notice === 'saved' ? <Success>{t.shop.saved(formatMonth(shown, language))}</Success> : null}
        {notice === 'conflict' ? <Alert>{t.shop.conflict}</Alert> : null}
      </form>

      <h2 className="ds-heading" data-size="md" id="shop-year-title">
        {t.shop.yearTitle(year)}
      </h2>
      {data.state === 'loading' ? <Progress label={t.loading} /> : null}
      {data.state === 'failed' ? <FailureView failure={data.failure} retry={reload} /> : null}
      {data.state === 'ok' ? (
        <ScrollRegion labelledBy="shop-year-title">
          <table className="ds-table" data-color="neutral">
            <thead>
              <tr>
                <th scope="col">{t.shop.month}</th>
                <th scope="col" className="num">
                  {t.shop.kilograms}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => {
                const kept = stored.find((s) => s.month === m);
                return (
                  <tr key={m}>
                    <th scope="row">{formatMonth(m, language)}</th>
                    <td className="num">{kept ? formatNumber(kept.kilograms) : t.shop.notRegistered}</td>
                  </tr>
                );
              })}
              <tr>
                <th scope="row">{t.shop.total}</th>
                <td className="num">{formatNumber(total)}</td>
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}

      <h2 className="ds-heading" data-size="md">
        {t.shop.download}
      </h2>
      <div className="actions">
        <button type="button" className="ds-button" data-variant="secondary" onClick={() => download('csv')}>
          {t.shop.csv(year)}
        </button>
        <button type="button" className="ds-button" data-variant="secondary" onClick={() => download('xlsx')}>
          {t.shop.xlsx(year)}
        </button>
      </div>
      {notice === 'download' ? <Alert>{t.shop.downloadFailed}</Alert> : null}
    </section>
  );
}
