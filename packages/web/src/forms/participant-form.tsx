import type { FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { Progress } from '../ui/status';
import { NetworkRetry } from './network-retry';
import { ParticipantFields, participantFieldIds } from './participant-fields';
import type { ParticipantValues } from './participant-values';
import type { SubmitState } from './submit-state';

type Props = {
  /** Keeps the field ids of the add form and the edit form apart. */
  prefix: string;
  values: ParticipantValues;
  state: SubmitState;
  onChange: (change: Partial<ParticipantValues>) => void;
  /** Also the network retry: the caller keeps what makes a retry safe (the idempotency key, the version). */
  onSave: () => void;
  onCancel: () => void;
  /** A form inside a page names itself with its own heading; the add page's form has the page's. */
  title?: { id: string; text: string };
  className?: string;
};

/** The participant form, for adding and for editing alike: summary, fields, retry, save and cancel. */
export function ParticipantForm({
  prefix,
  values,
  state,
  onChange,
  onSave,
  onCancel,
  title,
  className,
}: Props) {
  const { t } = useI18n();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave();
  };
  return (
    <form onSubmit={onSubmit} noValidate className={className} aria-labelledby={title?.id}>
      {title ? (
        <h2 className="ds-heading" data-size="md" id={title.id}>
          {title.text}
        </h2>
      ) : null}
      <ErrorSummary
        errors={state.errors}
        fieldIds={participantFieldIds(prefix)}
        attempt={state.attempt}
        extra={state.formError}
      />
      <ParticipantFields prefix={prefix} values={values} errors={state.errors} onChange={onChange} />
      <NetworkRetry visible={state.networkFailed} onRetry={onSave} />
      <div className="actions">
        <button type="submit" className="ds-button" disabled={state.saving}>
          {t.save}
        </button>
        <button type="button" className="ds-button" data-variant="tertiary" onClick={onCancel}>
          {t.cancel}
        </button>
        {state.saving ? <Progress label={t.saving} /> : null}
      </div>
    </form>
  );
}
