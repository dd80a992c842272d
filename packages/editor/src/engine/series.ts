import type { SeriesRun } from './run-model.js';

/** A run's values for one variable, by ident; undefined when the run has no such column. */
export function columnOf(run: SeriesRun, ident: string): Float64Array | undefined {
  return run.columns.find((c) => c.ident === ident)?.values;
}

/** Index of the saved time nearest to `time` (the first of two equally near). */
export function nearestIndex(times: Float64Array, time: number): number {
  if (times.length === 0) return -1;
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] ?? 0) < time) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs((times[lo - 1] ?? 0) - time) <= Math.abs((times[lo] ?? 0) - time)) return lo - 1;
  return lo;
}

/** A run's value of one variable at the saved time nearest `time`. */
export function valueAt(run: SeriesRun, ident: string, time: number): number | undefined {
  const values = columnOf(run, ident);
  const i = nearestIndex(run.times, time);
  return values && i >= 0 ? values[i] : undefined;
}

/** One row per compared run: each variable's value at `time` and its change against the baseline run. */
export interface ComparisonRow {
  run: string;
  cells: { ident: string; value: number | undefined; change: number | undefined; percent: number | undefined }[];
}

export function compareAt(runs: SeriesRun[], baseline: SeriesRun | undefined, idents: string[], time: number): ComparisonRow[] {
  return runs.map((run) => ({
    run: run.name,
    cells: idents.map((ident) => {
      const value = valueAt(run, ident, time);
      const base = baseline ? valueAt(baseline, ident, time) : undefined;
      const change = value !== undefined && base !== undefined ? value - base : undefined;
      const percent = change !== undefined && base !== undefined && base !== 0 ? (100 * change) / Math.abs(base) : undefined;
      return { ident, value, change, percent };
    }),
  }));
}
