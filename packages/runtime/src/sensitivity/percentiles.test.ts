import { describe, expect, it } from 'vitest';
import { percentileOfSorted, percentiles } from './percentiles.js';

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
});
