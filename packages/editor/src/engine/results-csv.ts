import type { SeriesRun } from './run-model.js';

/**
 * Runs as CSV: a time column, then one column per run and variable (`run: name` when several runs
 * are written). Runs are expected to share their time axis, as runs of one model do.
 */
export function resultsCsv(runs: SeriesRun[], idents?: string[]): string {
  const first = runs[0];
  if (!first) return '';
  const header = ['time'];
  const columns: Float64Array[] = [];
  for (const run of runs) {
    for (const col of run.columns) {
      if (idents && !idents.includes(col.ident)) continue;
      header.push(runs.length > 1 ? `${run.name}: ${col.name}` : col.name);
      columns.push(col.values);
    }
  }
  const lines = [header.map(csvField).join(',')];
  for (let i = 0; i < first.times.length; i++) {
    const row = [String(first.times[i])];
    for (const values of columns) {
      const v = values[i];
      row.push(v === undefined || Number.isNaN(v) ? '' : String(v));
    }
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Quote a field when it holds a comma, quote or line break; double inner quotes. */
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
