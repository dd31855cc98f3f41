import { formatMonthShort, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

export type Series = { key: string; name: string; values: number[] };

type Props = { title: string; description: string; months: string[]; series: Series[] };

/**
 * Each line has a colour of Designsystemet's theme (its text tone: at least 3:1 against the page in
 * light and dark mode, WCAG 1.4.11), its own dash pattern and markers, so telling the lines apart never
 * depends on colour alone.
 */
const colours = ['accent', 'danger', 'success', 'brand2', 'warning', 'brand1', 'neutral'];
const dashes = ['', '8 4', '3 3', '10 4 3 4', '1 4', '14 6', '6 2 2 2'];

const width = 640;
const height = 300;
const pad = { top: 16, right: 16, bottom: 36, left: 56 };

function niceMax(value: number): number {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude * 4 >= value) ?? 10;
  return step * magnitude * 4;
}

const seriesStyle = (index: number) => ({
  colour: colours[index % colours.length],
  dash: dashes[index % dashes.length] ?? '',
});

export function VisitsChart({ title, description, months, series }: Props) {
  const { language } = useI18n();
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (months.length <= 1 ? plotW / 2 : (i * plotW) / (months.length - 1));
  const y = (v: number) => pad.top + plotH - (v / max) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * max));
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="visits-chart-title"
      aria-describedby="visits-chart-description"
    >
      <title id="visits-chart-title">{title}</title>
      <desc id="visits-chart-description">{description}</desc>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} className="grid" />
          <text x={pad.left - 8} y={y(tick)} className="tick" textAnchor="end" dominantBaseline="middle">
            {formatNumber(tick)}
          </text>
        </g>
      ))}
      {months.map((month, i) => (
        <text key={month} x={x(i)} y={height - pad.bottom + 20} className="tick" textAnchor="middle">
          {formatMonthShort(month, language)}
        </text>
      ))}
      {series.map((s, index) => {
        const { colour, dash } = seriesStyle(index);
        const points = s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
        return (
          <g key={s.key} className="series" data-color={colour}>
            <polyline points={points} fill="none" strokeWidth={2.5} strokeDasharray={dash} />
            {s.values.map((v, i) => (
              <circle key={months[i]} cx={x(i)} cy={y(v)} r={3.5} />
            ))}
          </g>
        );
      })}
    </svg>
  );
}

export function ChartLegend({ series }: { series: Series[] }) {
  return (
    <ul className="legend">
      {series.map((s, index) => {
        const { colour, dash } = seriesStyle(index);
        return (
          <li key={s.key}>
            <svg
              width="36"
              height="12"
              className="series"
              data-color={colour}
              aria-hidden="true"
              focusable="false"
            >
              <line x1="0" x2="36" y1="6" y2="6" strokeWidth={3} strokeDasharray={dash} />
            </svg>
            {s.name}
          </li>
        );
      })}
    </ul>
  );
}
