import { describe, expect, it } from 'vitest';
import { niceStep, sliderRange, snapToStep } from './slider-range.js';

describe('slider range', () => {
  it('reads a Vensim-style range with step from the units', () => {
    expect(sliderRange(18, 'cases/FTE [10, 30, 0.5]')).toEqual({ min: 10, max: 30, step: 0.5, documented: true });
  });

  it('reads a range written in the documentation', () => {
    expect(sliderRange(0.2, 'dmnl', 'Share of contacts removed; range 0..0.9')).toEqual({ min: 0, max: 0.9, step: 0.01, documented: true });
    expect(sliderRange(5, undefined, 'min 1 max 9')).toEqual({ min: 1, max: 9, step: 0.1, documented: true });
  });

  it('fills an open end of a documented range from the default', () => {
    expect(sliderRange(40, '[0, ?]')).toMatchObject({ min: 0, max: 80, documented: true });
  });

  it('defaults to zero to twice a positive value', () => {
    expect(sliderRange(70)).toEqual({ min: 0, max: 140, step: 1, documented: false });
  });

  it('mirrors the default for a negative value and uses 0..1 for zero', () => {
    expect(sliderRange(-3)).toEqual({ min: -6, max: 0, step: 0.05, documented: false });
    expect(sliderRange(0)).toEqual({ min: 0, max: 1, step: 0.01, documented: false });
  });

  it('ignores a documented range that is empty', () => {
    expect(sliderRange(10, '[5, 5]')).toMatchObject({ min: 0, max: 20, documented: false });
  });

  it('rounds steps to 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(140)).toBe(1);
    expect(niceStep(0.9)).toBe(0.01);
    expect(niceStep(30)).toBe(0.2);
    expect(niceStep(600)).toBe(5);
  });

  it('snaps to the step without binary noise', () => {
    const range = { min: 0, max: 1, step: 0.1, documented: false };
    expect(snapToStep(0.30000000000000004, range)).toBe(0.3);
    expect(snapToStep(0.74, range)).toBe(0.7);
    expect(snapToStep(2, range)).toBe(1);
  });
});
