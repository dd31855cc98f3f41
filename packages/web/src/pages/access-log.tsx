import { todayInOslo } from '@crux/domain/calendar';
import type { AccessLogPage as LogPage, NamedParticipant } from '@crux/domain/privacy/access-log';
import { type FormEvent, useState } from 'react';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { AccessLogTable } from '../ui/access-log-table';
import { FailureView } from '../ui/failure';
import { SelectField, TextField } from '../ui/fields';
import { usePageTitle } from '../ui/page-title';
import { Progress } from '../ui/status';

type Filter = { from: string; to: string; user: string; participantId: string };

/** The last 30 days, today included. */
function lastMonth(): Filter {
  const to = todayInOslo();
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  return { from, to, user: '', participantId: '' };
}

/**
 * The leader's view of the centre's access log (Normen fact sheet 15): by dates, and optionally one user
 * or one participant. The participants offered are those the log has named on this page so far: picking
 * one reads no participant list (which would itself be logged as a read of everyone).
 */
export function AccessLogPage({ centre }: { centre: string }) {
  const { t } = useI18n();
  const { api } = useApp();
  usePageTitle(t.accessLog.title);
  const [draft, setDraft] = useState<Filter>(lastMonth);
  const [filter, setFilter] = useState<Filter>(draft);
  const [pages, setPages] = useState<string[]>([]);
  const [known, setKnown] = useState<ReadonlyMap<string, NamedParticipant>>(new Map());
  const key = `${centre}:${Object.values(filter).join(':')}:${pages.join(',')}`;
  const [resource, reload] = useResource(key, async () => {
    const query = {
      from: filter.from,
      to: filter.to,
      ...(filter.user ? { user: filter.user } : {}),
      ...(filter.participantId ? { participantId: filter.participantId } : {}),
    };
    const first = await api.get<LogPage>(`/api/centres/${centre}/access-log`, query);
    if (!first.ok) return first;
    const all = { ...first.value };
    for (const cursor of pages) {
      const next = await api.get<LogPage>(`/api/centres/${centre}/access-log`, { ...query, cursor });
      if (!next.ok) return next;
      all.items = [...all.items, ...next.value.items];
      all.participants = [...all.participants, ...next.value.participants];
      all.nextCursor = next.value.nextCursor;
    }
    setKnown((before) => new Map([...before, ...all.participants.map((p) => [p.id, p] as const)]));
    return { ok: true as const, value: all };
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPages([]);
    setFilter(draft);
  };
  const named = new Map(resource.state === 'ok' ? resource.value.participants.map((p) => [p.ref, p]) : []);

  return (
    <section className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t.accessLog.title}
      </h1>
      <p>{t.accessLog.intro}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          id="log-from"
          label={t.accessLog.from}
          type="date"
          value={draft.from}
          onChange={(from) => setDraft({ ...draft, from })}
        />
        <TextField
          id="log-to"
          label={t.accessLog.to}
          type="date"
          value={draft.to}
          onChange={(to) => setDraft({ ...draft, to })}
        />
        <TextField
          id="log-user"
          label={t.accessLog.user}
          hint={t.accessLog.userHint}
          value={draft.user}
          onChange={(user) => setDraft({ ...draft, user: user.trim() })}
        />
        <SelectField
          id="log-participant"
          label={t.accessLog.participant}
          hint={t.accessLog.participantHint}
          value={draft.participantId}
          onChange={(participantId) => setDraft({ ...draft, participantId })}
          options={[
            { value: '', label: t.accessLog.allParticipants },
            ...[...known.values()]
              .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nb'))
              .map((p) => ({ value: p.id, label: p.displayName })),
          ]}
        />
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {t.accessLog.show}
          </button>
        </div>
      </form>
      {resource.state === 'loading' ? <Progress label={t.loading} /> : null}
      {resource.state === 'failed' ? <FailureView failure={resource.failure} retry={reload} /> : null}
      {resource.state === 'ok' && resource.value.items.length === 0 ? <p>{t.accessLog.empty}</p> : null}
      {resource.state === 'ok' && resource.value.items.length > 0 ? (
        <AccessLogTable
          caption={t.accessLog.caption(filter.from, filter.to)}
          entries={resource.value.items}
          whom={(entry) => {
            const people = entry.people.participant ?? [];
            if (people.length > 3) return t.accessLog.people(people.length);
            return people.map((ref) => {
              const p = named.get(ref);
              return (
                <span key={ref} className="block">
                  {p ? (
                    <Link href={paths.accessReport(centre, p.id)} className="ds-link">
                      {p.displayName}
                    </Link>
                  ) : (
                    t.accessLog.unknownPerson
                  )}
                </span>
              );
            });
          }}
        />
      ) : null}
      {resource.state === 'ok' && resource.value.nextCursor ? (
        <div>
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={() => setPages([...pages, resource.value.nextCursor ?? ''])}
          >
            {t.accessLog.more}
          </button>
        </div>
      ) : null}
    </section>
  );
}
