import { todayInOslo } from '@crux/domain/calendar';
import type { Outcome, Participant } from '@crux/domain/participant';
import { outcomes } from '@crux/domain/participant-lists';
import { type FormEvent, useState } from 'react';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { RadioGroup, TextField } from '../ui/fields';
import { Alert, Progress } from '../ui/status';
import { useDraft } from './drafts';
import { required, toFormErrors } from './form-errors';
import { prefetch } from './load-once';
import { NetworkRetry } from './network-retry';
import { loadParticipantChecks, participantCheck } from './participant-check';
import { useSubmitState } from './submit-state';

type EndDraft = { endDate: string; outcome: Outcome | ''; key: string };

const ids = { endDate: 'end-date', outcome: 'end-outcome' };

type Props = { centre: string; participant: Participant; onEnded: () => void; onConflict: () => void };

export function EndParticipation({ centre, participant, onEnded, onConflict }: Props) {
  const { t } = useI18n();
  const { api, claims } = useApp();
  const [draft, update, clear] = useDraft<EndDraft>(
    `${claims.sub}:${centre}:participant-end:${participant.id}`,
    () => ({
      endDate: todayInOslo(),
      outcome: '',
      key: crypto.randomUUID(),
    }),
  );
  const submit = useSubmitState();
  const [conflicted, setConflicted] = useState(false);

  const save = async () => {
    setConflicted(false);
    const body = {
      endDate: draft.endDate,
      version: participant.version,
      ...(draft.outcome ? { outcome: draft.outcome } : {}),
    };
    const plain = [
      ...(draft.endDate ? [] : [required('endDate')]),
      ...(draft.outcome ? [] : [required('outcome', true)]),
    ];
    const checked = await participantCheck((c) => c.parse(c.ParticipationEnd, body));
    if (!checked) return submit.fail({ kind: 'network' });
    if (!checked.ok || plain.length > 0) {
      return submit.invalid(toFormErrors([...plain, ...(checked.ok ? [] : (checked.error.fields ?? []))]));
    }
    submit.start();
    const result = await api.post(
      `/api/centres/${centre}/participants/${participant.id}/end`,
      checked.value,
      draft.key,
    );
    if (result.ok) {
      submit.succeed();
      clear();
      onEnded();
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
    <form
      onSubmit={onSubmit}
      onFocus={prefetch(loadParticipantChecks)}
      noValidate
      className="stack end"
      aria-labelledby="end-title"
    >
      <h2 className="ds-heading" data-size="md" id="end-title">
        {t.participant.endTitle}
      </h2>
      {conflicted ? <Alert>{t.participant.endConflict}</Alert> : null}
      <ErrorSummary errors={state.errors} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
      <TextField
        id={ids.endDate}
        label={t.participant.endDate}
        type="date"
        value={draft.endDate}
        error={state.errors.endDate}
        onChange={(endDate) => update((d) => ({ ...d, endDate }))}
      />
      <RadioGroup
        id={ids.outcome}
        label={t.participant.outcome}
        value={draft.outcome}
        error={state.errors.outcome}
        onChange={(outcome) => update((d) => ({ ...d, outcome: outcome as Outcome }))}
        options={outcomes.map((o) => ({ value: o, label: t.participant.outcomes[o] }))}
      />
      <NetworkRetry visible={state.networkFailed} onRetry={save} />
      <div className="actions">
        <button type="submit" className="ds-button" disabled={state.saving}>
          {t.participant.endButton}
        </button>
        {state.saving ? <Progress label={t.saving} /> : null}
      </div>
    </form>
  );
}
