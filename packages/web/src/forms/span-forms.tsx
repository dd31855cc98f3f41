import type { CatalogueListed } from '@crux/domain/catalogue/schema';
import type { Span } from '@crux/domain/records/spans';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { SelectField, TextField } from '../ui/fields';
import { SubmitRow } from '../ui/submit-row';
import { prefetch } from './load-once';
import { loadParticipantChecks, participantCheck } from './participant-check';
import { useWrite, type Written } from './use-write';

type AddProps = {
  idPrefix: string;
  path: string;
  title: string;
  types: readonly CatalogueListed[];
  onWritten: Written;
};

/** Starts a measure or an order of a type in use: the type, its start and, when known, its end. */
export function AddSpanForm({ idPrefix, path, title, types, onWritten }: AddProps) {
  const { t, text } = useI18n();
  const r = t.records;
  const empty = { type: types[0]?.id ?? '', startDate: '', endDate: '' };
  const [values, setValues] = useState(empty);
  const { state, write } = useWrite((outcome) => {
    if (outcome === 'saved') setValues(empty);
    onWritten(outcome);
  });
  const ids = { type: `${idPrefix}-type`, startDate: `${idPrefix}-start`, endDate: `${idPrefix}-end` };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      type: values.type,
      startDate: values.startDate,
      ...(values.endDate ? { endDate: values.endDate } : {}),
    };
    write(
      'post',
      path,
      participantCheck((c) => c.parse(c.MeasureCreate, body)),
    );
  };
  return (
    <form onSubmit={onSubmit} onFocus={prefetch(loadParticipantChecks)} noValidate className="stack">
      <h3 className="ds-heading" data-size="xs">
        {title}
      </h3>
      <ErrorSummary errors={state.errors} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
      <SelectField
        id={ids.type}
        label={r.type}
        value={values.type}
        error={state.errors.type}
        options={types.map((type) => ({ value: type.id, label: text(type.name) }))}
        onChange={(type) => setValues((v) => ({ ...v, type }))}
      />
      <TextField
        id={ids.startDate}
        type="date"
        label={r.startDate}
        value={values.startDate}
        error={state.errors.startDate}
        onChange={(startDate) => setValues((v) => ({ ...v, startDate }))}
      />
      <TextField
        id={ids.endDate}
        type="date"
        label={r.endDate}
        hint={r.endDateHint}
        value={values.endDate}
        error={state.errors.endDate}
        onChange={(endDate) => setValues((v) => ({ ...v, endDate }))}
      />
      <SubmitRow label={title} saving={state.saving} />
    </form>
  );
}

/** Ends a measure or an order (a correction of the span, against the version shown). */
export function EndSpanForm(props: {
  path: string;
  span: Span;
  name: string;
  onWritten: Written;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [endDate, setEndDate] = useState('');
  const { state, write } = useWrite(props.onWritten);
  const id = `end-${props.span.id}`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { type, startDate, version } = props.span;
    const body = { type, startDate, endDate, version };
    write(
      'put',
      props.path,
      participantCheck((c) => c.parse(c.SpanUpdate, body)),
    );
  };
  return (
    <form onSubmit={onSubmit} onFocus={prefetch(loadParticipantChecks)} noValidate className="stack">
      <ErrorSummary
        errors={state.errors}
        fieldIds={{ endDate: id }}
        attempt={state.attempt}
        extra={state.formError}
      />
      <TextField
        id={id}
        type="date"
        label={t.records.endTitle(props.name)}
        value={endDate}
        error={state.errors.endDate}
        onChange={setEndDate}
      />
      <SubmitRow label={t.save} saving={state.saving} onCancel={props.onCancel} />
    </form>
  );
}

/** The participant's measures (or orders): each with its period, an "end" button while open, and `extra` below. */
export function SpanList(props: {
  spans: readonly Span[];
  name: (span: Span) => string;
  period: (span: Span) => string;
  path: (span: Span) => string;
  empty: string;
  onWritten: Written;
  extra?: (span: Span) => ReactNode;
}) {
  const { t } = useI18n();
  const [ending, setEnding] = useState<string | null>(null);
  if (props.spans.length === 0) return <p>{props.empty}</p>;
  return (
    <ul className="entries">
      {props.spans.map((span) => (
        <li key={span.id} className="entry">
          <p className="entry-what">
            <strong>{props.name(span)}</strong>: {props.period(span)}
          </p>
          {ending === span.id ? (
            <EndSpanForm
              path={props.path(span)}
              span={span}
              name={props.name(span)}
              onWritten={(outcome) => {
                setEnding(null);
                props.onWritten(outcome);
              }}
              onCancel={() => setEnding(null)}
            />
          ) : span.endDate ? null : (
            <button
              type="button"
              className="ds-button"
              data-variant="secondary"
              data-size="sm"
              onClick={() => setEnding(span.id)}
            >
              {t.records.end(props.name(span))}
            </button>
          )}
          {props.extra?.(span)}
        </li>
      ))}
    </ul>
  );
}
