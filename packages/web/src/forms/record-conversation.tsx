import { todayInOslo } from '@crux/domain/calendar';
import type { DomainPositions, Plan, ScaleUsed } from '@crux/domain/wheel/schema';
import { type FormEvent, useState } from 'react';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { SelectField, TextField } from '../ui/fields';
import { Alert, Progress } from '../ui/status';
import type { WheelDomain } from '../ui/wheel-chart';
import { useDraft } from './drafts';
import { required, toFormErrors } from './form-errors';
import { NetworkRetry } from './network-retry';
import { useSubmitState } from './submit-state';

type Views = 'participant' | 'staff';
const views: readonly Views[] = ['participant', 'staff'];

/** Positions as the selects hold them ('' is "not set"); the key is kept until the save succeeds. */
type ConversationDraft = {
  date: string;
  attendees: string;
  notes: string;
  positions: Record<Views, Record<string, string>>;
  key: string;
};

const fieldId = (view: Views, domain: string) => `conversation-${view}-${domain}`;

export const asText = (positions: DomainPositions | undefined) =>
  Object.fromEntries(Object.entries(positions ?? {}).map(([d, v]) => [d, String(v)]));

export const asPositions = (selected: Record<string, string>): DomainPositions =>
  Object.fromEntries(
    Object.entries(selected)
      .filter(([, v]) => v !== '')
      .map(([d, v]) => [d, Number(v)]),
  );

/** A position's choices: "not set", then every step of the scale. */
export const scaleOptions = (scale: ScaleUsed, notSet: string) => [
  { value: '', label: notSet },
  ...Array.from({ length: scale.max - scale.min + 1 }, (_, i) => String(scale.min + i)).map((v) => ({
    value: v,
    label: v,
  })),
];

/** What every form on a participant's plan is given by the wheel page. */
export type PlanFormProps = {
  centre: string;
  participantId: string;
  plan: Plan | null;
  domains: readonly WheelDomain[];
  scale: ScaleUsed;
  onSaved: () => void;
  onConflict: () => void;
};

/**
 * A wheel conversation, recorded on the plan with native controls only: a date, who was there, one
 * select per domain and view (started from the plan's positions), notes. One save is one request that
 * also counts the conversation; its Idempotency-Key stays in the draft until it succeeds.
 */
export function RecordConversation({
  centre,
  participantId,
  plan,
  domains,
  scale,
  onSaved,
  onConflict,
}: PlanFormProps) {
  const { t } = useI18n();
  const { api, claims } = useApp();
  const [draft, update, clear] = useDraft<ConversationDraft>(
    // Per plan version: a saved conversation moves the plan on, and the next starts from its positions.
    `${claims.sub}:${centre}:conversation:${participantId}:${plan?.version ?? 0}`,
    () => ({
      date: todayInOslo(),
      attendees: '',
      notes: '',
      positions: { participant: asText(plan?.positions.participant), staff: asText(plan?.positions.staff) },
      key: crypto.randomUUID(),
    }),
  );
  const submit = useSubmitState();
  const [conflicted, setConflicted] = useState(false);
  const ids: Record<string, string> = {
    date: 'conversation-date',
    attendees: 'conversation-attendees',
    notes: 'conversation-notes',
    ...Object.fromEntries(
      views.flatMap((v) => domains.map((d) => [`positions.${v}.${d.id}`, fieldId(v, d.id)])),
    ),
  };
  const options = scaleOptions(scale, t.wheel.notSet);

  const save = async () => {
    setConflicted(false);
    const attendees = draft.attendees
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    if (attendees.length === 0) return submit.invalid(toFormErrors([required('attendees')]));
    const body = {
      date: draft.date,
      planVersion: plan?.version ?? 0,
      attendees,
      scale: { min: scale.min, max: scale.max },
      positions: {
        participant: asPositions(draft.positions.participant),
        staff: asPositions(draft.positions.staff),
      },
      ...(draft.notes.trim() ? { notes: draft.notes } : {}),
    };
    submit.start();
    const result = await api.post(
      `/api/centres/${centre}/participants/${participantId}/conversations`,
      body,
      draft.key,
    );
    if (result.ok) {
      submit.succeed();
      clear();
      onSaved();
      return;
    }
    submit.refused(result.failure, {
      renewKey: () => update((d) => ({ ...d, key: crypto.randomUUID() })),
      conflict: () => {
        setConflicted(true);
        onConflict();
      },
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };
  const { state } = submit;
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="conversation-title">
      <h2 className="ds-heading" data-size="md" id="conversation-title">
        {t.wheel.record}
      </h2>
      <p className="hint">{t.wheel.recordHint}</p>
      {conflicted ? <Alert>{t.wheel.conflict}</Alert> : null}
      <ErrorSummary errors={state.errors} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
      <TextField
        id={ids.date ?? ''}
        label={t.wheel.date}
        type="date"
        value={draft.date}
        error={state.errors.date}
        onChange={(date) => update((d) => ({ ...d, date }))}
      />
      <TextField
        id={ids.attendees ?? ''}
        label={t.wheel.attendeesField}
        hint={t.wheel.attendeesHint}
        value={draft.attendees}
        error={state.errors.attendees ?? state.errors['attendees.0']}
        onChange={(attendees) => update((d) => ({ ...d, attendees }))}
      />
      {views.map((view) => (
        <fieldset key={view} className="ds-fieldset positions">
          <legend className="ds-label">
            {view === 'participant' ? t.wheel.positionsOwn : t.wheel.positionsStaff}
          </legend>
          {domains.map((domain) => (
            <SelectField
              key={domain.id}
              id={fieldId(view, domain.id)}
              label={t.wheel.position(domain.name)}
              value={draft.positions[view][domain.id] ?? ''}
              error={state.errors[`positions.${view}.${domain.id}`]}
              options={options}
              onChange={(value) =>
                update((d) => ({
                  ...d,
                  positions: { ...d.positions, [view]: { ...d.positions[view], [domain.id]: value } },
                }))
              }
            />
          ))}
        </fieldset>
      ))}
      <div className="ds-field">
        <label className="ds-label" htmlFor={ids.notes}>
          {t.wheel.notes}
        </label>
        <textarea
          id={ids.notes}
          className="ds-input"
          rows={4}
          value={draft.notes}
          onChange={(event) => update((d) => ({ ...d, notes: event.target.value }))}
        />
      </div>
      <NetworkRetry visible={state.networkFailed} onRetry={save} />
      <div className="actions">
        <button type="submit" className="ds-button" disabled={state.saving}>
          {t.wheel.save}
        </button>
        {state.saving ? <Progress label={t.saving} /> : null}
      </div>
    </form>
  );
}
