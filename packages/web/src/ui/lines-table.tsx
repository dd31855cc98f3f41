import type { CatalogueSection } from '@crux/domain/catalogue/schema';
import type { FigureSet } from '@crux/domain/figures/define';
import type { TableLine } from '@crux/domain/figures/definition';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { ScrollRegion } from './scroll-region';

/** The report's sections in order, each with its lines in order; a section with no line shown is left out. */
export function sectionsOf(
  set: FigureSet,
  shown: (line: TableLine) => boolean = () => true,
): { section: CatalogueSection; lines: TableLine[] }[] {
  return set.sections
    .map((section) => ({ section, lines: set.lines.filter((l) => l.section === section.id && shown(l)) }))
    .filter((s) => s.lines.length > 0);
}

type Column = { key: string; name: string };

/**
 * One section of *Fakta og tall* as a table: a row per line, labelled as the report labels it, and a
 * column per year, centre or month. Every figures page (the centre's, the head office's, the network's)
 * draws its sections with it; each says how a cell reads.
 */
export function LinesTable(props: {
  id: string;
  caption: string;
  lines: readonly TableLine[];
  columns: readonly Column[];
  cell: (line: TableLine, column: Column) => ReactNode;
}) {
  const { t, text } = useI18n();
  return (
    <ScrollRegion labelledBy={props.id}>
      <table className="ds-table lines-table" data-color="neutral">
        <caption id={props.id}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.figuresPage.line}</th>
            {props.columns.map((c) => (
              <th scope="col" className="num" key={c.key}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.lines.map((line) => (
            <tr key={line.id}>
              <th scope="row">{text(line.label)}</th>
              {props.columns.map((c) => (
                <td className="num" key={c.key}>
                  {props.cell(line, c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
