/**
 * Random draws from named distributions, all from one uniform stream (the run's seeded
 * generator), so a whole run repeats from its seed. Generated code passes a distribution's
 * code (`DISTRIBUTION`) and up to three parameters; nothing here allocates.
 */
export const DISTRIBUTION = {
  uniform: 0,
  normal: 1,
  exponential: 2,
  lognormal: 3,
  poisson: 4,
  binomial: 5,
  gamma: 6,
  beta: 7,
  weibull: 8,
  triangular: 9,
} as const;

/** Redraws allowed before a truncated draw gives up and clamps (only a range the distribution almost never reaches gets there). */
const TRUNCATION_TRIES = 10000;

/** Above this mean (or number of trials) counting events one by one costs too much: a normal approximation, rounded, takes over. */
const COUNTING_LIMIT = 1e6;

export type Draw = (kind: number, a: number, b: number, c: number, shift: number, stretch: number, min: number, max: number) => number;

export function createDraw(random: () => number): Draw {
  // 1 - u lies in (0, 1], so its logarithm is finite.
  const open = (): number => 1 - random();
  const normal = (): number => Math.sqrt(-2 * Math.log(open())) * Math.cos(2 * Math.PI * random());

  // Marsaglia and Tsang (2000); shape below 1 through the boost U^(1/shape).
  const gamma = (shape: number): number => {
    if (!(shape > 0)) return NaN;
    if (shape < 1) return gamma(shape + 1) * Math.pow(open(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = open();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };

  const poisson = (mean: number): number => {
    if (!(mean >= 0)) return NaN;
    if (mean > COUNTING_LIMIT) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
    // Knuth's product of uniforms, in pieces of mean at most 30 so exp(-piece) stays well away from 0.
    let n = 0;
    for (let left = mean; left > 0; left -= 30) {
      const limit = Math.exp(-Math.min(left, 30));
      let p = random();
      while (p > limit) {
        n++;
        p *= random();
      }
    }
    return n;
  };

  const binomial = (trials: number, p: number): number => {
    const n = Math.round(trials);
    if (!(n >= 0) || !(p >= 0 && p <= 1)) return NaN;
    if (p === 0 || n === 0) return 0;
    if (p === 1) return n;
    if (n * Math.min(p, 1 - p) > COUNTING_LIMIT) return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal())));
    // Geometric skips between successes of the rarer outcome: expected cost n * min(p, 1 - p).
    const q = Math.min(p, 1 - p);
    const logFail = Math.log(1 - q);
    let k = 0;
    for (let at = Math.floor(Math.log(open()) / logFail); at < n; at += 1 + Math.floor(Math.log(open()) / logFail)) k++;
    return q === p ? k : n - k;
  };

  const sample = (kind: number, a: number, b: number, c: number): number => {
    switch (kind) {
      case DISTRIBUTION.uniform:
        return a + (b - a) * random();
      case DISTRIBUTION.normal:
        return a + b * normal();
      case DISTRIBUTION.exponential:
        return -a * Math.log(open());
      case DISTRIBUTION.lognormal: {
        // a and b are the mean and standard deviation of the result itself, not of its logarithm.
        const s2 = Math.log(1 + (b * b) / (a * a));
        return Math.exp(Math.log(a) - s2 / 2 + Math.sqrt(s2) * normal());
      }
      case DISTRIBUTION.poisson:
        return poisson(a);
      case DISTRIBUTION.binomial:
        return binomial(a, b);
      case DISTRIBUTION.gamma:
        return gamma(a) * b;
      case DISTRIBUTION.beta: {
        const x = gamma(a);
        return x / (x + gamma(b));
      }
      case DISTRIBUTION.weibull:
        return b * Math.pow(-Math.log(open()), 1 / a);
      case DISTRIBUTION.triangular: {
        // Inverse CDF of the triangle lower a, mode b, upper c.
        const u = random();
        const f = (b - a) / (c - a);
        return u < f ? a + Math.sqrt(u * (c - a) * (b - a)) : c - Math.sqrt((1 - u) * (c - a) * (c - b));
      }
    }
    return NaN;
  };

  return (kind, a, b, c, shift, stretch, min, max) => {
    if (min > max) return NaN;
    let x = NaN;
    // Truncation redraws (as Vensim does: RANDOM NORMAL(0, 1000, 0, 1) has the half-normal's mean).
    for (let k = 0; k < TRUNCATION_TRIES; k++) {
      x = shift + stretch * sample(kind, a, b, c);
      if (Number.isNaN(x) || (x >= min && x <= max)) return x;
    }
    return Math.min(max, Math.max(min, x));
  };
}
