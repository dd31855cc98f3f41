import type { AccessReport } from '@crux/domain/privacy/access-log';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { formatDate, formatTimestamp } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { AccessLogTable } from '../ui/access-log-table';
import { FailureView } from '../ui/failure';
import { usePageTitle } from '../ui/page-title';
import { PrintButton } from '../ui/print-button';
import { Progress } from '../ui/status';

/**
 * "Who has read my record" (*innsyn i logg*): every entry about one participant, oldest first, in plain
 * words, for the leader to print and hand to the person who asks. The person's own name only in the
 * heading; who read is named by user and role.
 */
export function AccessReportPage({ centre, id }: { centre: string; id: string }) {
  const { t, language } = useI18n();
  const { api } = useApp();
  usePageTitle(t.accessReport.title);
  const [resource, reload] = useResource(`${centre}:${id}:report`, () =>
    api.get<AccessReport>(`/api/centres/${centre}/participants/${id}/access-log`),
  );
  const report = resource.state === 'ok' ? resource.value : null;
  return (
    <section className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t.accessReport.title}
      </h1>
      {resource.state === 'loading' ? <Progress label={t.loading} /> : null}
      {resource.state === 'failed' ? <FailureView failure={resource.failure} retry={reload} /> : null}
      {report ? (
        <>
          <p>
            {t.accessReport.intro(
              report.participant.displayName ?? t.accessReport.you,
              formatDate(report.since, language),
            )}
          </p>
          <p className="hint">{t.accessReport.generated(formatTimestamp(report.generatedAt, language))}</p>
          <div className="no-print">
            <PrintButton />
          </div>
          {report.items.length === 0 ? <p>{t.accessReport.empty}</p> : null}
          {report.items.length > 0 ? (
            <AccessLogTable caption={t.accessReport.title} entries={report.items} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
