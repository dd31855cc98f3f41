import {
  type Figures,
  figureOf,
  type HeadlineFigure,
  type HeadOfficeMonths,
  type HeadOfficeYear,
  TOTAL,
} from '@crux/domain/figure-set';
import { yearTable } from '@crux/domain/figures/display';
import { useFigureSet } from '../api/figure-set';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { formatMonth, formatNumber, formatTimestamp, withPrevious } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { FailureView } from '../ui/failure';
import { FiguresTable } from '../ui/figures-table';
import { LinesTable, sectionsOf } from '../ui/lines-table';
import { usePageTitle } from '../ui/page-title';
import { ScrollRegion } from '../ui/scroll-region';
import { Progress } from '../ui/status';
import { ChartLegend, type Series, VisitsChart } from '../ui/visits-chart';
import { currentYear, useYear, YearPicker } from '../ui/year-picker';

/** The foundation's row in the months answer (see HeadOfficeMonths). */

/** Every month of a past year; this year up to the current month, so the future is not drawn as zeros. */
function monthsOf(year: number): string[] {
  const last = year < currentYear() ? 12 : new Date().getMonth() + 1;
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

export function HeadOfficePage() {
  const { t, text, language } = useI18n();
  const { api } = useApp();
  usePageTitle(t.headOffice.title);
  const year = useYear();
  const [figures, reloadFigures] = useResource(`year:${year}`, () =>
    api.get<HeadOfficeYear>(`/api/headoffice/figures/${year}`),
  );
  const [set, reloadSet] = useFigureSet();
  const [months, reloadMonths] = useResource(`months:${year}`, () =>
    api.get<HeadOfficeMonths>(`/api/headoffice/figures/${year}/months`),
  );

  const names = new Map(figures.state === 'ok' ? figures.value.centres.map((c) => [c.centre, c.name]) : []);
  const monthList = monthsOf(year);
  const series: Series[] = [];
  if (months.state === 'ok') {
    const centres = [...new Set(months.value.months.map((m) => m.centre))].filter((c) => c !== TOTAL).sort();
    for (const centre of [...centres, TOTAL]) {
      const byMonth = new Map(
        months.value.months.filter((m) => m.centre === centre).map((m) => [m.month, m.figures]),
      );
      series.push({
        key: centre,
        name: centre === TOTAL ? t.figures.total : (names.get(centre) ?? centre),
        values: monthList.map((m) => byMonth.get(m)?.['kind.visit'] ?? 0),
      });
    }
  }
  const chartSeries = series.filter((s) => s.key !== TOTAL);
  // Every line for every centre and the foundation: each column is that centre's own Fakta og tall.
  const columns =
    figures.state === 'ok' && set.state === 'ok'
      ? [
          ...figures.value.centres.map((c) => ({ key: c.centre, name: c.name, data: c })),
          { key: TOTAL, name: t.figures.total, data: figures.value.total },
        ].map((c) => {
          const table = yearTable(set.value, year, c.data.figures, c.data.previous);
          return {
            key: c.key,
            name: c.name,
            rows: new Map(table.sections.flatMap((s) => s.rows).map((r) => [r.id, r])),
          };
        })
      : [];
  // The chart's part is drawn once the table above it has come, so the table never pushes it down.
  const chartPart = figures.state !== 'loading';
  const cell = (key: HeadlineFigure, figures: Figures, previous: Figures | null) =>
    withPrevious(figureOf(figures, key), previous ? figureOf(previous, key) : null);

  return (
    <section className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t.headOffice.title}
      </h1>
      <YearPicker year={year} />
      <p>{t.headOffice.intro(year, year - 1)}</p>
      {figures.state === 'loading' ? <Progress label={t.loading} /> : null}
      {figures.state === 'failed' ? <FailureView failure={figures.failure} retry={reloadFigures} /> : null}
      {figures.state === 'ok' ? (
        <>
          <p className="hint">
            {figures.value.computedAt
              ? t.figures.computedAt(formatTimestamp(figures.value.computedAt, language))
              : t.figures.notComputed}
          </p>
          <FiguresTable
            id="year-table-caption"
            caption={`${t.headOffice.title} ${year} (${year - 1})`}
            rows={figures.value.centres.map((c) => ({ key: c.centre, name: c.name, data: c }))}
            total={figures.value.total}
            cell={(k, row) => cell(k, row.figures, row.previous)}
          />
        </>
      ) : null}

      {chartPart ? (
        <h2 className="ds-heading" data-size="md">
          {t.headOffice.allLinesTitle(year)}
        </h2>
      ) : null}
      {chartPart && set.state === 'failed' ? <FailureView failure={set.failure} retry={reloadSet} /> : null}
      {set.state === 'ok' && columns.length > 0
        ? sectionsOf(set.value, (line) => columns.some((c) => c.rows.has(line.id))).map(
            ({ section, lines }) => (
              <LinesTable
                key={section.id}
                id={`all-${section.id}`}
                caption={text(section.name)}
                lines={lines}
                columns={columns}
                cell={(line, column) => {
                  const row = columns.find((c) => c.key === column.key)?.rows.get(line.id);
                  return row ? text(row.text) : '–';
                }}
              />
            ),
          )
        : null}

      {chartPart ? (
        <h2 className="ds-heading" data-size="md">
          {t.headOffice.chartTitle(year)}
        </h2>
      ) : null}
      {chartPart && months.state === 'loading' ? <Progress label={t.loading} /> : null}
      {chartPart && months.state === 'failed' ? (
        <FailureView failure={months.failure} retry={reloadMonths} />
      ) : null}
      {chartPart && months.state === 'ok' ? (
        <>
          <p className="hint">{t.headOffice.chartDescription}</p>
          <VisitsChart
            title={t.headOffice.chartTitle(year)}
            description={t.headOffice.chartDescription}
            months={monthList}
            series={chartSeries}
          />
          <ChartLegend series={chartSeries} />
          <h2 className="ds-heading" data-size="md" id="months-table-title">
            {t.headOffice.tableTitle(year)}
          </h2>
          <ScrollRegion labelledBy="months-table-title">
            <table className="ds-table" data-color="neutral">
              <thead>
                <tr>
                  <th scope="col">{t.headOffice.month}</th>
                  {series.map((s) => (
                    <th scope="col" className="num" key={s.key}>
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {monthList.map((m, i) => (
                  <tr key={m}>
                    <th scope="row">{formatMonth(m, language)}</th>
                    {series.map((s) => (
                      <td className="num" key={s.key}>
                        {formatNumber(s.values[i] ?? 0)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      ) : null}
    </section>
  );
}
