import type { RunResult } from '@sluice/runtime';
import { columnKey, type ExpectedOutput } from './expected-output.js';

export interface Tolerance {
  rtol: number;
  atol: number;
}

export type Comparison =
  | { ok: true; cells: number }
  | { ok: false; cells: number; firstBadCell: string };

/** The suite's rule: a value passes when |ours - expected| <= atol + rtol * |expected|. */
export function withinTolerance(ours: number, expected: number, tol: Tolerance): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(ours);
  if (!Number.isFinite(expected)) return ours === expected;
  return Math.abs(ours - expected) <= tol.atol + tol.rtol * Math.abs(expected);
}

/** Index of the saved time nearest `t`, if it is near enough (Vensim keeps 6 digits, Stella 3 decimals). */
function nearestTime(times: Float64Array, t: number): number | undefined {
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  let best = lo;
  if (lo > 0 && Math.abs(times[lo - 1]! - t) <= Math.abs(times[lo]! - t)) best = lo - 1;
  const slack = Math.max(5e-4, 5e-6 * Math.abs(t));
  return times.length > 0 && Math.abs(times[best]! - t) <= slack ? best : undefined;
}

/** Compare every expected column at every expected time; name the first cell that fails. */
export function compareWithExpected(
  result: RunResult,
  expected: ExpectedOutput,
  tol: Tolerance,
  excluded: string[] = [],
): Comparison {
  const ours = new Map<string, Float64Array>();
  for (const c of result.columns) ours.set(columnKey(c.name), c.values);
  const skip = new Set(excluded.map(columnKey));
  let cells = 0;
  const rows = expected.times.map((t) => nearestTime(result.times, t));
  for (const col of expected.columns) {
    if (skip.has(col.key)) continue;
    const values = ours.get(col.key);
    if (!values) {
      if (col.values.every((v) => v === undefined)) continue;
      return { ok: false, cells, firstBadCell: `column "${col.name}" is missing from the results` };
    }
    for (let i = 0; i < expected.times.length; i++) {
      const want = col.values[i];
      if (want === undefined) continue;
      const t = expected.times[i]!;
      const k = rows[i];
      if (k === undefined) return { ok: false, cells, firstBadCell: `no saved time near t=${t} (column "${col.name}")` };
      const got = values[k]!;
      if (!withinTolerance(got, want, tol)) {
        return { ok: false, cells, firstBadCell: `"${col.name}" at t=${t}: expected ${want}, got ${got}` };
      }
      cells++;
    }
  }
  return { ok: true, cells };
}
