import type { Participant } from '@crux/domain/participant';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { ConflictResolver, differingFields } from './conflict-resolver';
import { useDraft } from './drafts';
import { prefetch } from './load-once';
import { loadParticipantChecks, participantCheck } from './participant-check';
import { displayValue, fieldLabel } from './participant-display';
import { ParticipantForm } from './participant-form';
import { checkParticipant, editableFields, type ParticipantValues, valuesOf } from './participant-values';
import { useSubmitState } from './submit-state';

/**
 * `base` and `version` are what the user started from: the API refuses a save against an older version
 * (409), and the three-way comparison with `base` tells whose change each differing field is.
 */
type EditDraft = {
  editing: boolean;
  base: ParticipantValues;
  version: number;
  values: ParticipantValues;
  conflict: Participant | null;
};

const PREFIX = 'edit-participant';

type Props = { centre: string; participant: Participant; onSaved: () => void };

export function EditParticipant({ centre, participant, onSaved }: Props) {
  const { t, language } = useI18n();
  const { api, claims } = useApp();
  const fresh = (): EditDraft => ({
    editing: false,
    base: valuesOf(participant),
    version: participant.version,
    values: valuesOf(participant),
    conflict: null,
  });
  const [draft, update, clear] = useDraft<EditDraft>(
    `${claims.sub}:${centre}:participant:${participant.id}`,
    fresh,
  );
  const submit = useSubmitState();
  const path = `/api/centres/${centre}/participants/${participant.id}`;

  const put = async (values: ParticipantValues, version: number) => {
    const checked = await participantCheck((c) => checkParticipant(c.ParticipantUpdate, values, { version }));
    // Offline before the first save: the same "not reached, what you filled in is kept" as a lost request.
    if (!checked) return submit.fail({ kind: 'network' });
    if (!checked.ok) {
      update((d) => ({ ...d, conflict: null }));
      return submit.invalid(checked.errors);
    }
    submit.start();
    const result = await api.put<Participant>(path, checked.body);
    if (result.ok) {
      submit.succeed();
      clear();
      onSaved();
      return;
    }
    const { failure } = result;
    if (failure.kind === 'http' && failure.status === 409 && failure.error?.current) {
      const current = failure.error.current as Participant;
      // A retry of a save whose answer was lost meets its own change: nothing is left to choose.
      if (differingFields(editableFields, values, valuesOf(current)).length === 0) {
        submit.succeed();
        clear();
        onSaved();
        return;
      }
      submit.succeed();
      update((d) => ({ ...d, values, version, conflict: current }));
      return;
    }
    submit.fail(failure);
  };

  if (!draft.editing) {
    return (
      <p>
        <button
          type="button"
          className="ds-button"
          data-variant="secondary"
          onClick={() => {
            prefetch(loadParticipantChecks)();
            update(() => ({ ...fresh(), editing: true }));
          }}
        >
          {t.participant.edit}
        </button>
      </p>
    );
  }
  const { state } = submit;
  if (draft.conflict) {
    const current = draft.conflict;
    return (
      <ConflictResolver
        fields={editableFields}
        base={draft.base}
        mine={draft.values}
        theirs={valuesOf(current)}
        label={(f) => fieldLabel(f, t)}
        display={(f, values) => displayValue(f, values as ParticipantValues, t, language)}
        saving={state.saving}
        onDiscard={() => {
          clear();
          onSaved();
        }}
        onResolve={(merged) => {
          const values = merged as ParticipantValues;
          const { version } = current;
          update((d) => ({ ...d, base: valuesOf(current), version, values, conflict: null }));
          put(values, version);
        }}
      />
    );
  }
  return (
    <ParticipantForm
      prefix={PREFIX}
      values={draft.values}
      state={state}
      onChange={(change) => update((d) => ({ ...d, values: { ...d.values, ...change } }))}
      onSave={() => put(draft.values, draft.version)}
      onCancel={clear}
      title={{ id: 'edit-title', text: t.participant.editTitle }}
      className="edit"
    />
  );
}
