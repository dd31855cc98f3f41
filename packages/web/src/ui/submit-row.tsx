import { useI18n } from '../i18n/i18n';
import { Progress } from './status';

type Props = { label: string; saving: boolean; onCancel?: () => void };

/** A form's submit button, a Cancel button when the form can be left, and "Saving …" while the request is out. */
export function SubmitRow({ label, saving, onCancel }: Props) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" className="ds-button" disabled={saving}>
        {label}
      </button>
      {onCancel ? (
        <button type="button" className="ds-button" data-variant="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      ) : null}
      {saving ? <Progress label={t.saving} /> : null}
    </div>
  );
}
