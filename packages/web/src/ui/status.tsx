import type { ReactNode } from 'react';

/** A polite live region with a spinner: shown for anything that may take more than a moment. */
export function Progress({ label }: { label: string }) {
  return (
    <p className="progress" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** Errors that interrupt (network down, server failure) are announced at once. */
export function Alert({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="alert" role="alert">
      <p>{children}</p>
      {action}
    </div>
  );
}

export function Success({ children }: { children: ReactNode }) {
  return (
    <p className="success" role="status">
      {children}
    </p>
  );
}
