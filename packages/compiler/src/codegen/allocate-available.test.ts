import { describe, expect, it } from 'vitest';
import { allocateAvailable, erfc, PRIORITY_TYPE } from './allocate-available.js';

type Profile = [type: number, priority: number, width: number, extra: number];

/** Every requester's allocation: requests in slots 0..n-1, then each profile's four numbers. */
function allocate(requests: number[], profiles: Profile[], avail: number): number[] {
  const n = requests.length;
  const v = new Float64Array([...requests, ...profiles.flat()]);
  return requests.map((_, i) => allocateAvailable(v, 0, 1, n, 4, 1, n, avail, i));
}

const { fixed, rectangular, triangular, normal, exponential } = PRIORITY_TYPE;

describe('erfc', () => {
  it('matches the complementary error function to the last digits', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(0.2)).toBeCloseTo(0.7772974107895215, 15);
    expect(erfc(0.5)).toBeCloseTo(0.4795001221869535, 15);
    expect(erfc(1)).toBeCloseTo(0.15729920705028513, 15);
    expect(erfc(3) / 2.2090496998585438e-5).toBeCloseTo(1, 13);
    expect(erfc(-1)).toBeCloseTo(1.842700792949715, 15);
    expect(erfc(40)).toBe(0);
    expect(erfc(-40)).toBe(2);
  });
});

describe('ALLOCATE AVAILABLE', () => {
  it('gives every request when the supply covers them, and nothing from no supply', () => {
    const pp: Profile[] = [[rectangular, 5, 2, 0], [rectangular, 3, 2, 0]];
    expect(allocate([10, 10], pp, 25)).toEqual([10, 10]);
    expect(allocate([10, 10], pp, 0)).toEqual([0, 0]);
    expect(allocate([10, -3], pp, 25)).toEqual([10, 0]);
  });

  it('rectangular: the higher priority is filled before a lower one more than a width below', () => {
    // Level 3.6: the first is full (its ramp runs 4..6), the second gets 0.5 - (3.6 - 3) / 2.
    const [a, b] = allocate([10, 10], [[rectangular, 5, 2, 0], [rectangular, 3, 2, 0]], 12);
    expect(a).toBeCloseTo(10, 12);
    expect(b).toBeCloseTo(2, 12);
  });

  it('rectangular: overlapping ramps share linearly', () => {
    // 10 * (3 - x/2) + 10 * (2.75 - x/2) = 10 at x = 4.75.
    const [a, b] = allocate([10, 10], [[rectangular, 5, 2, 0], [rectangular, 4.5, 2, 0]], 10);
    expect(a).toBeCloseTo(6.25, 12);
    expect(b).toBeCloseTo(3.75, 12);
  });

  it('triangular: at the level halfway between the priorities, 1 - 2 (1/4)^2 and 2 (1/4)^2', () => {
    const [a, b] = allocate([10, 10], [[triangular, 5, 2, 0], [triangular, 4, 2, 0]], 10);
    expect(a).toBeCloseTo(8.75, 12);
    expect(b).toBeCloseTo(1.25, 12);
  });

  it('normal: the width is the standard deviation; halfway between priorities one apart each gets Φ(±0.5)', () => {
    const [a, b] = allocate([10, 10], [[normal, 5, 1, 0], [normal, 4, 1, 0]], 10);
    expect(a).toBeCloseTo(6.914624612740131, 12);
    expect(b).toBeCloseTo(10 - 6.914624612740131, 12);
  });

  it('exponential: the two-sided exponential of scale width, 1 - e^-0.5 / 2 halfway', () => {
    const [a, b] = allocate([10, 10], [[exponential, 5, 1, 0], [exponential, 4, 1, 0]], 10);
    expect(a).toBeCloseTo(6.967346701436833, 12);
    expect(b).toBeCloseTo(10 - 6.967346701436833, 12);
  });

  it('equal priorities share in proportion to the requests', () => {
    const [a, b] = allocate([30, 10], [[normal, 2, 1, 0], [normal, 2, 1, 0]], 20);
    expect(a).toBeCloseTo(15, 12);
    expect(b).toBeCloseTo(5, 12);
  });

  it('fixed quantity: served first; rationed in proportion when fixed requests alone exceed the supply', () => {
    expect(allocate([4, 10], [[fixed, 0, 0, 0], [rectangular, 5, 2, 0]], 6).map((x) => +x.toFixed(12))).toEqual([4, 2]);
    expect(allocate([4, 10, 12], [[fixed, 0, 0, 0], [rectangular, 5, 2, 0], [fixed, 9, 9, 0]], 8)).toEqual([2, 0, 6]);
  });

  it('profiles computed during the run: constant elasticity, integer forms and widths that are not positive give NaN', () => {
    expect(allocate([10, 10], [[5, 5, 1, 2], [normal, 4, 1, 0]], 10)[1]).toBeNaN();
    expect(allocate([10, 10], [[13, 5, 1, 0], [normal, 4, 1, 0]], 10)[1]).toBeNaN();
    expect(allocate([10, 10], [[normal, 5, 0, 0], [normal, 4, 1, 0]], 10)[0]).toBeNaN();
    expect(allocate([10, 10], [[normal, 5, 1, 0], [normal, 4, 1, 0]], NaN)[0]).toBeNaN();
  });
});
