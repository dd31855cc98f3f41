import { type HeadlineFigure, headlineFigures } from '@crux/domain/figure-set';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { ScrollRegion } from './scroll-region';

type Row<R> = { key: string; name: string; data: R };

/**
 * A year's figures, a row per centre and the foundation's total below: the head office's and the
 * experience network's table alike. Each page says how a cell reads (with the previous year, or
 * suppressed) through `cell`.
 */
export function FiguresTable<R>(props: {
  id: string;
  caption: ReactNode;
  rows: Row<R>[];
  total: R;
  cell: (key: HeadlineFigure, data: R) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <ScrollRegion labelledBy={props.id}>
      <table className="ds-table" data-color="neutral">
        <caption id={props.id}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.figures.centre}</th>
            {headlineFigures.map((k) => (
              <th scope="col" className="num" key={k}>
                {t.figures.keys[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              {headlineFigures.map((k) => (
                <td className="num" key={k}>
                  {props.cell(k, row.data)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.figures.total}</th>
            {headlineFigures.map((k) => (
              <td className="num" key={k}>
                {props.cell(k, props.total)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
