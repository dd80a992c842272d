import { describe, expect, it } from 'vitest';
import { compareAt, nearestIndex, valueAt } from './series.js';
import { resultsCsv } from './results-csv.js';
import type { SeriesRun } from './run-model.js';

const run = (name: string, values: number[]): SeriesRun => ({
  name,
  times: Float64Array.from([0, 1, 2, 3]),
  columns: [
    { name: 'Stock', ident: 'stock', values: Float64Array.from(values) },
    { name: 'Flow, net', ident: 'flow_net', values: Float64Array.from(values.map((v) => v / 10)) },
  ],
});

describe('values at a time', () => {
  it('finds the nearest saved time', () => {
    const t = Float64Array.from([0, 0.25, 0.5, 0.75, 1]);
    expect(nearestIndex(t, 0.3)).toBe(1);
    expect(nearestIndex(t, 0.375)).toBe(1);
    expect(nearestIndex(t, 0.4)).toBe(2);
    expect(nearestIndex(t, -5)).toBe(0);
    expect(nearestIndex(t, 99)).toBe(4);
  });

  it('reads a column at a time', () => {
    expect(valueAt(run('a', [10, 20, 30, 40]), 'stock', 2)).toBe(30);
    expect(valueAt(run('a', [10, 20, 30, 40]), 'missing', 2)).toBeUndefined();
  });

  it('compares runs against the baseline, in units and per cent', () => {
    const base = run('Baseline', [10, 20, 30, 40]);
    const rows = compareAt([base, run('S1', [10, 20, 33, 30])], base, ['stock'], 3);
    expect(rows).toEqual([
      { run: 'Baseline', cells: [{ ident: 'stock', value: 40, change: 0, percent: 0 }] },
      { run: 'S1', cells: [{ ident: 'stock', value: 30, change: -10, percent: -25 }] },
    ]);
  });
});

describe('results as CSV', () => {
  it('writes one column per variable for a single run', () => {
    expect(resultsCsv([run('Baseline', [1, 2, 3, 4])])).toBe('time,Stock,"Flow, net"\n0,1,0.1\n1,2,0.2\n2,3,0.3\n3,4,0.4\n');
  });

  it('names columns by run when there are several, and can pick variables', () => {
    const csv = resultsCsv([run('Baseline', [1, 2, 3, 4]), run('S1', [5, 6, 7, 8])], ['stock']);
    expect(csv.split('\n').slice(0, 2)).toEqual(['time,Baseline: Stock,S1: Stock', '0,1,5']);
  });
});
