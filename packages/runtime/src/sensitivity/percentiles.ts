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
 * avoids an allocation per call. The values are not sorted: only the order statistics the
 * percentiles read are selected, in linear time (sorting 10,000 runs at every saved time was
 * most of the calling thread's work in a sensitivity batch). The numbers are those of
 * `percentileOfSorted` on the sorted values.
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[], scratch = new Float64Array(values.length)): number[] {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!Number.isNaN(x)) scratch[n++] = x;
  }
  if (n === 0) return ps.map(() => NaN);
  const a = scratch.subarray(0, n);
  // The ranks each percentile reads (its closest rank and the next), selected in ascending
  // order: once rank k is in place everything after it is at least as large, so the next
  // selection only searches there.
  const wanted = new Set<number>();
  for (const p of ps) {
    const rank = (p / 100) * (n - 1);
    const lo = Math.floor(rank);
    if (!(lo >= 0 && lo < n)) continue;
    wanted.add(lo);
    if (rank > lo && lo + 1 < n) wanted.add(lo + 1);
  }
  const ranks = Int32Array.from(wanted).sort();
  selectRanks(a, 0, n - 1, ranks, 0, ranks.length - 1, 2 * Math.ceil(Math.log2(n + 1)) + 8);
  // Selection does not tell -0 from 0; a sort puts every -0 first, so the rank decides.
  let belowPositiveZero: number | undefined;
  for (const k of ranks) {
    if (a[k] !== 0) continue;
    belowPositiveZero ??= countBelowPositiveZero(a);
    a[k] = k < belowPositiveZero ? -0 : 0;
  }
  return ps.map((p) => percentileOfSorted(a, p));
}

/**
 * Reorder a[left..right] so that for every rank k in ranks[first..last] (ascending) a[k] is the
 * value sorting would put there, with nothing larger before it and nothing smaller after it.
 * Hoare partitions with median-of-three pivots, recursing only into the parts that hold a rank:
 * a few passes over the values for five percentiles. Equal values stop both scans, so many equal
 * runs stay linear; past `depth` levels of bad splits the range is sorted instead.
 */
export function selectRanks(a: Float64Array, left: number, right: number, ranks: Int32Array, first: number, last: number, depth: number): void {
  while (right > left && first <= last) {
    if (depth-- === 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    const mid = (left + right) >> 1;
    // Median of three to a[mid], smallest to a[left], largest to a[right].
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // Now a[left..j] <= pivot <= a[i..right], and anything between j and i equals the pivot.
    let split = first;
    while (split <= last && ranks[split]! <= j) split++;
    selectRanks(a, left, j, ranks, first, split - 1, depth);
    while (split <= last && ranks[split]! < i) split++;
    left = i;
    first = split;
  }
}

function countBelowPositiveZero(a: Float64Array): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i]! < 0 || Object.is(a[i], -0)) count++;
  return count;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
