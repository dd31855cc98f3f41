import { compareDates, todayInOslo } from '@crux/domain/calendar';
import { type Catalogue, compareOrder } from '@crux/domain/catalogue/lists';
import type { Participant } from '@crux/domain/participant';
import type { HoursEntry, Span } from '@crux/domain/records/spans';
import { type FormEvent, useState } from 'react';
import { useApp } from '../app-context';
import { formatDate, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { SelectField, TextField } from '../ui/fields';
import { Success } from '../ui/status';
import { SubmitRow } from '../ui/submit-row';
import { prefetch } from './load-once';
import { loadParticipantChecks, participantCheck } from './participant-check';
import { useWrite, type Written } from './use-write';

/** Hours are typed the Norwegian way too: "1,5" is 1.5. */
const hoursOf = (typed: string) => (typed.trim() === '' ? Number.NaN : Number(typed.replace(',', '.')));

/** The hours served on one order in the last year, each deletable, and a form to log a day's hours. */
export function OrderHours(props: {
  path: string;
  order: Span;
  name: string;
  entries: readonly HoursEntry[];
  onWritten: Written;
  onRemoved: () => void;
}) {
  const { t, language } = useI18n();
  const { api } = useApp();
  const r = t.records;
  const [values, setValues] = useState({ date: todayInOslo(), hours: '' });
  const { state, write } = useWrite((outcome) => {
    if (outcome === 'saved') setValues((v) => ({ ...v, hours: '' }));
    props.onWritten(outcome);
  });
  const ids = { date: `hours-date-${props.order.id}`, hours: `hours-${props.order.id}` };
  const total = props.entries.reduce((sum, e) => sum + e.hours, 0);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = { date: values.date, hours: hoursOf(values.hours) };
    write(
      'post',
      props.path,
      participantCheck((c) => c.parse(c.HoursCreate, body)),
    );
  };
  const remove = async (entry: HoursEntry) => {
    const result = await api.delete(`${props.path}/${entry.date}/${entry.id}`);
    if (result.ok) props.onRemoved();
  };
  const sorted = [...props.entries].sort((a, b) => compareDates(b.date, a.date));
  return (
    <details className="order-hours">
      <summary>
        {r.hoursTitle(props.name)}: {r.hoursTotal(formatNumber(total))}
      </summary>
      {sorted.length === 0 ? <p>{r.noHours}</p> : null}
      <ul className="entries">
        {sorted.map((entry) => (
          <li key={entry.id} className="entry-row">
            <span>
              {formatDate(entry.date, language)}: {formatNumber(entry.hours)} {r.hours.toLowerCase()}
            </span>
            <button
              type="button"
              className="ds-button"
              data-variant="tertiary"
              data-size="sm"
              onClick={() => remove(entry)}
            >
              {r.removeHours(formatDate(entry.date, language))}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={onSubmit} onFocus={prefetch(loadParticipantChecks)} noValidate className="stack">
        <ErrorSummary errors={state.errors} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
        <TextField
          id={ids.date}
          type="date"
          label={r.date}
          value={values.date}
          error={state.errors.date}
          onChange={(date) => setValues((v) => ({ ...v, date }))}
        />
        <TextField
          id={ids.hours}
          label={r.hours}
          hint={r.hoursHint}
          inputMode="text"
          value={values.hours}
          error={state.errors.hours}
          onChange={(hours) => setValues((v) => ({ ...v, hours }))}
        />
        <SubmitRow label={r.logHours(props.name)} saving={state.saving} />
      </form>
    </details>
  );
}

const activityIds = { kind: 'activity-kind', date: 'activity-date', count: 'activity-count' };

/**
 * An activity that names the participant: the kinds that must or may name one (a cabin trip counts the
 * participants who came). One entry, one request, as on I dag.
 */
export function ParticipantActivity(props: {
  centre: string;
  participant: Participant;
  catalogue: Catalogue;
}) {
  const { t, text, language } = useI18n();
  const r = t.records;
  const kinds = props.catalogue.activityKinds
    .filter((k) => k.status === 'active' && k.participant !== 'mustNot')
    .sort((a, b) =>
      a.participant === b.participant ? compareOrder(a, b) : a.participant === 'must' ? -1 : 1,
    );
  const [values, setValues] = useState({ kind: kinds[0]?.id ?? '', date: todayInOslo(), count: '1' });
  const [saved, setSaved] = useState<string | null>(null);
  const { state, write } = useWrite((outcome) => {
    if (outcome !== 'saved') return;
    const kind = kinds.find((k) => k.id === values.kind);
    setSaved(
      r.activitySaved(
        `${kind ? text(kind.name) : values.kind} ${values.count}`,
        formatDate(values.date, language),
      ),
    );
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const count = values.count.trim() === '' ? Number.NaN : Number(values.count);
    const body = {
      date: values.date,
      entries: [{ kind: values.kind, count, participantId: props.participant.id }],
    };
    const checked = participantCheck((c) => c.parse(c.ActivitiesCreate, body));
    write('post', `/api/centres/${props.centre}/activities`, checked);
  };
  // The schema names the entry's fields (`entries.0.count`); here each has its own input.
  const errors = Object.fromEntries(
    Object.entries(state.errors).map(([field, message]) => [field.replace(/^entries\.0\./, ''), message]),
  );
  return (
    <form onSubmit={onSubmit} onFocus={prefetch(loadParticipantChecks)} noValidate className="stack">
      <h2 className="ds-heading" data-size="md">
        {r.activityTitle}
      </h2>
      <p>{r.activityIntro}</p>
      <ErrorSummary errors={errors} fieldIds={activityIds} attempt={state.attempt} extra={state.formError} />
      <SelectField
        id={activityIds.kind}
        label={r.kind}
        value={values.kind}
        error={errors.kind}
        options={kinds.map((k) => ({ value: k.id, label: text(k.name) }))}
        onChange={(kind) => setValues((v) => ({ ...v, kind }))}
      />
      <TextField
        id={activityIds.date}
        type="date"
        label={r.date}
        value={values.date}
        error={errors.date}
        onChange={(date) => setValues((v) => ({ ...v, date }))}
      />
      <TextField
        id={activityIds.count}
        label={r.count}
        inputMode="numeric"
        value={values.count}
        error={errors.count}
        onChange={(count) => setValues((v) => ({ ...v, count }))}
      />
      <SubmitRow label={r.activitySubmit} saving={state.saving} />
      {saved ? <Success>{saved}</Success> : null}
    </form>
  );
}
