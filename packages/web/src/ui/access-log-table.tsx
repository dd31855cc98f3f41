import { type AccessLogEntry, accessActionNames } from '@crux/domain/privacy/access-log';
import { type ReactNode, useId } from 'react';
import { formatTimestamp } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/messages-nb';
import { ScrollRegion } from './scroll-region';

function outcomeOf(entry: AccessLogEntry, t: Messages): string {
  return entry.outcome === 'allowed' ? t.accessLog.allowed : t.accessLog.refused(entry.code ?? '');
}

/** The user by name where the token carried one, with their role; the retention job by its own name. */
function whoOf(entry: AccessLogEntry, t: Messages): string {
  const role = t.roles[entry.role as keyof Messages['roles']] ?? entry.role;
  return `${entry.username ?? entry.subject} (${role})`;
}

/**
 * Access-log entries as a table: when, who, what, and whether they were let; with `whom`, a column
 * naming the people each entry concerns (the leader's log; the report to one person needs none).
 */
export function AccessLogTable({
  caption,
  entries,
  whom,
}: {
  caption: string;
  entries: readonly AccessLogEntry[];
  whom?: (entry: AccessLogEntry) => ReactNode;
}) {
  const { t, text, language } = useI18n();
  const captionId = useId();
  // At 360 px the table scrolls sideways in its region, which keyboard users reach too.
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className="ds-table" data-border="true">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.accessLog.when}</th>
            <th scope="col">{t.accessLog.who}</th>
            <th scope="col">{t.accessLog.what}</th>
            {whom ? <th scope="col">{t.accessLog.whom}</th> : null}
            <th scope="col">{t.accessLog.outcome}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatTimestamp(entry.at, language)}</td>
              <td>{whoOf(entry, t)}</td>
              <td>{text(accessActionNames[entry.action])}</td>
              {whom ? <td>{whom(entry)}</td> : null}
              <td>{outcomeOf(entry, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
