import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/** Designsystemet's spinner; the text beside it is what a screen reader hears. */
function Spinner() {
  return (
    <svg className="ds-spinner" data-size="sm" viewBox="0 0 50 50" aria-hidden="true" focusable="false">
      <circle className="ds-spinner__background" cx="25" cy="25" r="20" fill="none" strokeWidth="5" />
      <circle className="ds-spinner__circle" cx="25" cy="25" r="20" fill="none" strokeWidth="5" />
    </svg>
  );
}

/** A polite live region with a spinner: shown for anything that may take more than a moment. */
export function Progress({ label }: { label: string }) {
  return (
    <p className="progress" role="status">
      <Spinner />
      {label}
    </p>
  );
}

/** Errors that interrupt (network down, server failure) are announced at once. */
export function Alert({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="ds-alert stack" data-color="danger" role="alert">
      <p className="ds-paragraph">{children}</p>
      {action}
    </div>
  );
}

/** An error the user can do something about: try the same thing again. */
export function RetryAlert({ children, onRetry }: { children: ReactNode; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      action={
        <button type="button" className="ds-button" data-variant="secondary" onClick={onRetry}>
          {t.tryAgain}
        </button>
      }
    >
      {children}
    </Alert>
  );
}

export function Success({ children }: { children: ReactNode }) {
  return (
    <p className="ds-alert" data-color="success" role="status">
      {children}
    </p>
  );
}

/** Something to know before going on (a session that ran out, a participation that has ended). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="ds-alert" data-color="warning">
      {children}
    </p>
  );
}
