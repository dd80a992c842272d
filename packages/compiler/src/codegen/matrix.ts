/**
 * Element (i, j) of the inverse of the n×n matrix at `base` in `v` (rows `rowStride` apart,
 * columns `colStride` apart): column j of the inverse solves A x = e_j, by Gaussian elimination
 * with partial pivoting in scratch space kept between calls (grown only when a larger matrix
 * comes, so steps do not allocate). NaN when the matrix is singular.
 */
export function createInverter(): (v: Float64Array, base: number, n: number, rowStride: number, colStride: number, i: number, j: number) => number {
  let a = new Float64Array(0);
  let x = new Float64Array(0);
  return (v, base, n, rowStride, colStride, i, j) => {
    if (!(n >= 1) || i < 0 || j < 0 || i >= n || j >= n) return NaN;
    if (a.length < n * n) {
      a = new Float64Array(n * n);
      x = new Float64Array(n);
    }
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) a[r * n + c] = v[base + r * rowStride + c * colStride]!;
      x[r] = r === j ? 1 : 0;
    }
    for (let k = 0; k < n; k++) {
      let p = k;
      for (let r = k + 1; r < n; r++) if (Math.abs(a[r * n + k]!) > Math.abs(a[p * n + k]!)) p = r;
      if (a[p * n + k] === 0 || Number.isNaN(a[p * n + k])) return NaN;
      if (p !== k) {
        for (let c = 0; c < n; c++) {
          const t = a[k * n + c]!;
          a[k * n + c] = a[p * n + c]!;
          a[p * n + c] = t;
        }
        const t = x[k]!;
        x[k] = x[p]!;
        x[p] = t;
      }
      for (let r = k + 1; r < n; r++) {
        const f = a[r * n + k]! / a[k * n + k]!;
        if (f === 0) continue;
        for (let c = k; c < n; c++) a[r * n + c]! -= f * a[k * n + c]!;
        x[r]! -= f * x[k]!;
      }
    }
    for (let r = n - 1; r >= 0; r--) {
      let s = x[r]!;
      for (let c = r + 1; c < n; c++) s -= a[r * n + c]! * x[c]!;
      x[r] = s / a[r * n + r]!;
    }
    return x[i]!;
  };
}
