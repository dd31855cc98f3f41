import type { Participant } from '@crux/domain/participant';
import { type FormEvent, useState } from 'react';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { paths } from '../routing/paths';
import { Link, useRouter } from '../routing/router';
import { FailureView } from '../ui/failure';
import { usePageTitle } from '../ui/page-title';
import { ScrollRegion } from '../ui/scroll-region';
import { Progress } from '../ui/status';

type ListPage = { items: Participant[]; nextCursor?: string };

const PAGE_SIZE = 25;

/** The search term lives in the URL (`?q=`), so back and forward and a reload keep it. */
export function ParticipantsPage({ centre }: { centre: string }) {
  const { t, language } = useI18n();
  const { api } = useApp();
  const { search, navigate } = useRouter();
  usePageTitle(t.participants.title);
  const q = new URLSearchParams(search).get('q') ?? '';
  const [term, setTerm] = useState(q);
  const [more, setMore] = useState<{ q: string; items: Participant[]; cursor?: string; loading: boolean }>({
    q,
    items: [],
    loading: false,
  });
  const [first, reload] = useResource(`${centre}:${q}`, () =>
    api.get<ListPage>(`/api/centres/${centre}/participants`, { limit: PAGE_SIZE, q }),
  );
  const extra = more.q === q ? more : { q, items: [], loading: false };

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = term.trim();
    navigate(`${paths.participants(centre)}${trimmed ? `?q=${encodeURIComponent(trimmed)}` : ''}`, {
      replace: true,
    });
  };

  const cursor =
    first.state === 'ok' ? (extra.items.length > 0 ? extra.cursor : first.value.nextCursor) : undefined;
  const loadMore = async () => {
    if (!cursor) return;
    setMore({ ...extra, loading: true });
    const result = await api.get<ListPage>(`/api/centres/${centre}/participants`, {
      limit: PAGE_SIZE,
      q,
      cursor,
    });
    if (result.ok) {
      setMore({
        q,
        items: [...extra.items, ...result.value.items],
        cursor: result.value.nextCursor,
        loading: false,
      });
    } else {
      setMore({ ...extra, loading: false });
    }
  };

  const items = first.state === 'ok' ? [...first.value.items, ...extra.items] : [];
  return (
    <section>
      <div className="title-row">
        <h1 className="ds-heading" data-size="lg">
          {t.participants.title}
        </h1>
        <Link href={paths.participantNew(centre)} className="ds-button">
          {t.participants.add}
        </Link>
      </div>
      <search>
        <form className="ds-field" onSubmit={onSearch}>
          <label className="ds-label" htmlFor="participant-search">
            {t.participants.search}
          </label>
          <div className="search-row">
            <input
              id="participant-search"
              type="search"
              className="ds-input"
              value={term}
              onChange={(e) => setTerm(e.target.value)}
            />
            <button type="submit" className="ds-button" data-variant="secondary">
              {t.participants.searchButton}
            </button>
          </div>
        </form>
      </search>
      {first.state === 'loading' ? <Progress label={t.loading} /> : null}
      {first.state === 'failed' ? <FailureView failure={first.failure} retry={reload} /> : null}
      {first.state === 'ok' && items.length === 0 ? <p>{t.participants.empty}</p> : null}
      {items.length > 0 ? (
        <ScrollRegion labelledBy="participants-caption">
          <table className="ds-table" data-color="neutral">
            <caption id="participants-caption" className="ds-sr-only">
              {t.participants.listLabel}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.participants.name}</th>
                <th scope="col">{t.participants.birthYear}</th>
                <th scope="col">{t.participants.started}</th>
                <th scope="col">{t.participants.status}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link href={paths.participant(centre, p.id)} className="ds-link">
                      {p.displayName}
                    </Link>
                  </td>
                  <td>{p.birthYear}</td>
                  <td>{formatDate(p.startDate, language)}</td>
                  <td>
                    <span className="ds-tag" data-color={p.endDate ? 'neutral' : 'success'}>
                      {p.endDate
                        ? t.participants.ended(formatDate(p.endDate, language))
                        : t.participants.active}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {cursor ? (
        <div className="actions">
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={loadMore}
            disabled={extra.loading}
          >
            {t.participants.more}
          </button>
          {extra.loading ? <Progress label={t.loading} /> : null}
        </div>
      ) : null}
    </section>
  );
}
