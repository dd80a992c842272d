import { describe, expect, it } from 'vitest';
import { normalQuantile, parseDistribution, quantile } from './distributions.js';
import { sampleInputs, unitSamples } from './sampling.js';

describe('Latin hypercube sampling', () => {
  it('hits each of the runs strata of every input exactly once', () => {
    const runs = 50;
    const dims = 3;
    const u = unitSamples('latin-hypercube', runs, dims, 42);
    for (let d = 0; d < dims; d++) {
      const strata = Array.from({ length: runs }, (_, i) => Math.floor(u[i * dims + d]! * runs)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: runs }, (_, i) => i));
    }
  });

  it('shuffles the strata differently for each input', () => {
    const u = unitSamples('latin-hypercube', 20, 2, 3);
    const first = Array.from({ length: 20 }, (_, i) => Math.floor(u[i * 2]! * 20));
    const second = Array.from({ length: 20 }, (_, i) => Math.floor(u[i * 2 + 1]! * 20));
    expect(first).not.toEqual(second);
  });

  it('repeats exactly for the same seed and differs for another', () => {
    expect(unitSamples('latin-hypercube', 30, 2, 9)).toEqual(unitSamples('latin-hypercube', 30, 2, 9));
    expect(unitSamples('random', 30, 2, 9)).toEqual(unitSamples('random', 30, 2, 9));
    expect(unitSamples('latin-hypercube', 30, 2, 9)).not.toEqual(unitSamples('latin-hypercube', 30, 2, 10));
  });

  it('random sampling stays in [0, 1) and does not stratify', () => {
    const u = unitSamples('random', 1000, 1, 5);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const strata = new Set(Array.from(u, (x) => Math.floor(x * 1000)));
    // 1000 independent draws into 1000 bins fill about 1 - 1/e of them, never all.
    expect(strata.size).toBeLessThan(700);
  });

  it('maps strata through each distribution, so a uniform input covers its range evenly', () => {
    const d = parseDistribution('uniform(10, 20)');
    if (!d.ok) throw new Error('parse');
    const x = Array.from(sampleInputs('latin-hypercube', 10, [d.value], 1)).sort((a, b) => a - b);
    x.forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual(10 + i);
      expect(v).toBeLessThan(11 + i);
    });
  });
});

describe('distributions', () => {
  it('reads the three forms, any case and spacing', () => {
    expect(parseDistribution('uniform(1,2)')).toMatchObject({ ok: true, value: { kind: 'uniform', min: 1, max: 2 } });
    expect(parseDistribution(' Normal( 0.5 , 1e-2 ) ')).toMatchObject({ ok: true, value: { kind: 'normal', mean: 0.5, sd: 0.01 } });
    expect(parseDistribution('triangular(0,1,4)')).toMatchObject({ ok: true, value: { kind: 'triangular', min: 0, mode: 1, max: 4 } });
  });

  it('refuses bad text with a message naming the forms', () => {
    for (const bad of ['uniform(2,1)', 'normal(0,-1)', 'triangular(0,5,4)', 'uniform(1)', 'beta(1,2)', 'uniform(a,b)', '3', 'uniform(1,)']) {
      const r = parseDistribution(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.diagnostics[0]!.code).toBe('bad-distribution');
        expect(r.diagnostics[0]!.message).toContain('uniform(min,max)');
      }
    }
  });

  it('inverts the standard normal CDF at known points', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 7);
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 8);
  });

  it('inverts the triangular CDF on both sides of the mode', () => {
    const t = { kind: 'triangular', min: 0, mode: 1, max: 4 } as const;
    // CDF below the mode: x^2 / (4 * 1), so u = 0.25 is x = 1 (the mode, at a quarter of the mass).
    expect(quantile(t, 0.25)).toBeCloseTo(1, 12);
    expect(quantile(t, 0.0625)).toBeCloseTo(0.5, 12);
    // Above the mode: 1 - (4 - x)^2 / (4 * 3); u = 1 - 3/12 gives x = 4 - sqrt(3).
    expect(quantile(t, 0.75)).toBeCloseTo(4 - Math.sqrt(3), 12);
    expect(quantile({ kind: 'normal', mean: 10, sd: 2 }, 0.975)).toBeCloseTo(10 + 2 * 1.959963984540054, 7);
  });
});
