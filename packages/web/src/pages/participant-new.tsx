import { type Participant, ParticipantCreate } from '@crux/domain/participant';
import { todayInOslo } from '@crux/domain/period';
import type { FormEvent } from 'react';
import { useApp } from '../app-context';
import { useDraft } from '../forms/drafts';
import { NetworkRetry } from '../forms/network-retry';
import { ParticipantFields, participantFieldIds } from '../forms/participant-fields';
import { checkParticipant, emptyValues, type ParticipantValues } from '../forms/participant-values';
import { useSubmitState } from '../forms/submit-state';
import { useI18n } from '../i18n/i18n';
import { paths } from '../routing/paths';
import { useRouter } from '../routing/router';
import { ErrorSummary } from '../ui/error-summary';
import { usePageTitle } from '../ui/page-title';
import { Progress } from '../ui/status';

type NewDraft = { values: ParticipantValues; key: string };

const PREFIX = 'new-participant';

export function ParticipantNewPage({ centre }: { centre: string }) {
  const { t } = useI18n();
  const { api, claims } = useApp();
  const { navigate } = useRouter();
  usePageTitle(t.participant.newTitle);
  const [draft, update, clear] = useDraft<NewDraft>(`${claims.sub}:${centre}:participant-new`, () => ({
    values: emptyValues(todayInOslo()),
    key: crypto.randomUUID(),
  }));
  const submit = useSubmitState();

  // The same idempotency key until the participant is created: a retry never adds the person twice.
  const save = async () => {
    const checked = checkParticipant(ParticipantCreate, draft.values);
    if (!checked.ok) return submit.invalid(checked.errors);
    submit.start();
    const result = await api.post<Participant>(
      `/api/centres/${centre}/participants`,
      checked.body,
      draft.key,
    );
    if (!result.ok) {
      // A 4xx wrote nothing, so the next attempt may carry a new key; after a lost answer it must not.
      if (result.failure.kind === 'http' && result.failure.status < 500)
        update((d) => ({ ...d, key: crypto.randomUUID() }));
      return submit.fail(result.failure);
    }
    submit.succeed();
    clear();
    navigate(`${paths.participant(centre, result.value.id)}?ny=1`);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };
  const { state } = submit;
  return (
    <section>
      <h1>{t.participant.newTitle}</h1>
      <form onSubmit={onSubmit} noValidate className="stack">
        <ErrorSummary
          errors={state.errors}
          fieldIds={participantFieldIds(PREFIX)}
          attempt={state.attempt}
          extra={state.formError}
        />
        <ParticipantFields
          prefix={PREFIX}
          values={draft.values}
          errors={state.errors}
          onChange={(change) => update((d) => ({ ...d, values: { ...d.values, ...change } }))}
        />
        <NetworkRetry visible={state.networkFailed} onRetry={save} />
        <div className="actions">
          <button type="submit" className="primary" disabled={state.saving}>
            {t.save}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              clear();
              navigate(paths.participants(centre));
            }}
          >
            {t.cancel}
          </button>
          {state.saving ? <Progress label={t.saving} /> : null}
        </div>
      </form>
    </section>
  );
}
