import { type Volunteer, VolunteerCreate, VolunteerUpdate } from '@crux/domain/registers/volunteers';
import type { Text } from '@crux/domain/text';
import { parse } from '@crux/domain/validation';
import type { FormEvent } from 'react';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { Language } from '../i18n/language';
import type { Messages } from '../i18n/messages-nb';
import { ErrorSummary } from '../ui/error-summary';
import { CheckboxGroup, TextField } from '../ui/fields';
import { type FormErrors, required, toFormErrors } from './form-errors';
import { NetworkRetry } from './network-retry';
import type { SubmitState } from './submit-state';

/**
 * A volunteer's record as the form edits it: every value text, the arenas as their ids joined by commas,
 * so the conflict resolver compares them like any other field.
 */
export const volunteerFields = ['name', 'contact', 'startDate', 'endDate', 'arenas'] as const;
export type VolunteerField = (typeof volunteerFields)[number];
export type VolunteerValues = Record<VolunteerField, string>;

export const emptyVolunteer = (startDate: string): VolunteerValues => ({
  name: '',
  contact: '',
  startDate,
  endDate: '',
  arenas: '',
});

export const valuesOfVolunteer = (v: Volunteer): VolunteerValues => ({
  name: v.name,
  contact: v.contact ?? '',
  startDate: v.startDate,
  endDate: v.endDate ?? '',
  arenas: [...v.arenas].sort().join(','),
});

const arenaIds = (values: VolunteerValues) => values.arenas.split(',').filter(Boolean);

/** The body the API takes, checked by its own schema; blank required fields named in plain words. */
export function checkVolunteer(values: VolunteerValues, version?: number) {
  const body = {
    name: values.name.trim(),
    ...(values.contact.trim() ? { contact: values.contact.trim() } : {}),
    startDate: values.startDate,
    ...(values.endDate ? { endDate: values.endDate } : {}),
    arenas: arenaIds(values),
    ...(version === undefined ? {} : { version }),
  };
  const checked = version === undefined ? parse(VolunteerCreate, body) : parse(VolunteerUpdate, body);
  if (checked.ok) return { ok: true as const, body };
  const blank = (['name', 'startDate'] as const).filter((f) => values[f].trim() === '');
  const errors: FormErrors = {
    ...toFormErrors(checked.error.fields),
    ...toFormErrors(blank.map((f) => required(f))),
  };
  return { ok: false as const, errors };
}

/** A value as a person reads it, for the conflict resolver. */
export function displayVolunteerValue(
  field: VolunteerField,
  values: VolunteerValues,
  t: Messages,
  language: Language,
  arenaName: (id: string) => string,
): string {
  const value = values[field];
  if (value === '') return t.conflict.empty;
  if (field === 'arenas') return arenaIds(values).map(arenaName).join(', ');
  if (field === 'startDate' || field === 'endDate') return formatDate(value, language);
  return value;
}

export const volunteerFieldLabel = (field: VolunteerField, t: Messages) => t.volunteers[field];

type Props = {
  prefix: string;
  title: { id: string; text: string };
  values: VolunteerValues;
  arenas: readonly { id: string; name: Text }[];
  state: SubmitState;
  submitLabel: string;
  onChange: (change: Partial<VolunteerValues>) => void;
  onSave: () => void;
  onCancel?: () => void;
};

/** The fields of a volunteer's record, for adding one and for editing one. */
export function VolunteerForm({ prefix, title, values, arenas, state, submitLabel, ...props }: Props) {
  const { t, text } = useI18n();
  const ids = Object.fromEntries(volunteerFields.map((f) => [f, `${prefix}-${f}`])) as VolunteerValues;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    props.onSave();
  };
  const arenaError = Object.entries(state.errors).find(([field]) => field.startsWith('arenas'))?.[1];
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={title.id}>
      <h3 className="ds-heading" data-size="sm" id={title.id}>
        {title.text}
      </h3>
      <ErrorSummary errors={state.errors} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
      <TextField
        id={ids.name}
        label={t.volunteers.name}
        value={values.name}
        error={state.errors.name}
        autoComplete="off"
        onChange={(name) => props.onChange({ name })}
      />
      <TextField
        id={ids.contact}
        label={t.volunteers.contact}
        hint={t.volunteers.contactHint}
        value={values.contact}
        error={state.errors.contact}
        autoComplete="off"
        onChange={(contact) => props.onChange({ contact })}
      />
      <TextField
        id={ids.startDate}
        label={t.volunteers.startDate}
        type="date"
        value={values.startDate}
        error={state.errors.startDate}
        onChange={(startDate) => props.onChange({ startDate })}
      />
      <TextField
        id={ids.endDate}
        label={t.volunteers.endDate}
        hint={t.volunteers.endDateHint}
        type="date"
        value={values.endDate}
        error={state.errors.endDate}
        onChange={(endDate) => props.onChange({ endDate })}
      />
      <CheckboxGroup
        id={ids.arenas}
        label={t.volunteers.arenas}
        values={arenaIds(values)}
        error={arenaError}
        onChange={(ids) => props.onChange({ arenas: [...ids].sort().join(',') })}
        options={arenas.map((a) => ({ value: a.id, label: text(a.name) }))}
      />
      <NetworkRetry visible={state.networkFailed} onRetry={props.onSave} />
      <div className="actions">
        <button type="submit" className="ds-button" disabled={state.saving}>
          {submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" className="ds-button" data-variant="secondary" onClick={props.onCancel}>
            {t.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}
