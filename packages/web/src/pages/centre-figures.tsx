import type { CentreFiguresMonths, CentreFiguresYear } from '@crux/domain/figure-set';
import { formatLine, lineValues, tableTitle, yearTable } from '@crux/domain/figures/display';
import { useFigureSet } from '../api/figure-set';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { formatMonthShort, formatTimestamp } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { FailureView } from '../ui/failure';
import { LinesTable, sectionsOf } from '../ui/lines-table';
import { usePageTitle } from '../ui/page-title';
import { Notice, Progress } from '../ui/status';
import { useYear, YearPicker } from '../ui/year-picker';

/**
 * The centre's *Fakta og tall* for a year, as the annual report lays it out: every line of the
 * catalogue in the report's sections and order, the previous year in parentheses (an empty previous
 * year without them), and each section's monthly values a click away. The lines are the catalogue's,
 * so a kind the admin adds appears here with no new build.
 */
export function CentreFiguresPage({ centre }: { centre: string }) {
  const { t, text, language } = useI18n();
  const { api } = useApp();
  const year = useYear();
  const title = text(tableTitle(year));
  usePageTitle(title);
  const [set, reloadSet] = useFigureSet();
  const [figures, reloadFigures] = useResource(`${centre}:${year}`, () =>
    api.get<CentreFiguresYear>(`/api/centres/${centre}/figures/${year}`),
  );
  const [months, reloadMonths] = useResource(`${centre}:${year}:months`, () =>
    api.get<CentreFiguresMonths>(`/api/centres/${centre}/figures/${year}/months`),
  );
  const ready = set.state === 'ok' && figures.state === 'ok' ? { set: set.value, year: figures.value } : null;
  const table = ready ? yearTable(ready.set, year, ready.year.figures ?? {}, ready.year.previous) : null;
  const rows = new Map(table?.sections.flatMap((s) => s.rows).map((r) => [r.id, r]) ?? []);

  return (
    <section className="stack">
      <h1 className="ds-heading" data-size="lg">
        {title}
      </h1>
      <YearPicker year={year} />
      {set.state === 'loading' || figures.state === 'loading' ? <Progress label={t.loading} /> : null}
      {set.state === 'failed' ? <FailureView failure={set.failure} retry={reloadSet} /> : null}
      {figures.state === 'failed' ? <FailureView failure={figures.failure} retry={reloadFigures} /> : null}
      {ready ? (
        <p className="hint">
          {ready.year.computedAt
            ? t.figures.computedAt(formatTimestamp(ready.year.computedAt, language))
            : t.figures.notComputed}
        </p>
      ) : null}
      {ready && ready.year.figures === null ? <Notice>{t.figuresPage.notComputed}</Notice> : null}
      {ready?.year.figures
        ? sectionsOf(ready.set, (line) => rows.has(line.id)).map(({ section, lines }) => {
            const id = `section-${section.id}`;
            const monthList = months.state === 'ok' ? months.value.months : [];
            return (
              <div className="stack" key={section.id}>
                <LinesTable
                  id={id}
                  caption={text(section.name)}
                  lines={lines}
                  columns={[{ key: 'year', name: String(year) }]}
                  cell={(line) => text(rows.get(line.id)?.text ?? { nb: '', en: '' })}
                />
                <details className="months">
                  <summary>{t.figuresPage.monthsOf(text(section.name))}</summary>
                  {months.state === 'loading' ? <Progress label={t.loading} /> : null}
                  {months.state === 'failed' ? (
                    <FailureView failure={months.failure} retry={reloadMonths} />
                  ) : null}
                  {months.state === 'ok' ? (
                    <LinesTable
                      id={`${id}-months`}
                      caption={t.figuresPage.monthsOf(text(section.name))}
                      lines={lines}
                      columns={monthList.map((m) => ({
                        key: m.month,
                        name: formatMonthShort(m.month, language),
                      }))}
                      cell={(line, column) => {
                        const month = monthList.find((m) => m.month === column.key);
                        const types = rows.get(line.id)?.valueTypes ?? [];
                        const values = lineValues(ready.set, line, month?.figures ?? {});
                        return text(formatLine(types, values, null));
                      }}
                    />
                  ) : null}
                </details>
              </div>
            );
          })
        : null}
    </section>
  );
}
