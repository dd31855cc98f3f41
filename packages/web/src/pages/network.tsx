import { type NetworkCell, type NetworkYear, TOTAL } from '@crux/domain/figure-set';
import { type NetworkValue, networkLineValues } from '@crux/domain/figures/network-display';
import { useFigureSet } from '../api/figure-set';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { formatNumber, formatTimestamp } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/messages-nb';
import { FailureView } from '../ui/failure';
import { FiguresTable } from '../ui/figures-table';
import { LinesTable, sectionsOf } from '../ui/lines-table';
import { usePageTitle } from '../ui/page-title';
import { Progress } from '../ui/status';
import { useYear, YearPicker } from '../ui/year-picker';

/** A hidden cell says in words that it is hidden; the explanation of both kinds follows the tables. */
function Cell({ cell, t }: { cell: NetworkCell; t: Messages }) {
  if (typeof cell === 'number') return <>{formatNumber(cell)}</>;
  if (cell === null) return <>–</>;
  return (
    <span className="ds-tag" data-color="neutral">
      {t.network[cell.suppressed]}
    </span>
  );
}

/** A line's values side by side (an order's persons/hours), each as a number, a hidden cell or "–". */
function LineCell({ values, t }: { values: NetworkValue[]; t: Messages }) {
  return values.map((value, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a line's values are positional (persons, hours).
    <span key={i}>
      {i > 0 ? '/' : null}
      {value === null ? '–' : <Cell cell={value} t={t} />}
    </span>
  ));
}

export function NetworkPage() {
  const { t, text, language } = useI18n();
  const { api } = useApp();
  usePageTitle(t.network.title);
  const [set, reloadSet] = useFigureSet();
  const year = useYear();
  const [figures, reload] = useResource(`network:${year}`, () =>
    api.get<NetworkYear>(`/api/network/figures/${year}`),
  );
  return (
    <section className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t.network.title}
      </h1>
      <YearPicker year={year} />
      <p>{t.network.intro(year)}</p>
      {figures.state === 'loading' ? <Progress label={t.loading} /> : null}
      {figures.state === 'failed' ? <FailureView failure={figures.failure} retry={reload} /> : null}
      {figures.state === 'ok' ? (
        <>
          <p className="hint">
            {figures.value.computedAt
              ? t.figures.computedAt(formatTimestamp(figures.value.computedAt, language))
              : t.figures.notComputed}
          </p>
          <FiguresTable
            id="network-caption"
            caption={`${t.network.title} ${year}`}
            rows={figures.value.centres.map((c) => ({ key: c.centre, name: c.name, data: c.figures }))}
            total={figures.value.total.figures}
            cell={(k, row) => <Cell cell={row[k] ?? 0} t={t} />}
          />
          <h2 className="ds-heading" data-size="md">
            {t.network.allLinesTitle(year)}
          </h2>
          {set.state === 'loading' ? <Progress label={t.loading} /> : null}
          {set.state === 'failed' ? <FailureView failure={set.failure} retry={reloadSet} /> : null}
          {set.state === 'ok'
            ? sectionsOf(set.value, (line) => !line.retired).map(({ section, lines }) => {
                const rows = [
                  ...figures.value.centres.map((c) => ({ key: c.centre, name: c.name, cells: c.figures })),
                  { key: TOTAL, name: t.figures.total, cells: figures.value.total.figures },
                ];
                return (
                  <LinesTable
                    key={section.id}
                    id={`network-${section.id}`}
                    caption={text(section.name)}
                    lines={lines}
                    columns={rows}
                    cell={(line, column) => {
                      const cells = rows.find((r) => r.key === column.key)?.cells ?? {};
                      return <LineCell values={networkLineValues(set.value, line, cells)} t={t} />;
                    }}
                  />
                );
              })
            : null}
          <h2 className="ds-heading" data-size="md">
            {t.network.legendTitle}
          </h2>
          <ul>
            <li>{t.network.smallExplained}</li>
            <li>{t.network.secondaryExplained}</li>
            <li>{t.network.ratioExplained}</li>
            <li>{t.network.lineExplained}</li>
          </ul>
        </>
      ) : null}
    </section>
  );
}
