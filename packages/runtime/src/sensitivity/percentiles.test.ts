import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileOfSorted, percentiles, selectRanks } from './percentiles.js';

describe('percentiles', () => {
  it('interpolate between closest ranks (type 7), as NumPy and Excel PERCENTILE.INC', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // rank = p/100 * 9: p5 -> 0.45, p25 -> 2.25, p50 -> 4.5, p75 -> 6.75, p95 -> 8.55
    const got = percentiles(xs, [5, 25, 50, 75, 95]);
    [1.45, 3.25, 5.5, 7.75, 9.55].forEach((want, i) => expect(got[i]).toBeCloseTo(want, 12));
    expect(percentiles(xs, [0, 100])).toEqual([1, 10]);
  });

  it('sort their input first and leave out NaN runs', () => {
    expect(percentiles([30, NaN, 10, 20], [0, 50, 100])).toEqual([10, 20, 30]);
    expect(percentiles([NaN, NaN], [50])).toEqual([NaN]);
    expect(percentiles([], [50])).toEqual([NaN]);
  });

  it('of one value are that value', () => {
    expect(percentileOfSorted([7], 5)).toBe(7);
    expect(percentileOfSorted([7], 95)).toBe(7);
  });

  it('select the same numbers a full sort gives, with repeats, NaN and any percentiles', () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: false }), fc.constant(Number.NaN));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 7 }), (xs, ps) => {
        const sorted = Float64Array.from(xs.filter((x) => !Number.isNaN(x))).sort();
        const want = ps.map((p) => percentileOfSorted(sorted, p));
        const got = percentiles(xs, ps);
        // Object.is, so a -0 where a sort gives 0 (or the reverse) fails too.
        got.forEach((x, i) => expect(Object.is(x, want[i]), `${x} for ${want[i]}`).toBe(true));
      }),
      { numRuns: 500 },
    );
  });

  it('give -0 where a sort puts -0', () => {
    expect(percentiles([0, -0, 1], [0, 50, 100]).map((x) => Object.is(x, -0))).toEqual([true, false, false]);
    expect(percentiles([0, -0, -0, 0], [0, 100]).map((x) => Object.is(x, -0))).toEqual([true, false]);
  });

  it('put the k-th smallest value at each rank k asked for, nothing larger before it', () => {
    const a = Float64Array.from({ length: 1001 }, (_, i) => (i * 7919) % 1001);
    selectRanks(a, 0, a.length - 1, Int32Array.of(10, 500, 990), 0, 2, 30);
    for (const k of [10, 500, 990]) {
      expect(a[k]).toBe(k);
      expect(Math.max(...a.subarray(0, k))).toBeLessThanOrEqual(k);
      expect(Math.min(...a.subarray(k + 1))).toBeGreaterThanOrEqual(k);
    }
    const same = new Float64Array(5000).fill(2);
    selectRanks(same, 0, same.length - 1, Int32Array.of(0, 4999), 0, 1, 30);
    expect(same[4999]).toBe(2);
  });
});
