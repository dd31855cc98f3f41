import { monthOf, todayInOslo } from '@crux/domain/calendar';
import { compareOrder } from '@crux/domain/catalogue/order';
import type { CatalogueKind } from '@crux/domain/catalogue/schema';
import { figureOf } from '@crux/domain/figure-set';
import { kindId } from '@crux/domain/figures/ids';
import type { Text } from '@crux/domain/text';
import { type FormEvent, useState } from 'react';
import { entriesOfDay, figuresOfMonth, totalsByKind } from '../api/activities';
import { useCatalogue, useCentreSettings } from '../api/catalogue';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { DayEntries } from '../forms/day-entries';
import { useDraft } from '../forms/drafts';
import { toFormErrors } from '../forms/form-errors';
import { loadOnce, prefetch } from '../forms/load-once';
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
 * however often the user presses Save. The counts are keyed by the catalogue's kind ids.
 */
type TodayDraft = { date: string; counts: Record<string, number>; key: string };

const freshDraft = (): TodayDraft => ({ date: todayInOslo(), counts: {}, key: crypto.randomUUID() });

const nothingToSave: Text = { nb: nb.today.nothingToSave, en: en.today.nothingToSave };

const loadCheck = loadOnce(() => import('./today-check'));

const validDate = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);
const DATE_ID = 'today-date';
const fieldId = (kind: string) => `today-${kind}`;

/**
 * The kinds I dag registers as plain counts: every kind in use that does not need a participant named
 * (those are registered on the participant's page). The centre's chosen kinds first, in its order; the
 * rest of the catalogue's after them, in the catalogue's order.
 */
function kindsOf(kinds: readonly CatalogueKind[], chosen: readonly string[]) {
  const countable = kinds.filter((k) => k.status === 'active' && k.participant !== 'must');
  const byId = new Map(countable.map((k) => [k.id, k]));
  const first = chosen.flatMap((id) => byId.get(id) ?? []);
  const rest = countable.filter((k) => !chosen.includes(k.id)).sort(compareOrder);
  return { first, rest };
}

export function TodayPage({ centre }: { centre: string }) {
  const { t, text, language } = useI18n();
  const { api, claims } = useApp();
  usePageTitle(t.nav.today);
  const [catalogue, reloadCatalogue] = useCatalogue();
  const [settings, reloadSettings] = useCentreSettings(centre);
  const [draft, update] = useDraft(`${claims.sub}:${centre}:today-kinds`, freshDraft);
  const submit = useSubmitState();
  const { state } = submit;
  const [saved, setSaved] = useState<{ date: string; what: string } | null>(null);
  const [moreOpen, setMoreOpen] = useState(false);
  const day = validDate(draft.date) ? draft.date : null;
  const month = day ? monthOf(day) : null;
  const [entries, reloadDay] = useResource(`${centre}:${day}`, () =>
    day ? entriesOfDay(api, centre, day) : Promise.resolve({ ok: true as const, value: [] }),
  );
  const [monthFigures, reloadMonth] = useResource(`${centre}:${month}`, () =>
    month ? figuresOfMonth(api, centre, month) : Promise.resolve({ ok: true as const, value: null }),
  );

  const allKinds = catalogue.state === 'ok' ? catalogue.value.catalogue.activityKinds : [];
  const { first, rest } = kindsOf(allKinds, settings.state === 'ok' ? settings.value.todayKinds : []);
  const shown = [...first, ...rest];
  const nameOf = (id: string) => {
    const kind = allKinds.find((k) => k.id === id);
    return kind ? text(kind.name) : id;
  };
  const ids: Record<string, string> = { date: DATE_ID };
  for (const kind of shown) ids[kind.id] = fieldId(kind.id);
  const counts = draft.counts ?? {};

  /** A count of 0 means "none of this kind": only the date and the counts above 0 are sent and checked. */
  const body = () => ({
    date: draft.date,
    entries: shown
      .filter((k) => (counts[k.id] ?? 0) > 0)
      .map((k) => ({ kind: k.id, count: counts[k.id] ?? 0 })),
  });

  /** The API names `entries.<i>.count`; here each kind has its own field. */
  const fieldOf = (field: string, sent: ReturnType<typeof body>) => {
    const match = /^entries\.(\d+)\.(count|kind)$/.exec(field);
    return match ? (sent.entries[Number(match[1])]?.kind ?? field) : field;
  };
  const withFields = <F extends { field: string }>(fields: readonly F[], sent: ReturnType<typeof body>) =>
    fields.map((f) => ({ ...f, field: fieldOf(f.field, sent) }));

  const save = async () => {
    setSaved(null);
    const sent = body();
    // The schema is not loaded with the page (forms/load-once.ts).
    const check = await loadCheck().catch(() => null);
    // Offline before the first save: the same "not reached, what you filled in is kept" as a lost request.
    if (!check) return submit.fail({ kind: 'network' });
    const { ActivitiesCreate, parse } = check;
    if (sent.entries.length === 0) {
      const dateOk = parse(ActivitiesCreate, { ...sent, entries: [{ kind: 'visit', count: 1 }] });
      return submit.invalid(
        dateOk.ok ? {} : toFormErrors(dateOk.error.fields ?? []),
        dateOk.ok ? nothingToSave : undefined,
      );
    }
    const checked = parse(ActivitiesCreate, sent);
    if (!checked.ok) {
      return submit.invalid(toFormErrors(withFields(checked.error.fields ?? [], sent)));
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
        const fields = withFields(failure.error.fields, sent);
        return submit.fail({ ...failure, error: { ...failure.error, fields } });
      }
      return submit.fail(failure);
    }
    const what = sent.entries.map((e) => `${nameOf(e.kind)} ${formatNumber(e.count)}`).join(', ');
    update((d) => ({ ...d, counts: {}, key: crypto.randomUUID() }));
    submit.succeed();
    setSaved({ date: draft.date, what });
    reloadDay();
    reloadMonth();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };

  const stepper = (kind: CatalogueKind) => (
    <Stepper
      key={kind.id}
      id={fieldId(kind.id)}
      label={text(kind.name)}
      value={counts[kind.id] ?? 0}
      error={state.errors[kind.id]}
      onChange={(value) => update((d) => ({ ...d, counts: { ...(d.counts ?? {}), [kind.id]: value } }))}
    />
  );

  const isToday = draft.date === todayInOslo();
  const dayTotals = entries.state === 'ok' ? totalsByKind(entries.value) : null;
  const counted = monthFigures.state === 'ok' ? monthFigures.value : null;
  // The table: the kinds shown at the top, and any other kind registered this day.
  const tableKinds = [
    ...first.map((k) => k.id),
    ...Object.keys(dayTotals ?? {}).filter((id) => !first.some((k) => k.id === id)),
  ];
  const setup = [catalogue, settings] as const;
  const restHasCounts = rest.some((k) => (counts[k.id] ?? 0) > 0 || state.errors[k.id]);
  // The other kinds' steppers are drawn only once the list is open: closed, they are nearly half the
  // page's elements, and drawing them delayed the page's first use (Lighthouse's blocking time).
  const restOpen = moreOpen || restHasCounts;
  // The figures wait for the form above them: drawn before it, they would jump down when it comes.
  const setupLoading = setup.some((r) => r.state === 'loading');

  return (
    <section className="today">
      <h1 className="ds-heading" data-size="lg">
        {t.today.title}
      </h1>
      {setupLoading ? <Progress label={t.loading} /> : null}
      {catalogue.state === 'failed' ? (
        <FailureView failure={catalogue.failure} retry={reloadCatalogue} />
      ) : null}
      {settings.state === 'failed' ? <FailureView failure={settings.failure} retry={reloadSettings} /> : null}
      {catalogue.state === 'ok' && settings.state === 'ok' ? (
        <form onSubmit={onSubmit} onFocus={prefetch(loadCheck)} noValidate>
          <ErrorSummary
            errors={state.errors}
            fieldIds={ids}
            attempt={state.attempt}
            extra={state.formError}
          />
          <TextField
            id={DATE_ID}
            label={t.today.date}
            hint={t.today.dateHint}
            type="date"
            value={draft.date}
            error={state.errors.date}
            onChange={(date) => update((d) => ({ ...d, date }))}
          />
          <div className="steppers">{first.map(stepper)}</div>
          {rest.length > 0 ? (
            <details
              className="more-kinds"
              open={restOpen || undefined}
              onToggle={(event) => setMoreOpen(event.currentTarget.open)}
            >
              <summary>{t.today.moreKinds}</summary>
              <p className="hint">{t.today.moreKindsHint}</p>
              {restOpen ? <div className="steppers">{rest.map(stepper)}</div> : null}
            </details>
          ) : null}
          <NetworkRetry visible={state.networkFailed} onRetry={save} />
          <div className="actions">
            <button type="submit" className="ds-button" data-size="lg" disabled={state.saving}>
              {t.save}
            </button>
            {state.saving ? <Progress label={t.saving} /> : null}
          </div>
          {saved ? <Success>{t.today.saved(formatDate(saved.date, language), saved.what)}</Success> : null}
        </form>
      ) : null}

      {setupLoading ? null : (
        <>
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
          {dayTotals && monthFigures.state === 'ok' && month && catalogue.state === 'ok' ? (
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
                  {tableKinds.map((kind) => (
                    <tr key={kind}>
                      <th scope="row">{nameOf(kind)}</th>
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
          {catalogue.state === 'ok' ? (
            <DayEntries
              centre={centre}
              entries={entries.state === 'ok' ? entries.value : null}
              kinds={allKinds}
              onChanged={() => {
                reloadDay();
                reloadMonth();
              }}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
