import { describe, expect, it } from 'vitest';
import { createHelpers } from './helpers.js';
import { numberLiteral } from './number-literal.js';

const h = createHelpers({ start: 0, dt: 1, steps: 10, delays: 0, random: () => 0.5 });
// Points (0, 0), (1, 10), (3, 30): xs then ys.
const g = Float64Array.from([0, 1, 3, 0, 10, 30]);

describe('graphical function interpolation', () => {
  it('continuous: exact at points, linear between, clamped to the end values outside', () => {
    expect([0, 1, 3].map((x) => h.lookup(g, 0, 3, x))).toEqual([0, 10, 30]);
    expect([0.5, 2, 2.5].map((x) => h.lookup(g, 0, 3, x))).toEqual([5, 20, 25]);
    expect([-5, 4, 100].map((x) => h.lookup(g, 0, 3, x))).toEqual([0, 30, 30]);
  });

  it('extrapolate: like continuous inside, extends the end segments outside', () => {
    expect([0.5, 2].map((x) => h.lookupExtrapolate(g, 0, 3, x))).toEqual([5, 20]);
    expect([-1, 4, 5].map((x) => h.lookupExtrapolate(g, 0, 3, x))).toEqual([-10, 40, 50]);
  });

  it('discrete: each point holds its value up to the next point', () => {
    expect([0, 0.5, 0.99, 1, 2.9, 3, 7].map((x) => h.lookupDiscrete(g, 0, 3, x))).toEqual([0, 0, 0, 10, 10, 30, 30]);
    expect(h.lookupDiscrete(g, 0, 3, -1)).toBe(0);
  });

  it('reads a table at an offset in the shared array', () => {
    const two = Float64Array.from([9, 9, 0, 2, 0, 4]); // a 1-point table, then (0,0),(2,4)
    expect(h.lookup(two, 2, 2, 1)).toBe(2);
  });
});

describe('arithmetic helpers', () => {
  it('MOD is floored: the result has the sign of the divisor', () => {
    expect([h.mod(7, 3), h.mod(-1, 3), h.mod(1, -3), h.mod(-7, -3)]).toEqual([1, 2, -2, -1]);
  });

  it('ROUND takes halves away from zero', () => {
    expect([h.round(2.5), h.round(-2.5), h.round(2.4), h.round(-0.6)]).toEqual([3, -3, 2, -1]);
  });

  it('SAFEDIV gives the fallback only when dividing by zero', () => {
    expect([h.safediv(1, 4, 9), h.safediv(1, 0, 9), h.safediv(1, 0, 0)]).toEqual([0.25, 9, 0]);
  });
});

describe('time inputs', () => {
  it('Stella PULSE delivers volume/DT in the step at each pulse time', () => {
    const dt = 0.5;
    const at = (t: number) => h.pulse(t, dt, 10, 1, 2);
    expect([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5].map(at)).toEqual([0, 0, 20, 0, 0, 0, 20, 0]);
    expect([0, 1, 2, 3].map((t) => h.pulse(t, 1, 5, 2, 0))).toEqual([0, 0, 5, 0]);
  });

  it('Vensim PULSE is 1 from start for width, one DT when width is 0', () => {
    expect([0, 1, 2, 3, 4].map((t) => h.pulseVensim(t, 1, 1, 2))).toEqual([0, 1, 1, 0, 0]);
    expect([0, 1, 2].map((t) => h.pulseVensim(t, 1, 1, 0))).toEqual([0, 1, 0]);
  });

  it('STEP switches at its time, forgiving float error in TIME', () => {
    expect([2, 2.9, 0.1 * 30, 4].map((t) => h.step(t, 0.1, 7, 3))).toEqual([0, 0, 7, 7]);
  });

  it('RAMP rises from start and stops rising at end', () => {
    expect([0, 1, 2, 3, 5].map((t) => h.ramp(t, 2, 1, 3))).toEqual([0, 0, 2, 4, 4]);
  });
});

describe('number literals in generated code', () => {
  it('round-trip every value, including the ones JS cannot write plainly', () => {
    for (const x of [0, -0, 1.5, -2, 0.1 + 0.2, 1e-300, 5e-324, Number.MAX_VALUE, NaN, Infinity, -Infinity]) {
      const back = new Function(`return ${numberLiteral(x)};`)() as number;
      expect(Object.is(back, x)).toBe(true);
    }
  });
});
