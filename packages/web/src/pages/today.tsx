import { ActivityCreate, type ActivityKind } from '@crux/domain/activity';
import { monthOf, todayInOslo } from '@crux/domain/period';
import type { Text } from '@crux/domain/text';
import { parse } from '@crux/domain/validation';
import { type FormEvent, useState } from 'react';
import { activitiesOfMonth, type KindTotals, totalsByKind } from '../api/activities';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { useDraft } from '../forms/drafts';
import { type FormErrors, hasErrors } from '../forms/form-errors';
import { NetworkRetry } from '../forms/network-retry';
import { useSubmitState } from '../forms/submit-state';
import { formatDate, formatMonth, formatNumber } from '../i18n/format';
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
 * One idempotency key per kind, kept in the draft until that kind is saved: a retry after a lost answer
 * sends the same key, so the API registers the work once however often the user presses Save.
 */
type TodayDraft = { date: string; visit: number; contact_point: number; keys: Record<ActivityKind, string> };

const kinds: readonly ActivityKind[] = ['visit', 'contact_point'];
const ids = { date: 'today-date', visit: 'today-visits', contact_point: 'today-contact-points' };

const freshDraft = (): TodayDraft => ({
  date: todayInOslo(),
  visit: 0,
  contact_point: 0,
  keys: { visit: crypto.randomUUID(), contact_point: crypto.randomUUID() },
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
  const month = validDate(draft.date) ? monthOf(draft.date) : null;
  const [entries, reload] = useResource(`${centre}:${month}`, () =>
    month ? activitiesOfMonth(api, centre, month) : Promise.resolve({ ok: true as const, value: [] }),
  );

  const labels: Record<ActivityKind, string> = {
    visit: t.today.visits,
    contact_point: t.today.contactPoints,
  };

  /** A count of 0 means "none of this kind", so only the date and counts above 0 are checked. */
  const check = (): FormErrors => {
    const errors: FormErrors = {};
    for (const kind of kinds) {
      const result = parse(ActivityCreate, { date: draft.date, kind, count: draft[kind] || 1 });
      if (result.ok) continue;
      for (const field of result.error.fields ?? []) {
        errors[field.field === 'count' ? kind : field.field] ??= field.message;
      }
    }
    return errors;
  };

  const save = async () => {
    setSaved(null);
    const errors = check();
    if (hasErrors(errors)) return submit.invalid(errors);
    if (draft.visit === 0 && draft.contact_point === 0) return submit.invalid({}, nothingToSave);
    submit.start();
    const done: KindTotals = { visit: 0, contact_point: 0 };
    for (const kind of kinds) {
      const count = draft[kind];
      if (count === 0) continue;
      const result = await api.post(
        `/api/centres/${centre}/activities`,
        { date: draft.date, kind, count },
        draft.keys[kind],
      );
      if (!result.ok) {
        // A 4xx wrote nothing, so the next attempt may carry a new key; after a lost answer it must not.
        if (result.failure.kind === 'http' && result.failure.status < 500) {
          update((d) => ({ ...d, keys: { ...d.keys, [kind]: crypto.randomUUID() } }));
          reload();
        }
        if (done.visit > 0 || done.contact_point > 0) {
          setSaved(done);
          setSavedDate(draft.date);
        }
        if (result.failure.kind === 'http' && result.failure.error?.fields) {
          // The API names `count`; here each kind has its own field.
          const fields = result.failure.error.fields.map((f) => ({
            ...f,
            field: f.field === 'count' ? kind : f.field,
          }));
          submit.fail({ ...result.failure, error: { ...result.failure.error, fields } });
        } else {
          submit.fail(result.failure);
        }
        return;
      }
      done[kind] = count;
      update((d) => ({ ...d, [kind]: 0, keys: { ...d.keys, [kind]: crypto.randomUUID() } }));
    }
    submit.succeed();
    setSaved(done);
    setSavedDate(draft.date);
    reload();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };

  const { state } = submit;
  const isToday = draft.date === todayInOslo();
  const dayTotals = entries.state === 'ok' ? totalsByKind(entries.value, draft.date) : null;
  const monthTotals = entries.state === 'ok' ? totalsByKind(entries.value) : null;

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
            {t.today.saved(saved.visit, saved.contact_point, formatDate(savedDate, language))}
          </Success>
        ) : null}
      </form>

      <h2 className="ds-heading" data-size="md" id="today-figures-title">
        {t.today.figuresTitle}
      </h2>
      {entries.state === 'loading' ? <Progress label={t.loading} /> : null}
      {entries.state === 'failed' ? <FailureView failure={entries.failure} retry={reload} /> : null}
      {dayTotals && monthTotals && month ? (
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
                  <td className="num">{formatNumber(dayTotals[kind])}</td>
                  <td className="num">{formatNumber(monthTotals[kind])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </section>
  );
}
