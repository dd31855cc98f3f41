import { ActivitiesCreate } from '@crux/domain/activity';
import { figureOf } from '@crux/domain/figure-set';
import { kindId } from '@crux/domain/figures/define';
import { monthOf, todayInOslo } from '@crux/domain/period';
import type { Text } from '@crux/domain/text';
import { parse } from '@crux/domain/validation';
import { type FormEvent, useState } from 'react';
import { entriesOfDay, figuresOfMonth, type KindTotals, totalsByKind } from '../api/activities';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { useDraft } from '../forms/drafts';
import { toFormErrors } from '../forms/form-errors';
import { NetworkRetry } from '../forms/network-retry';
import { useSubmitState } from '../forms/submit-state';
import { formatDate, formatMonth, formatNumber, formatTimestamp } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { en } from '../i18n/messages-en';
import { nb } from '../i18n/messages-nb';
import { ErrorSummary } from '../ui/error-summary';
import { FailureView } from '../ui/failure';
import { TextField } from '../ui/fields';
import { usePageTitle } from '../ui/page-title';
import { ScrollRegion } from '../ui/scroll-region';
import { Progress, Success } from '../ui/status';
import { Stepper } from '../ui/stepper';

/**
 * One save carries every kind of the day in one request. Its idempotency key is kept in the draft until
 * the save succeeds: a retry after a lost answer sends the same key, so the API registers the work once
 * however often the user presses Save.
 */
type TodayDraft = { date: string; visit: number; contact_point: number; key: string };

/** The kinds this page registers (of the catalogue's, the two every centre registers daily). */
type ShownKind = 'visit' | 'contact_point';
const kinds: readonly ShownKind[] = ['visit', 'contact_point'];
const ids = { date: 'today-date', visit: 'today-visits', contact_point: 'today-contact-points' };

const freshDraft = (): TodayDraft => ({
  date: todayInOslo(),
  visit: 0,
  contact_point: 0,
  key: crypto.randomUUID(),
});

const nothingToSave: Text = { nb: nb.today.nothingToSave, en: en.today.nothingToSave };

const validDate = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);

export function TodayPage({ centre }: { centre: string }) {
  const { t, language } = useI18n();
  const { api, claims } = useApp();
  usePageTitle(t.nav.today);
  const [draft, update] = useDraft(`${claims.sub}:${centre}:today`, freshDraft);
  const submit = useSubmitState();
  const [saved, setSaved] = useState<KindTotals | null>(null);
  const [savedDate, setSavedDate] = useState('');
  const day = validDate(draft.date) ? draft.date : null;
  const month = day ? monthOf(day) : null;
  const [entries, reloadDay] = useResource(`${centre}:${day}`, () =>
    day ? entriesOfDay(api, centre, day) : Promise.resolve({ ok: true as const, value: [] }),
  );
  const [monthFigures, reloadMonth] = useResource(`${centre}:${month}`, () =>
    month ? figuresOfMonth(api, centre, month) : Promise.resolve({ ok: true as const, value: null }),
  );

  const labels: Record<ShownKind, string> = {
    visit: t.today.visits,
    contact_point: t.today.contactPoints,
  };

  /** A count of 0 means "none of this kind": only the date and the counts above 0 are sent and checked. */
  const body = () => ({
    date: draft.date,
    entries: kinds.filter((kind) => draft[kind] > 0).map((kind) => ({ kind, count: draft[kind] })),
  });

  /** The API names `entries.<i>.count`; here each kind has its own field. */
  const fieldOf = (field: string, sent: ReturnType<typeof body>) => {
    const match = /^entries\.(\d+)\.count$/.exec(field);
    return match ? (sent.entries[Number(match[1])]?.kind ?? field) : field;
  };

  const save = async () => {
    setSaved(null);
    const sent = body();
    if (sent.entries.length === 0) {
      const dateOk = parse(ActivitiesCreate, { ...sent, entries: [{ kind: 'visit', count: 1 }] });
      return submit.invalid(
        dateOk.ok ? {} : toFormErrors(dateOk.error.fields ?? []),
        dateOk.ok ? nothingToSave : undefined,
      );
    }
    const checked = parse(ActivitiesCreate, sent);
    if (!checked.ok) {
      return submit.invalid(
        toFormErrors((checked.error.fields ?? []).map((f) => ({ ...f, field: fieldOf(f.field, sent) }))),
      );
    }
    submit.start();
    const result = await api.post(`/api/centres/${centre}/activities`, checked.value, draft.key);
    if (!result.ok) {
      // A 4xx wrote nothing, so the next attempt may carry a new key; after a lost answer it must not.
      if (result.failure.kind === 'http' && result.failure.status < 500) {
        update((d) => ({ ...d, key: crypto.randomUUID() }));
      }
      const { failure } = result;
      if (failure.kind === 'http' && failure.error?.fields) {
        const fields = failure.error.fields.map((f) => ({ ...f, field: fieldOf(f.field, sent) }));
        return submit.fail({ ...failure, error: { ...failure.error, fields } });
      }
      return submit.fail(failure);
    }
    const done: KindTotals = { visit: draft.visit, contact_point: draft.contact_point };
    update((d) => ({ ...d, visit: 0, contact_point: 0, key: crypto.randomUUID() }));
    submit.succeed();
    setSaved(done);
    setSavedDate(draft.date);
    reloadDay();
    reloadMonth();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };

  const { state } = submit;
  const isToday = draft.date === todayInOslo();
  const dayTotals = entries.state === 'ok' ? totalsByKind(entries.value) : null;
  const counted = monthFigures.state === 'ok' ? monthFigures.value : null;

  return (
    <section className="today">
      <h1 className="ds-heading" data-size="lg">
        {t.today.title}
      </h1>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={state.errors} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
        <TextField
          id={ids.date}
          label={t.today.date}
          hint={t.today.dateHint}
          type="date"
          value={draft.date}
          error={state.errors.date}
          onChange={(date) => update((d) => ({ ...d, date }))}
        />
        <div className="steppers">
          {kinds.map((kind) => (
            <Stepper
              key={kind}
              id={ids[kind]}
              label={labels[kind]}
              value={draft[kind]}
              error={state.errors[kind]}
              onChange={(value) => update((d) => ({ ...d, [kind]: value }))}
            />
          ))}
        </div>
        <NetworkRetry visible={state.networkFailed} onRetry={save} />
        <div className="actions">
          <button type="submit" className="ds-button" data-size="lg" disabled={state.saving}>
            {t.save}
          </button>
          {state.saving ? <Progress label={t.saving} /> : null}
        </div>
        {saved ? (
          <Success>
            {t.today.saved(saved.visit ?? 0, saved.contact_point ?? 0, formatDate(savedDate, language))}
          </Success>
        ) : null}
      </form>

      <h2 className="ds-heading" data-size="md" id="today-figures-title">
        {t.today.figuresTitle}
      </h2>
      {entries.state === 'loading' || monthFigures.state === 'loading' ? (
        <Progress label={t.loading} />
      ) : null}
      {entries.state === 'failed' ? <FailureView failure={entries.failure} retry={reloadDay} /> : null}
      {monthFigures.state === 'failed' ? (
        <FailureView failure={monthFigures.failure} retry={reloadMonth} />
      ) : null}
      {dayTotals && monthFigures.state === 'ok' && month ? (
        <ScrollRegion labelledBy="today-figures-title">
          <table className="ds-table" data-color="neutral">
            <thead>
              <tr>
                <th scope="col">{t.today.what}</th>
                <th scope="col" className="num">
                  {isToday ? t.today.todayColumn : t.today.dayColumn(formatDate(draft.date, language))}
                </th>
                <th scope="col" className="num">
                  {t.today.monthColumn(formatMonth(month, language))}
                </th>
              </tr>
            </thead>
            <tbody>
              {kinds.map((kind) => (
                <tr key={kind}>
                  <th scope="row">{labels[kind]}</th>
                  <td className="num">{formatNumber(dayTotals[kind] ?? 0)}</td>
                  <td className="num">
                    {formatNumber(counted ? figureOf(counted.figures, kindId(kind)) : 0)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {monthFigures.state === 'ok' ? (
        <p className="hint">
          {counted?.computedAt
            ? t.today.monthCounted(formatTimestamp(counted.computedAt, language))
            : t.today.monthNotCounted}
        </p>
      ) : null}
    </section>
  );
}
