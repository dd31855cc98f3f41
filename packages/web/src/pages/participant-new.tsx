import { todayInOslo } from '@crux/domain/calendar';
import { type Participant, ParticipantCreate } from '@crux/domain/participant';
import { useApp } from '../app-context';
import { useDraft } from '../forms/drafts';
import { ParticipantForm } from '../forms/participant-form';
import { checkParticipant, emptyValues, type ParticipantValues } from '../forms/participant-values';
import { useSubmitState } from '../forms/submit-state';
import { useI18n } from '../i18n/i18n';
import { paths } from '../routing/paths';
import { useRouter } from '../routing/router';
import { usePageTitle } from '../ui/page-title';

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
  return (
    <section>
      <h1 className="ds-heading" data-size="lg">
        {t.participant.newTitle}
      </h1>
      <ParticipantForm
        prefix={PREFIX}
        values={draft.values}
        state={submit.state}
        onChange={(change) => update((d) => ({ ...d, values: { ...d.values, ...change } }))}
        onSave={save}
        onCancel={() => {
          clear();
          navigate(paths.participants(centre));
        }}
      />
    </section>
  );
}
