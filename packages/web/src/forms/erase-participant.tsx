import type { Participant } from '@crux/domain/participant';
import type { Text } from '@crux/domain/text';
import { type FormEvent, useState } from 'react';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { TextField } from '../ui/fields';
import { Progress } from '../ui/status';
import { NetworkRetry } from './network-retry';
import { useSubmitState } from './submit-state';

const ids = { confirm: 'erase-confirm' };

/** The one error of the confirmation, which is the client's own (the API takes no name). */
const mismatch: Text = { nb: 'Skriv navnet nøyaktig slik det står.', en: 'Type the name exactly as shown.' };

type Props = { centre: string; participant: Participant; onErased: () => void; onConflict: () => void };

/**
 * Erasure (GDPR Art. 17) by the leader, in two steps so it is never one slip: open the form, then type
 * the participant's name as shown. What the leader types is not kept as a draft: it names the person
 * who is being erased. The version shown goes along, so a record someone just changed is not erased
 * unseen (409: the page reloads it).
 */
export function EraseParticipant({ centre, participant, onErased, onConflict }: Props) {
  const { t } = useI18n();
  const { api } = useApp();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const submit = useSubmitState();

  const erase = async () => {
    if (typed.trim() !== participant.displayName.trim()) return submit.invalid({ confirm: mismatch });
    submit.start();
    const result = await api.post(
      `/api/centres/${centre}/participants/${participant.id}/erasure`,
      { version: participant.version },
      key,
    );
    if (result.ok) {
      submit.succeed();
      onErased();
      return;
    }
    submit.refused(result.failure, { renewKey: () => setKey(crypto.randomUUID()), conflict: onConflict });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    erase();
  };
  const { state } = submit;
  return (
    <section className="stack" aria-labelledby="erase-title">
      <h2 className="ds-heading" data-size="md" id="erase-title">
        {t.rights.eraseTitle}
      </h2>
      <p>{t.rights.eraseIntro}</p>
      {open ? (
        <form onSubmit={onSubmit} noValidate className="stack">
          <ErrorSummary
            errors={state.errors}
            fieldIds={ids}
            attempt={state.attempt}
            extra={state.formError}
          />
          <TextField
            id={ids.confirm}
            label={t.rights.eraseConfirmLabel(participant.displayName)}
            value={typed}
            error={state.errors.confirm}
            onChange={setTyped}
          />
          <NetworkRetry visible={state.networkFailed} onRetry={erase} />
          <div className="actions">
            <button type="submit" className="ds-button" data-color="danger" disabled={state.saving}>
              {t.rights.eraseButton}
            </button>
            <button
              type="button"
              className="ds-button"
              data-variant="secondary"
              onClick={() => {
                setOpen(false);
                setTyped('');
              }}
            >
              {t.rights.eraseCancel}
            </button>
            {state.saving ? <Progress label={t.saving} /> : null}
          </div>
        </form>
      ) : (
        <div>
          <button type="button" className="ds-button" data-variant="secondary" onClick={() => setOpen(true)}>
            {t.rights.eraseStart}
          </button>
        </div>
      )}
    </section>
  );
}
