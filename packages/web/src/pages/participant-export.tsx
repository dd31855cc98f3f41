import type { AccessLogEntry } from '@crux/domain/privacy/access-log';
import { namedCodes } from '@crux/domain/privacy/export-names';
import type { Text } from '@crux/domain/text';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { formatDate, formatTimestamp } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { Language } from '../i18n/language';
import type { Messages } from '../i18n/messages-nb';
import { AccessLogTable } from '../ui/access-log-table';
import { FailureView } from '../ui/failure';
import { usePageTitle } from '../ui/page-title';
import { PrintButton } from '../ui/print-button';
import { Progress } from '../ui/status';

/**
 * The export route's answer (functions/src/privacy-api/privacy.ts): every record, whatever its type,
 * catalogue codes named beside them.
 */
type Held = {
  exportedAt: string;
  centre: string;
  participant: Record<string, unknown> & { id: string; displayName?: string };
  records: Record<string, Record<string, unknown>[]>;
  accessLog: AccessLogEntry[];
};

/** Field names as the person reads them: the labels the forms already use, then the export's own. */
function labelsOf(t: Messages): Record<string, string> {
  return {
    ...t.rights.fields,
    displayName: t.participant.displayName,
    birthYear: t.participant.birthYear,
    gender: t.participant.gender,
    startDate: t.participant.startDate,
    endDate: t.participant.endDate,
    referralSource: t.participant.referralSource,
    outcome: t.participant.outcome,
    measures: t.records.measuresTitle,
    orders: t.records.ordersTitle,
    hours: t.records.hours,
    date: t.records.date,
    type: t.records.type,
    kind: t.records.kind,
    count: t.records.count,
  };
}

/** A coded value in words where the forms have words for it; anything else as stored. */
function valueText(t: Messages, language: Language, key: string, value: unknown): string {
  const coded: Record<string, Record<string, string>> = {
    gender: t.participant.genders,
    referralSource: t.participant.referral,
    outcome: t.participant.outcomes,
  };
  if (typeof value === 'boolean') return value ? t.rights.yes : t.rights.no;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatTimestamp(value, language);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, language);
  return coded[key]?.[String(value)] ?? String(value);
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A map keyed by ids (a participant's measures, orders) is a list: its records carry their ids. */
const asList = (v: object): unknown[] | null =>
  Array.isArray(v)
    ? v
    : Object.keys(v).length > 0 && Object.keys(v).every((k) => uuid.test(k))
      ? Object.values(v)
      : null;

/**
 * Any record as nested description lists: the export holds every record type, later ones included
 * (person-records.ts finds them by the person's id), so the document names no type it must know.
 */
function Nested({ name, value }: { name: string; value: object }): ReactNode {
  const { t, language } = useI18n();
  const list = asList(value);
  if (!list) return <Fields value={value as Record<string, unknown>} />;
  return (
    <ul>
      {list.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a stored list, shown once, never reordered
        <li key={i}>
          {item !== null && typeof item === 'object' ? (
            <Nested name={name} value={item} />
          ) : (
            valueText(t, language, name, item)
          )}
        </li>
      ))}
    </ul>
  );
}

/** The catalogue's name the export carries beside a code (export-names.ts), if it has one. */
function nameOfCode(value: Record<string, unknown>, key: string): Text | undefined {
  const nameKey = (namedCodes as Record<string, string>)[key];
  const name = nameKey ? value[nameKey] : undefined;
  return name && typeof name === 'object' && 'nb' in name && 'en' in name ? (name as Text) : undefined;
}

const nameKeys = new Set<string>(Object.values(namedCodes));

function Fields({ value }: { value: Record<string, unknown> }): ReactNode {
  const { t, text, language } = useI18n();
  const labels = labelsOf(t);
  return (
    <dl className="details">
      {Object.entries(value)
        // A code's name is shown as the code's value, not as a field of its own.
        .filter(([key]) => !nameKeys.has(key))
        .map(([key, v]) => {
          const named = nameOfCode(value, key);
          return (
            <div key={key}>
              <dt>{labels[key] ?? key}</dt>
              <dd>
                {named ? (
                  text(named)
                ) : v !== null && typeof v === 'object' ? (
                  <Nested name={key} value={v} />
                ) : (
                  valueText(t, language, key, v)
                )}
              </dd>
            </div>
          );
        })}
    </dl>
  );
}

/**
 * Access and portability (GDPR Art. 15, 20): everything the centre holds about one participant, as a
 * document the leader prints and hands over, and the same as JSON to download. Reading it is logged as
 * an export.
 */
export function ParticipantExportPage({ centre, id }: { centre: string; id: string }) {
  const { t, language } = useI18n();
  const { api } = useApp();
  const [resource, reload] = useResource(`${centre}:${id}:export`, () =>
    api.get<Held>(`/api/centres/${centre}/participants/${id}/export`),
  );
  const held = resource.state === 'ok' ? resource.value : null;
  usePageTitle(held?.participant.displayName ?? t.rights.exportLink);
  const [href, setHref] = useState<string | null>(null);
  const json = useMemo(() => (held ? JSON.stringify(held, null, 2) : null), [held]);
  useEffect(() => {
    if (!json) return;
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [json]);

  return (
    <section className="stack">
      {resource.state === 'loading' ? <Progress label={t.loading} /> : null}
      {resource.state === 'failed' ? <FailureView failure={resource.failure} retry={reload} /> : null}
      {held ? (
        <>
          <h1 className="ds-heading" data-size="lg">
            {t.rights.exportTitle(held.participant.displayName ?? id)}
          </h1>
          <p>{t.rights.exportIntro}</p>
          <p className="hint">{t.rights.generated(formatTimestamp(held.exportedAt, language))}</p>
          <div className="actions no-print">
            <PrintButton />
            {href ? (
              <a className="ds-link" href={href} download={`crux-${centre}-${id}.json`}>
                {t.rights.download}
              </a>
            ) : null}
          </div>
          <h2 className="ds-heading" data-size="md">
            {t.rights.record}
          </h2>
          <Fields value={held.participant} />
          {Object.entries(held.records).map(([kind, items]) => (
            <section key={kind} className="stack" aria-labelledby={`export-${kind}`}>
              <h2 className="ds-heading" data-size="md" id={`export-${kind}`}>
                {t.rights.kinds[kind] ?? (kind === 'plan' ? t.wheel.title : (labelsOf(t)[kind] ?? kind))}
              </h2>
              {items.map((item, i) => (
                <Fields key={String(item.id ?? i)} value={item} />
              ))}
            </section>
          ))}
          <h2 className="ds-heading" data-size="md">
            {t.rights.logTitle}
          </h2>
          <AccessLogTable caption={t.accessLog.title} entries={held.accessLog} />
        </>
      ) : null}
    </section>
  );
}
