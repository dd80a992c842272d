import { describe, expect, it } from 'vitest';
import { fromZero } from './from-zero.js';

describe('a y range from zero', () => {
  it('starts positive data at zero, with room above', () => {
    expect(fromZero(60, 200)).toEqual([0, 210]);
  });

  it('ends negative data at zero, with room below', () => {
    expect(fromZero(-20, -5)).toEqual([-21, 0]);
  });

  it('pads both ends of data on both sides of zero', () => {
    expect(fromZero(-10, 10)).toEqual([-11, 11]);
  });

  it('gives a usable range for all-zero or missing data', () => {
    expect(fromZero(0, 0)).toEqual([0, 1]);
    expect(fromZero(NaN, 3)).toEqual([0, 1]);
  });
});
