import type { Text } from '@crux/domain/text';
import { type MouseEvent, useEffect, useRef } from 'react';
import type { FormErrors } from '../forms/form-errors';
import { useI18n } from '../i18n/i18n';

type Props = {
  errors: FormErrors;
  /** Field path to the id of its input; a path without an input is listed as text. */
  fieldIds: Record<string, string>;
  /** Changes on every failed submit, so focus moves to the summary each time. */
  attempt: number;
  extra?: Text | string | null;
};

/** The GOV.UK / Designsystemet pattern: a focused summary at the top that links to each field in error. */
export function ErrorSummary({ errors, fieldIds, attempt, extra }: Props) {
  const { t, text } = useI18n();
  const ref = useRef<HTMLElement>(null);
  const entries = Object.entries(errors);
  const visible = entries.length > 0 || Boolean(extra);
  useEffect(() => {
    if (visible && attempt > 0) ref.current?.focus();
  }, [attempt, visible]);
  if (!visible) return null;
  const jump = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const target = document.getElementById(id);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  };
  return (
    <section className="ds-error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 className="ds-heading" data-size="xs" id="error-summary-title">
        {t.errorSummaryTitle}
      </h2>
      <ul>
        {extra ? <li>{typeof extra === 'string' ? extra : text(extra)}</li> : null}
        {entries.map(([field, message]) => {
          const id = fieldIds[field];
          return (
            <li key={field}>
              {id ? (
                <a className="ds-link" href={`#${id}`} onClick={jump(id)}>
                  {text(message)}
                </a>
              ) : (
                `${field}: ${text(message)}`
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
