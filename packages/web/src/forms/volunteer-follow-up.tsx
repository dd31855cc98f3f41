import type { VolunteerFollowUp } from '@crux/domain/registers/follow-up';
import { type FormEvent, useState } from 'react';
import { useApp } from '../app-context';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { CheckboxGroup, TextField } from '../ui/fields';
import { Progress, Success } from '../ui/status';
import { ConflictResolver, differingFields } from './conflict-resolver';
import {
  type FollowUpValues,
  followUpBody,
  followUpFields,
  gatheringField,
  splitIds,
  talkField,
  toFormFields,
  valuesOfFollowUp,
} from './follow-up-values';
import { toFormErrors } from './form-errors';
import { NetworkRetry } from './network-retry';
import { useSubmitState } from './submit-state';

type Person = { id: string; name: string };
type Props = { centre: string; year: number; volunteers: readonly Person[]; doc: VolunteerFollowUp };

const idOf = (field: string) => `fu-${field.replace(/\./g, '-')}`;

/**
 * The year's follow-up of the volunteers: each one's well-being talk (planned, held) and the gatherings
 * with who came. One document a year, saved whole against the version shown; a save that meets someone
 * else's meanwhile shows the fields that differ, and nothing is overwritten until the user chooses.
 */
export function VolunteerFollowUpForm({ centre, year, volunteers, doc }: Props) {
  const { t, language } = useI18n();
  const { api } = useApp();
  const start = (from: VolunteerFollowUp) => {
    const fields = followUpFields(
      volunteers.map((v) => v.id),
      from,
    );
    return { fields, values: valuesOfFollowUp(fields, from, t.volunteers.gatheringNames) };
  };
  const [base, setBase] = useState(() => start(doc));
  const [version, setVersion] = useState(doc.version);
  const [values, setValues] = useState(base.values);
  const [conflict, setConflict] = useState<{ fields: string[]; theirs: FollowUpValues } | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = useSubmitState();
  const { state } = submit;
  const nameOf = (id: string) => volunteers.find((v) => v.id === id)?.name ?? id;
  const set = (field: string, value: string) => {
    setSaved(false);
    setValues((v) => ({ ...v, [field]: value }));
  };

  const put = async (fields: readonly string[], next: FollowUpValues, against: number) => {
    setSaved(false);
    const { body, fieldOf } = followUpBody(fields, next, against);
    submit.start();
    const result = await api.put<VolunteerFollowUp>(
      `/api/centres/${centre}/volunteer-follow-up/${year}`,
      body,
    );
    if (result.ok) {
      submit.succeed();
      const stored = start(result.value);
      setBase(stored);
      setValues(stored.values);
      setVersion(result.value.version);
      setSaved(true);
      return;
    }
    const { failure } = result;
    if (failure.kind === 'http' && failure.status === 409 && failure.error?.current) {
      submit.succeed();
      const current = failure.error.current as VolunteerFollowUp;
      const theirs = start(current);
      const all = [...new Set([...fields, ...theirs.fields])];
      setValues(next);
      setVersion(current.version);
      // A retry of a save whose answer was lost meets its own change: nothing is left to choose.
      const blank = (v: FollowUpValues) => Object.fromEntries(all.map((f) => [f, v[f] ?? '']));
      if (differingFields(all, blank(next), blank(theirs.values)).length === 0) return setSaved(true);
      setConflict({ fields: all, theirs: blank(theirs.values) });
      return;
    }
    if (failure.kind === 'http' && failure.error?.fields)
      return submit.invalid(toFormErrors(toFormFields(failure.error.fields, fieldOf)));
    submit.fail(failure);
  };

  if (conflict) {
    const label = (field: string) => {
      const [kind, key, part] = field.split('.') as [string, string, string];
      if (kind === 'talk')
        return part === 'heldDate'
          ? t.volunteers.talkHeldOf(nameOf(key))
          : t.volunteers.talkPlannedOf(nameOf(key));
      const parts = {
        name: t.volunteers.gatheringName,
        date: t.volunteers.gatheringDate,
        attendees: t.volunteers.gatheringAttendees,
      };
      return t.volunteers.nameOf(parts[part as keyof typeof parts], Number(key) + 1);
    };
    const display = (field: string, v: FollowUpValues) => {
      const value = v[field] ?? '';
      if (field.endsWith('.attendees')) return splitIds(value).map(nameOf).join(', ') || t.volunteers.nobody;
      if (value === '') return t.conflict.empty;
      return field.endsWith('Date') || field.endsWith('.date') ? formatDate(value, language) : value;
    };
    const mine = Object.fromEntries(conflict.fields.map((f) => [f, values[f] ?? '']));
    return (
      <ConflictResolver
        fields={conflict.fields}
        base={Object.fromEntries(conflict.fields.map((f) => [f, base.values[f] ?? '']))}
        mine={mine}
        theirs={conflict.theirs}
        title={t.volunteers.followUpConflict}
        label={label}
        display={display}
        saving={state.saving}
        onDiscard={() => {
          setBase({ fields: conflict.fields, values: conflict.theirs });
          setValues(conflict.theirs);
          setConflict(null);
        }}
        onResolve={(merged) => {
          setBase({ fields: conflict.fields, values: conflict.theirs });
          setValues(merged);
          setConflict(null);
          put(conflict.fields, merged, version);
        }}
      />
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    put(base.fields, values, version);
  };
  const ids = Object.fromEntries(base.fields.map((f) => [f, idOf(f)]));
  const talkIds = [
    ...new Set(base.fields.filter((f) => f.startsWith('talk.')).map((f) => f.split('.')[1] as string)),
  ];
  const gatherings = base.fields.filter((f) => f.startsWith('gathering.') && f.endsWith('.date')).length;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="follow-up-title">
      <h2 className="ds-heading" data-size="md" id="follow-up-title">
        {t.volunteers.followUpTitle(year)}
      </h2>
      <ErrorSummary errors={state.errors} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
      <h3 className="ds-heading" data-size="sm">
        {t.volunteers.talksTitle}
      </h3>
      {talkIds.map((id) => (
        <fieldset className="ds-fieldset" key={id}>
          <legend className="ds-label">{nameOf(id)}</legend>
          <div className="pair">
            {(['plannedDate', 'heldDate'] as const).map((d) => (
              <TextField
                key={d}
                id={idOf(talkField(id, d))}
                label={d === 'plannedDate' ? t.volunteers.talkPlanned : t.volunteers.talkHeld}
                type="date"
                value={values[talkField(id, d)] ?? ''}
                error={state.errors[talkField(id, d)]}
                onChange={(value) => set(talkField(id, d), value)}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <h3 className="ds-heading" data-size="sm">
        {t.volunteers.gatheringsTitle}
      </h3>
      {Array.from({ length: gatherings }, (_, n) => {
        const field = (part: 'name' | 'date' | 'attendees') => gatheringField(n, part);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a gathering is its place in the year's list
          <fieldset className="ds-fieldset" key={n}>
            <legend className="ds-label">{t.volunteers.gathering(n + 1)}</legend>
            <TextField
              id={idOf(field('name'))}
              label={t.volunteers.gatheringName}
              value={values[field('name')] ?? ''}
              error={state.errors[field('name')]}
              onChange={(value) => set(field('name'), value)}
            />
            <TextField
              id={idOf(field('date'))}
              label={t.volunteers.gatheringDate}
              type="date"
              value={values[field('date')] ?? ''}
              error={state.errors[field('date')]}
              onChange={(value) => set(field('date'), value)}
            />
            <CheckboxGroup
              id={idOf(field('attendees'))}
              label={t.volunteers.gatheringAttendees}
              values={splitIds(values[field('attendees')])}
              error={state.errors[field('attendees')]}
              onChange={(ids) => set(field('attendees'), [...ids].sort().join(','))}
              options={volunteers.map((v) => ({ value: v.id, label: v.name }))}
            />
          </fieldset>
        );
      })}
      <NetworkRetry visible={state.networkFailed} onRetry={() => put(base.fields, values, version)} />
      <div className="actions">
        <button type="submit" className="ds-button" disabled={state.saving}>
          {t.volunteers.saveFollowUp}
        </button>
        {state.saving ? <Progress label={t.saving} /> : null}
      </div>
      {saved ? <Success>{t.volunteers.followUpSaved}</Success> : null}
    </form>
  );
}
