import type { Figure } from './measure';

type Results = { measuredAt: string; machine: Record<string, unknown>; figures: Figure[] };

function detail(f: Figure): string {
  if (!f.detail) return '';
  return Object.entries(f.detail)
    .map(
      ([k, v]) =>
        `${k}: ${typeof v === 'object' ? JSON.stringify(v).replaceAll('"', '').replaceAll(',', ', ') : v}`,
    )
    .join('<br>');
}

/** The readable table the README links to; bench/results.json holds the same figures for machines. */
export function renderTable(results: Results): string {
  const rows = results.figures.map(
    (f) =>
      `| ${f.label} | ${f.value} ${f.unit} | ${f.target} | ${f.pass ? 'yes' : '**no**'} | ${detail(f)} |`,
  );
  return [
    '# Benchmark results',
    '',
    `Measured ${results.measuredAt} by \`npm run bench\` on ${JSON.stringify(results.machine).replaceAll('"', '').replaceAll(',', ', ')}.`,
    '',
    '| figure | measured | target | reached | detail |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
