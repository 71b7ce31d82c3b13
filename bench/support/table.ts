import type { Figure, Row } from './types.js';

export function formatFigure(figure: Figure | undefined): string {
  if (!figure || !Number.isFinite(figure.value)) return '—';
  const { value, unit } = figure;
  switch (unit) {
    case 'req/s':
      return `${value >= 100 ? Math.round(value) : value.toFixed(1)} req/s`;
    case 'ms':
      return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ms`;
    case '%':
      return `${value.toFixed(1)} %`;
    case 'KB':
      return `${value.toFixed(2)} KB`;
    case 'score':
      return value.toFixed(3);
    case '/100':
      return `${value.toFixed(0)}/100`;
    case 's':
      return `${value.toFixed(1)} s`;
  }
}

export function ratioOf(row: Row): number | undefined {
  if (row.ratio !== undefined) return row.ratio;
  // A ratio of two shares (%) says nothing; only rates and times get one.
  if (!row.baseline || row.baseline.unit !== row.figure.unit || row.figure.unit === '%') return undefined;
  if (row.baseline.value === 0) return undefined;
  return row.figure.value / row.baseline.value;
}

function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}

/** A plain-text table: left-aligned text columns, right-aligned numbers. */
export function renderTable(rows: readonly Row[]): string {
  const header = ['benchmark', 'figure', 'baseline', 'ratio', 'notes'];
  const body = rows.map((row) => [
    row.benchmark,
    formatFigure(row.figure),
    formatFigure(row.baseline),
    formatRatio(ratioOf(row)),
    row.notes ?? '',
  ]);
  const rightAligned = [false, true, true, true, false];
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
  return [line(header), rule, ...body.map(line)].join('\n');
}
