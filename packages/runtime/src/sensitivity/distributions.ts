import { error, fail, ok, type Result } from '@sluice/ir';

/** How one varied constant is drawn. */
export type Distribution =
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'triangular'; min: number; mode: number; max: number };

const ARITY: Record<Distribution['kind'], number> = { uniform: 2, normal: 2, triangular: 3 };

/**
 * Read `uniform(a,b)`, `normal(mean,sd)` or `triangular(a,mode,b)` (any case, blanks allowed).
 * A bad text is an `bad-distribution` error saying which form was expected.
 */
export function parseDistribution(text: string): Result<Distribution> {
  const m = /^\s*([a-z]+)\s*\(([^()]*)\)\s*$/i.exec(text);
  const bad = (why: string) => fail<Distribution>([error('bad-distribution', `${why} in '${text}'; expected uniform(min,max), normal(mean,sd) or triangular(min,mode,max)`)]);
  if (!m) return bad('no distribution');
  const kind = m[1]!.toLowerCase();
  if (!(kind in ARITY)) return bad(`unknown distribution '${m[1]}'`);
  const args = m[2]!.split(',').map((s) => s.trim());
  const nums = args.map(Number);
  if (args.length !== ARITY[kind as Distribution['kind']]) return bad(`${kind} takes ${ARITY[kind as Distribution['kind']]} numbers, not ${args.length}`);
  if (args.some((a) => a === '') || !nums.every(Number.isFinite)) return bad('the arguments must be finite numbers');
  if (kind === 'uniform') {
    const [min, max] = nums as [number, number];
    return min <= max ? ok({ kind, min, max }) : bad('min is above max');
  }
  if (kind === 'normal') {
    const [mean, sd] = nums as [number, number];
    return sd >= 0 ? ok({ kind, mean, sd }) : bad('the standard deviation is negative');
  }
  const [min, mode, max] = nums as [number, number, number];
  return min <= mode && mode <= max ? ok({ kind: 'triangular', min, mode, max }) : bad('triangular needs min <= mode <= max');
}

/**
 * The value below which a fraction `u` (0 < u < 1) of the distribution lies. Sampling goes
 * through this inverse CDF so a Latin hypercube stratum of [0, 1) maps to a stratum of values.
 */
export function quantile(d: Distribution, u: number): number {
  switch (d.kind) {
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'normal':
      return d.mean + d.sd * normalQuantile(u);
    case 'triangular': {
      const span = d.max - d.min;
      if (span === 0) return d.min;
      const cut = (d.mode - d.min) / span;
      return u < cut ? d.min + Math.sqrt(u * span * (d.mode - d.min)) : d.max - Math.sqrt((1 - u) * span * (d.max - d.mode));
    }
  }
}

// Acklam's rational approximation of the standard normal inverse CDF: relative error below
// 1.2e-9, far finer than any sampling spread it feeds.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  let x: number;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  } else if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) / (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  return x;
}
