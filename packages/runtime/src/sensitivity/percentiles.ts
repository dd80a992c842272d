/** The percentiles reported by default. */
export const DEFAULT_PERCENTILES: readonly number[] = [5, 25, 50, 75, 95];

/**
 * The p-th percentile (0..100) of ascending `sorted` values, interpolating linearly between
 * closest ranks: rank p/100 * (n - 1), as R's type 7, NumPy's default and Excel's PERCENTILE.INC.
 * NaN for an empty set.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const rank = (p / 100) * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(n - 1, lo + 1);
  const f = rank - lo;
  const a = sorted[lo]!;
  return f === 0 ? a : a + f * (sorted[hi]! - a);
}

/**
 * Percentiles of a set of run values. NaN values (runs where the variable was undefined) are
 * left out; if every run is NaN, every percentile is NaN. `scratch` (at least values.length long)
 * avoids an allocation per call.
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[], scratch = new Float64Array(values.length)): number[] {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!Number.isNaN(x)) scratch[n++] = x;
  }
  const sorted = scratch.subarray(0, n).sort();
  return ps.map((p) => percentileOfSorted(sorted, p));
}
