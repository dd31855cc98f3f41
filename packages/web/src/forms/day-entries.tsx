import type { ActivityEntry } from '@crux/domain/activity';
import type { CatalogueKind } from '@crux/domain/catalogue/schema';
import { useState } from 'react';
import type { ApiFailure } from '../api/client';
import { useApp } from '../app-context';
import { formatNumber, formatTimestamp } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { FailureView } from '../ui/failure';
import { Notice, Success } from '../ui/status';
import { Stepper } from '../ui/stepper';

type Props = {
  centre: string;
  /** Null while the day is (re)loading: the outcome of the last change stays on screen meanwhile. */
  entries: readonly ActivityEntry[] | null;
  kinds: readonly CatalogueKind[];
  onChanged: () => void;
};

type Outcome = { kind: 'corrected' | 'removed' | 'conflict' } | { kind: 'failed'; failure: ApiFailure };

/**
 * The day's entries, each correctable (its count) or deletable by staff. Both name the version shown,
 * so a correction never lands on one made meanwhile (409: the list is read again); the API keeps who
 * and when, and marks the month for the figures job as a new entry does.
 */
export function DayEntries({ centre, entries, kinds, onChanged }: Props) {
  const { t, text, language } = useI18n();
  const { api } = useApp();
  const [editing, setEditing] = useState<{ id: string; count: number } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const nameOf = (id: string) => {
    const kind = kinds.find((k) => k.id === id);
    return kind ? text(kind.name) + (kind.status === 'retired' ? ` (${t.today.retired})` : '') : id;
  };
  const path = (e: ActivityEntry) => `/api/centres/${centre}/activities/${e.date}/${e.id}`;

  /** After a change, or a conflict with someone else's, the day is read again; other failures keep it. */
  const finish = (
    result: { ok: true } | { ok: false; failure: ApiFailure },
    done: 'corrected' | 'removed',
  ) => {
    setBusy(false);
    setEditing(null);
    setConfirming(null);
    const conflict = !result.ok && result.failure.kind === 'http' && result.failure.status === 409;
    if (result.ok) setOutcome({ kind: done });
    else if (conflict) setOutcome({ kind: 'conflict' });
    else setOutcome({ kind: 'failed', failure: result.failure });
    if (result.ok || conflict) onChanged();
  };

  const correct = async (entry: ActivityEntry, count: number) => {
    setBusy(true);
    const { kind, participantId, version } = entry;
    const result = await api.put(path(entry), {
      kind,
      count,
      version,
      ...(participantId ? { participantId } : {}),
    });
    finish(result, 'corrected');
  };

  const remove = async (entry: ActivityEntry) => {
    setBusy(true);
    finish(await api.delete(path(entry), { version: entry.version }), 'removed');
  };

  return (
    <>
      <h2 className="ds-heading" data-size="md" id="day-entries-title">
        {t.today.entriesTitle}
      </h2>
      {outcome?.kind === 'corrected' ? <Success>{t.today.corrected}</Success> : null}
      {outcome?.kind === 'removed' ? <Success>{t.today.removed}</Success> : null}
      {outcome?.kind === 'conflict' ? <Notice>{t.today.changedElsewhere}</Notice> : null}
      {outcome?.kind === 'failed' ? (
        <FailureView failure={outcome.failure} retry={() => setOutcome(null)} />
      ) : null}
      {entries?.length === 0 ? <p>{t.today.noEntries}</p> : null}
      <ul className="entries" aria-labelledby="day-entries-title">
        {(entries ?? []).map((entry) => {
          const name = nameOf(entry.kind);
          return (
            <li key={entry.id} className="entry">
              <p className="entry-what">
                <strong>{name}</strong>: {formatNumber(entry.count)}
              </p>
              <p className="hint">
                {t.today.registeredAt(formatTimestamp(entry.createdAt, language))}
                {entry.updatedAt
                  ? `, ${t.today.correctedAt(formatTimestamp(entry.updatedAt, language))}`
                  : ''}
              </p>
              {editing?.id === entry.id ? (
                <form
                  className="stack"
                  onSubmit={(event) => {
                    event.preventDefault();
                    correct(entry, editing.count);
                  }}
                >
                  <Stepper
                    id={`correct-${entry.id}`}
                    label={`${t.today.count} – ${name}`}
                    value={editing.count}
                    max={10_000}
                    onChange={(count) => setEditing({ id: entry.id, count: Math.max(1, count) })}
                  />
                  <div className="actions">
                    <button type="submit" className="ds-button" disabled={busy}>
                      {t.save}
                    </button>
                    <button
                      type="button"
                      className="ds-button"
                      data-variant="secondary"
                      onClick={() => setEditing(null)}
                    >
                      {t.cancel}
                    </button>
                  </div>
                </form>
              ) : (
                <div className="actions">
                  <button
                    type="button"
                    className="ds-button"
                    data-variant="secondary"
                    data-size="sm"
                    onClick={() => {
                      setOutcome(null);
                      setConfirming(null);
                      setEditing({ id: entry.id, count: entry.count });
                    }}
                  >
                    {t.today.correct(name)}
                  </button>
                  {confirming === entry.id ? (
                    <button
                      type="button"
                      className="ds-button"
                      data-color="danger"
                      data-size="sm"
                      disabled={busy}
                      onClick={() => remove(entry)}
                    >
                      {t.today.confirmRemove(name)}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="ds-button"
                      data-variant="tertiary"
                      data-size="sm"
                      onClick={() => {
                        setOutcome(null);
                        setConfirming(entry.id);
                      }}
                    >
                      {t.today.remove(name)}
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
