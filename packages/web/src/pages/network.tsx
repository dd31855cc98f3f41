import { figureKeys, type NetworkCell, type NetworkYear } from '@crux/domain/figure-set';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { formatNumber, formatTimestamp } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/messages-nb';
import { FailureView } from '../ui/failure';
import { usePageTitle } from '../ui/page-title';
import { ScrollRegion } from '../ui/scroll-region';
import { Progress } from '../ui/status';
import { useYear, YearPicker } from '../ui/year-picker';

/** A hidden cell says in words that it is hidden; the explanation of both kinds follows the table. */
function Cell({ cell, t }: { cell: NetworkCell; t: Messages }) {
  if (typeof cell === 'number') return <>{formatNumber(cell)}</>;
  return (
    <span className={`suppressed ${cell.suppressed}`}>
      {cell.suppressed === 'small' ? t.network.small : t.network.secondary}
    </span>
  );
}

export function NetworkPage() {
  const { t, language } = useI18n();
  const { api } = useApp();
  usePageTitle(t.network.title);
  const year = useYear();
  const [figures, reload] = useResource(`network:${year}`, () =>
    api.get<NetworkYear>(`/api/network/figures/${year}`),
  );
  return (
    <section className="stack">
      <h1>{t.network.title}</h1>
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
          <ScrollRegion labelledBy="network-caption">
            <table className="figures">
              <caption id="network-caption">
                {t.network.title} {year}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.figures.centre}</th>
                  {figureKeys.map((k) => (
                    <th scope="col" className="num" key={k}>
                      {t.figures.keys[k]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {figures.value.centres.map((c) => (
                  <tr key={c.centre}>
                    <th scope="row">{c.name}</th>
                    {figureKeys.map((k) => (
                      <td className="num" key={k}>
                        <Cell cell={c.figures[k]} t={t} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t.figures.total}</th>
                  {figureKeys.map((k) => (
                    <td className="num" key={k}>
                      <Cell cell={figures.value.total.figures[k]} t={t} />
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
          <h2>{t.network.legendTitle}</h2>
          <ul className="explanations">
            <li>{t.network.smallExplained}</li>
            <li>{t.network.secondaryExplained}</li>
          </ul>
        </>
      ) : null}
    </section>
  );
}
