import { describe, expect, it } from 'vitest';
import { createDraw, DISTRIBUTION } from './distributions.js';

const N = 200_000;

/** A small seeded uniform source (mulberry32), so the test needs nothing but the module under test. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SIGMAS = 5;

/**
 * Each XMILE distribution against its known mean and variance over N draws from a fixed seed.
 * The mean must lie within SIGMAS standard errors (sqrt(variance / N)); the variance within
 * SIGMAS standard errors of a variance, sqrt((mu4 - variance²) / N), with the fourth central
 * moment mu4 known for each distribution. Deterministic (one seed), yet tight enough that a wrong
 * parameter order or scale fails.
 */
const CASES: { name: string; kind: number; a: number; b?: number; c?: number; mean: number; variance: number; mu4: number; whole?: boolean }[] = [
  { name: 'uniform(2, 5)', kind: DISTRIBUTION.uniform, a: 2, b: 5, mean: 3.5, variance: 0.75, mu4: 81 / 80 },
  { name: 'normal(3, 2)', kind: DISTRIBUTION.normal, a: 3, b: 2, mean: 3, variance: 4, mu4: 48 },
  { name: 'exponential(mean 4)', kind: DISTRIBUTION.exponential, a: 4, mean: 4, variance: 16, mu4: 9 * 256 },
  // Log-normal with the result's own mean 2 and sd 1: mu4 = variance² (w⁴ + 2w³ + 3w² - 3), w = 1 + sd²/mean².
  { name: 'lognormal(2, 1)', kind: DISTRIBUTION.lognormal, a: 2, b: 1, mean: 2, variance: 1, mu4: 1.25 ** 4 + 2 * 1.25 ** 3 + 3 * 1.25 ** 2 - 3 },
  { name: 'poisson(3.5)', kind: DISTRIBUTION.poisson, a: 3.5, mean: 3.5, variance: 3.5, mu4: 3.5 * (1 + 3 * 3.5), whole: true },
  { name: 'poisson(70), in pieces', kind: DISTRIBUTION.poisson, a: 70, mean: 70, variance: 70, mu4: 70 * (1 + 3 * 70), whole: true },
  { name: 'binomial(20, 0.3)', kind: DISTRIBUTION.binomial, a: 20, b: 0.3, mean: 6, variance: 4.2, mu4: 4.2 * (1 + 3 * 4.2 - 6 * 0.3 * 0.7) , whole: true },
  { name: 'binomial(20, 0.8)', kind: DISTRIBUTION.binomial, a: 20, b: 0.8, mean: 16, variance: 3.2, mu4: 3.2 * (1 + 3 * 3.2 - 6 * 0.8 * 0.2), whole: true },
  // Gamma(shape k, scale θ): variance kθ², mu4 = 3k(k + 2)θ⁴.
  { name: 'gamma(2.5, 2)', kind: DISTRIBUTION.gamma, a: 2.5, b: 2, mean: 5, variance: 10, mu4: 3 * 2.5 * 4.5 * 16 },
  { name: 'gamma(0.5, 1)', kind: DISTRIBUTION.gamma, a: 0.5, b: 1, mean: 0.5, variance: 0.5, mu4: 3 * 0.5 * 2.5 },
  // Beta(2, 3): mean 0.4, variance 0.04; mu4 from the raw moments E[X^k] = prod (2 + r) / (5 + r).
  { name: 'beta(2, 3)', kind: DISTRIBUTION.beta, a: 2, b: 3, mean: 0.4, variance: 0.04, mu4: 0.0037714285714286 },
  // Weibull(shape 2, scale 3): mean 3Γ(1.5), variance 9(1 - Γ(1.5)²); mu4 from the raw moments 3^k Γ(1 + k/2).
  { name: 'weibull(2, 3)', kind: DISTRIBUTION.weibull, a: 2, b: 3, mean: 3 * 0.886226925452758, variance: 9 * (1 - 0.886226925452758 ** 2), mu4: 12.105383158455368 },
  // Triangular(0, 1, 4): mean 5/3, variance (a² + b² + c² - ab - ac - bc) / 18 = 13/18, mu4 169/135.
  { name: 'triangular(0, 1, 4)', kind: DISTRIBUTION.triangular, a: 0, b: 1, c: 4, mean: 5 / 3, variance: 13 / 18, mu4: 169 / 135 },
];

describe('XMILE distributions', () => {
  for (const t of CASES) {
    it(`${t.name}: mean and variance`, () => {
      const draw = createDraw(seededRandom(7));
      let s = 0;
      let s2 = 0;
      for (let k = 0; k < N; k++) {
        const x = draw(t.kind, t.a, t.b ?? 0, t.c ?? 0, 0, 1, -Infinity, Infinity);
        if (t.whole) expect(Number.isInteger(x)).toBe(true);
        s += x;
        s2 += x * x;
      }
      const mean = s / N;
      const variance = s2 / N - mean * mean;
      expect(Math.abs(mean - t.mean)).toBeLessThan(SIGMAS * Math.sqrt(t.variance / N));
      expect(Math.abs(variance - t.variance)).toBeLessThan(SIGMAS * Math.sqrt(Math.max(t.mu4 - t.variance ** 2, 0) / N) + 1e-12);
    });
  }

  it('truncation redraws: a normal cut at its mean has the half-normal mean', () => {
    const draw = createDraw(seededRandom(7));
    let s = 0;
    for (let k = 0; k < N; k++) s += draw(DISTRIBUTION.normal, 0, 1, 0, 0, 1, 0, Infinity);
    // Half-normal: mean sqrt(2/pi), variance 1 - 2/pi.
    expect(Math.abs(s / N - Math.sqrt(2 / Math.PI))).toBeLessThan(SIGMAS * Math.sqrt((1 - 2 / Math.PI) / N));
  });

  it('gives NaN for an empty range rather than looping', () => {
    expect(createDraw(seededRandom(7))(DISTRIBUTION.uniform, 0, 1, 0, 0, 1, 2, 1)).toBeNaN();
  });

  it('repeats exactly from the same seed', () => {
    const a = createDraw(seededRandom(42));
    const b = createDraw(seededRandom(42));
    for (let k = 0; k < 100; k++) expect(a(DISTRIBUTION.gamma, 1.5, 2, 0, 0, 1, -Infinity, Infinity)).toBe(b(DISTRIBUTION.gamma, 1.5, 2, 0, 0, 1, -Infinity, Infinity));
  });
});
