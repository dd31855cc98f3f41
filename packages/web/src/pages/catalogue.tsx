import type { CatalogueHistoryRecord } from '@crux/domain/catalogue/change';
import { compareOrder } from '@crux/domain/catalogue/lists';
import type { StoredCatalogue } from '@crux/domain/catalogue/request';
import { type CatalogueKind, peopleSections } from '@crux/domain/catalogue/schema';
import { useState } from 'react';
import { useCatalogue } from '../api/catalogue';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { KindForm, RenameForm } from '../forms/catalogue-forms';
import { formatTimestamp } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { FailureView } from '../ui/failure';
import { usePageTitle } from '../ui/page-title';
import { ScrollRegion } from '../ui/scroll-region';
import { Notice, Progress, Success } from '../ui/status';

/**
 * The platform admin's catalogue of activity kinds: add one, rename one, retire one (or take it back in
 * use). Each change is sent with the catalogue it was made on, so it never lands on one the admin did
 * not see (409: read again); the change log below says who changed what, and when.
 */
export function CataloguePage() {
  const { t, text, language } = useI18n();
  const { api } = useApp();
  const c = t.catalogue;
  usePageTitle(c.title);
  const [stored, reload] = useCatalogue();
  const [history, reloadHistory] = useResource('catalogue-history', () =>
    api.get<{ items: CatalogueHistoryRecord[] }>('/api/admin/catalogue/history'),
  );
  const [renaming, setRenaming] = useState<string | null>(null);
  const [notice, setNotice] = useState<'done' | 'conflict' | null>(null);
  const [busy, setBusy] = useState(false);

  /** After a change, or a conflict, the catalogue and its log are read again. */
  const changed = (outcome: 'done' | 'conflict') => {
    setNotice(outcome);
    setRenaming(null);
    reload();
    reloadHistory();
  };

  const setStatus = async (base: StoredCatalogue, kind: CatalogueKind) => {
    setBusy(true);
    setNotice(null);
    const status = kind.status === 'active' ? 'retired' : 'active';
    const result = await api.post(
      '/api/admin/catalogue/changes',
      {
        base: base.catalogue,
        change: {
          op: 'update',
          list: 'activityKinds',
          version: base.catalogue.version,
          id: kind.id,
          patch: { status },
        },
      },
      crypto.randomUUID(),
    );
    setBusy(false);
    if (result.ok) changed('done');
    else if (result.failure.kind === 'http' && result.failure.status === 409) changed('conflict');
  };

  const catalogue = stored.state === 'ok' ? stored.value.catalogue : null;
  // Kinds in the report's order: by their section's place, then their own.
  const sectionRank = (id: string) => catalogue?.sections.find((s) => s.id === id)?.order ?? 0;
  const sectionName = (id: string) => {
    const section = catalogue?.sections.find((s) => s.id === id);
    return section ? text(section.name) : id;
  };

  return (
    <section className="stack">
      <h1 className="ds-heading" data-size="lg">
        {c.title}
      </h1>
      <p>{c.intro}</p>
      {stored.state === 'loading' ? <Progress label={t.loading} /> : null}
      {stored.state === 'failed' ? <FailureView failure={stored.failure} retry={reload} /> : null}
      {notice === 'done' ? <Success>{c.done}</Success> : null}
      {notice === 'conflict' ? <Notice>{c.conflict}</Notice> : null}
      {stored.state === 'ok' && catalogue ? (
        <>
          <p className="hint">{c.version(catalogue.version)}</p>
          <h2 className="ds-heading" data-size="md" id="kinds-title">
            {c.kinds}
          </h2>
          <ScrollRegion labelledBy="kinds-title">
            <table className="ds-table" data-color="neutral">
              <thead>
                <tr>
                  <th scope="col">{c.name}</th>
                  <th scope="col">{c.section}</th>
                  <th scope="col">{c.counts}</th>
                  <th scope="col">{c.status}</th>
                  <th scope="col">
                    <span className="visually-hidden">{c.what}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...catalogue.activityKinds]
                  .sort((a, b) => sectionRank(a.section) - sectionRank(b.section) || compareOrder(a, b))
                  .map((kind) => (
                    <tr key={kind.id}>
                      <th scope="row">
                        {text(kind.name)}
                        <br />
                        <span className="hint">{kind.id}</span>
                      </th>
                      <td>{sectionName(kind.section)}</td>
                      <td>{c.countsOptions[kind.counts]}</td>
                      <td>{c.statuses[kind.status]}</td>
                      <td>
                        <div className="actions">
                          <button
                            type="button"
                            className="ds-button"
                            data-variant="secondary"
                            data-size="sm"
                            onClick={() => {
                              setNotice(null);
                              setRenaming(kind.id);
                            }}
                          >
                            {c.rename(text(kind.name))}
                          </button>
                          <button
                            type="button"
                            className="ds-button"
                            data-variant="tertiary"
                            data-size="sm"
                            disabled={busy}
                            onClick={() => setStatus(stored.value, kind)}
                          >
                            {kind.status === 'active'
                              ? c.retire(text(kind.name))
                              : c.reactivate(text(kind.name))}
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </ScrollRegion>
          {renaming ? (
            <RenameForm
              key={`${renaming}:${catalogue.version}`}
              stored={stored.value}
              kindId={renaming}
              onDone={changed}
              onCancel={() => setRenaming(null)}
            />
          ) : null}
          <KindForm
            stored={stored.value}
            sections={catalogue.sections
              .filter((s) => !(peopleSections as readonly string[]).includes(s.id))
              .sort(compareOrder)}
            onDone={changed}
          />
        </>
      ) : null}
      <h2 className="ds-heading" data-size="md" id="history-title">
        {c.historyTitle}
      </h2>
      {history.state === 'loading' ? <Progress label={t.loading} /> : null}
      {history.state === 'failed' ? <FailureView failure={history.failure} retry={reloadHistory} /> : null}
      {history.state === 'ok' ? (
        <ScrollRegion labelledBy="history-title">
          <table className="ds-table" data-color="neutral">
            <thead>
              <tr>
                <th scope="col">{c.when}</th>
                <th scope="col">{c.who}</th>
                <th scope="col">{c.what}</th>
              </tr>
            </thead>
            <tbody>
              {[...history.value.items]
                .sort((a, b) => b.version - a.version)
                .map((record) => (
                  <tr key={record.version}>
                    <td>{formatTimestamp(record.when, language)}</td>
                    <td>{record.who}</td>
                    <td>{describe(record, c.ops, text)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </section>
  );
}

/** "Endret: Hjemmebesøk (versjon 3)": the operation and the entry's name after (or before) it. */
function describe(
  record: CatalogueHistoryRecord,
  ops: Record<CatalogueHistoryRecord['change']['op'], string>,
  text: (t: { nb: string; en: string }) => string,
): string {
  const entry = (record.after ?? record.before) as { name?: { nb: string; en: string }; id?: string } | null;
  const what = entry?.name ? text(entry.name) : (entry?.id ?? '');
  return `${ops[record.change.op]}${what ? `: ${what}` : ''} (v${record.version})`;
}
