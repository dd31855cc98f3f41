import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { Progress } from './status';

/** A form's submit button, any other buttons beside it, and "Saving …" while the request is out. */
export function SubmitRow({
  label,
  saving,
  children,
}: {
  label: string;
  saving: boolean;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" className="ds-button" disabled={saving}>
        {label}
      </button>
      {children}
      {saving ? <Progress label={t.saving} /> : null}
    </div>
  );
}
