import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@sluice/ir';
import { simulate } from '@sluice/runtime';
import { importVensim } from '@sluice/vensim';
import { compile } from '../index.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|';
const DIMS = 'd: (d1-d3) ~~|\nv[d] = 3, 1, 2 ~~|\nsel[d] = 0, 1, 1 ~~|';

/** The value of `x` at each saved time of a Vensim model (its control section added). */
function run(equations: string): number[] {
  const imported = importVensim(`{UTF-8}\n${DIMS}\n${equations}\n${CONTROL}\n`, { file: 'm.mdl' });
  if (!imported.ok) throw new Error(imported.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  const compiled = compile(imported.value);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  const result = simulate(compiled.value, { seed: 1 });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return Array.from(result.value.columns.find((c) => c.ident === 'x')!.values);
}

/**
 * Every builtin the Vensim-import issue lists, each in a tiny model with its values over
 * TIME = 0..4 (DT 1), so none can go missing without a failing test. Random draws are checked
 * for range only.
 */
const CASES: [string, string, number[] | ((xs: number[]) => boolean)][] = [
  ['INTEG', 'x = INTEG(1, 2) ~~|', [2, 3, 4, 5, 6]],
  // The initial value seeds the stock; the reported value is the active equation's.
  ['ACTIVE INITIAL', 'a = ACTIVE INITIAL(Time + 1, 7) ~~|\ns = INTEG(0, a) ~~|\nx = s + a ~~|', [8, 9, 10, 11, 12]],
  ['INITIAL', 'x = INITIAL(Time + 5) ~~|', [5, 5, 5, 5, 5]],
  ['SMOOTH', 'x = SMOOTH(STEP(4, 1), 2) ~~|', [0, 0, 2, 3, 3.5]],
  ['SMOOTHI', 'x = SMOOTHI(4, 2, 2) ~~|', [2, 3, 3.5, 3.75, 3.875]],
  ['SMOOTH3', 'x = SMOOTH3(3, 3) ~~|', [3, 3, 3, 3, 3]],
  ['SMOOTH3I', 'x = SMOOTH3I(3, 3, 0) ~~|', [0, 0, 0, 3, 3]],
  ['SMOOTH N', 'x = SMOOTH N(3, 3, 0, 3) ~~|', [0, 0, 0, 3, 3]],
  ['DELAY1', 'x = DELAY1(4, 2) ~~|', [4, 4, 4, 4, 4]],
  ['DELAY1I', 'x = DELAY1I(4, 2, 0) ~~|', [0, 2, 3, 3.5, 3.75]],
  ['DELAY3', 'x = DELAY3(3, 3) ~~|', [3, 3, 3, 3, 3]],
  ['DELAY3I', 'x = DELAY3I(3, 3, 0) ~~|', [0, 0, 0, 3, 3]],
  ['DELAY N', 'x = DELAY N(3, 3, 0, 3) ~~|', [0, 0, 0, 3, 3]],
  ['DELAY FIXED', 'x = DELAY FIXED(Time, 2, -1) ~~|', [-1, -1, 0, 1, 2]],
  ['TREND', 'x = TREND(5, 2, 0) ~~|', [0, 0, 0, 0, 0]],
  ['FORECAST', 'x = FORECAST(5, 2, 3) ~~|', [5, 5, 5, 5, 5]],
  ['NPV', 'x = NPV(1, 0, 0, 1) ~~|', [1, 2, 3, 4, 5]],
  ['PULSE', 'x = PULSE(1, 2) ~~|', [0, 1, 1, 0, 0]],
  ['PULSE TRAIN', 'x = PULSE TRAIN(0, 1, 2, 4) ~~|', [1, 0, 1, 0, 1]],
  ['STEP', 'x = STEP(3, 2) ~~|', [0, 0, 3, 3, 3]],
  ['RAMP', 'x = RAMP(2, 1, 3) ~~|', [0, 0, 2, 4, 4]],
  ['XIDZ', 'x = XIDZ(1, Time, -1) ~~|', [-1, 1, 0.5, 1 / 3, 0.25]],
  ['ZIDZ', 'x = ZIDZ(1, Time) ~~|', [0, 1, 0.5, 1 / 3, 0.25]],
  ['MODULO', 'x = MODULO(Time, 3) ~~|', [0, 1, 2, 0, 1]],
  ['INTEGER', 'x = INTEGER(Time / 2) ~~|', [0, 0, 1, 1, 2]],
  ['QUANTUM', 'x = QUANTUM(Time, 3) ~~|', [0, 0, 0, 3, 3]],
  ['MIN', 'x = MIN(Time, 2) ~~|', [0, 1, 2, 2, 2]],
  ['MAX', 'x = MAX(Time, 2) ~~|', [2, 2, 2, 3, 4]],
  ['SUM', 'x = SUM(v[d!]) ~~|', [6, 6, 6, 6, 6]],
  ['PROD', 'x = PROD(v[d!]) ~~|', [6, 6, 6, 6, 6]],
  ['VMIN', 'x = VMIN(v[d!]) ~~|', [1, 1, 1, 1, 1]],
  ['VMAX', 'x = VMAX(v[d!]) ~~|', [3, 3, 3, 3, 3]],
  ['ELMCOUNT', 'x = ELMCOUNT(d) ~~|', [3, 3, 3, 3, 3]],
  ['VECTOR SELECT', 'x = VECTOR SELECT(sel[d!], v[d!], -1, 0, 0) ~~|', [3, 3, 3, 3, 3]],
  ['SAMPLE IF TRUE', 'x = SAMPLE IF TRUE(MODULO(Time, 2) = 0, Time, -1) ~~|', [0, 0, 2, 2, 4]],
  ['GAME', 'x = GAME(Time) ~~|', [0, 1, 2, 3, 4]],
  ['TIME STEP', 'x = TIME STEP ~~|', [1, 1, 1, 1, 1]],
  ['SAVEPER', 'x = SAVEPER * 2 ~~|', [2, 2, 2, 2, 2]],
  ['INITIAL TIME', 'x = INITIAL TIME + 1 ~~|', [1, 1, 1, 1, 1]],
  ['FINAL TIME', 'x = FINAL TIME + 1 ~~|', [5, 5, 5, 5, 5]],
  ['RANDOM UNIFORM', 'x = RANDOM UNIFORM(2, 3, 0) ~~|', (xs) => xs.every((x) => x >= 2 && x < 3)],
  ['RANDOM NORMAL', 'x = RANDOM NORMAL(0, 1, 0, 5, 0) ~~|', (xs) => xs.every((x) => x >= 0 && x <= 1)],
  ['RANDOM EXPONENTIAL', 'x = RANDOM EXPONENTIAL(0, 7, 5, 5, 0) ~~|', (xs) => xs.every((x) => x >= 5 && x <= 7)],
];

describe("the Vensim-import issue's builtins", () => {
  for (const [name, equations, expected] of CASES) {
    it(name, () => {
      const xs = run(equations);
      if (typeof expected === 'function') expect(expected(xs), xs.join(', ')).toBe(true);
      else expected.forEach((y, i) => expect(xs[i], `TIME = ${i} in ${xs.join(', ')}`).toBeCloseTo(y, 10));
    });
  }
});

describe("Vensim's lookup readings", () => {
  const table = 'tab((0, 0), (2, 10), (4, 20)) ~~|';
  it('LOOKUP EXTRAPOLATE extends the end segments', () => {
    expect(run(`${table}\nx = LOOKUP EXTRAPOLATE(tab, Time * 2 - 2) ~~|`)).toEqual([-10, 0, 10, 20, 30]);
  });
  it('LOOKUP FORWARD takes the next point at or beyond x', () => {
    expect(run(`${table}\nx = LOOKUP FORWARD(tab, Time - 0.5) ~~|`)).toEqual([0, 10, 10, 20, 20]);
  });
  it('GET DATA BETWEEN TIMES reads a series (here a lookup of time) at another time, by its mode', () => {
    expect(run(`${table}\nx = GET DATA BETWEEN TIMES(tab, Time - 0.5, 1) ~~|`)).toEqual([0, 10, 10, 20, 20]);
    expect(run(`${table}\nx = GET DATA BETWEEN TIMES(tab, Time + 0.5, -1) ~~|`)).toEqual([0, 0, 10, 10, 20]);
    expect(run(`${table}\nx = GET DATA BETWEEN TIMES(tab, Time + 1, 0) ~~|`)).toEqual([5, 10, 15, 20, 20]);
  });
  it('LOOKUP BACKWARD takes the last point at or below x', () => {
    expect(run(`${table}\nx = LOOKUP BACKWARD(tab, Time + 0.5) ~~|`)).toEqual([0, 0, 10, 10, 20]);
  });
});

describe("Vensim's matrix and vector functions", () => {
  it('INVERT MATRIX inverts over the last two subscripts', () => {
    const m = 'r: (r1-r2) ~~|\nk: (k1-k2) ~~|\nm[r, k] = 4, 7; 2, 6 ~~|\ninv[r, k] = INVERT MATRIX(m[r, k], 2) ~~|\nx = inv[r1, k1] * 100 + inv[r2, k1] * 10 + inv[r1, k2] ~~|';
    // The inverse of [[4, 7], [2, 6]] is [[0.6, -0.7], [-0.2, 0.4]].
    expect(run(m)[0]).toBeCloseTo(60 - 2 - 0.7, 12);
  });
  it('VECTOR SELECT pairs wildcards of different dimensions as all combinations', () => {
    const m = 'e: (e1-e2) ~~|\nw[e] = 2, 5 ~~|\nx = VECTOR SELECT(sel[d!], w[e!], -1, 6, 0) ~~|';
    // Two selected elements of d, each with both elements of e: 2 * (2 + 5).
    expect(run(m)[0]).toBe(14);
  });
  it('ALLOCATE BY PRIORITY fills the higher priority first, sharing over the width', () => {
    const m = 'q: (q1-q2) ~~|\nreq[q] = 4, 4 ~~|\npri[q] = 2, 1 ~~|\nsupply = IF THEN ELSE(Time < 2, 6, 2) ~~|\na[q] = ALLOCATE BY PRIORITY(req[q], pri[q], ELMCOUNT(q), 1, supply) ~~|\nx = a[q1] * 10 + a[q2] ~~|';
    // Supply 6: level 0.5, so 4 and 4 * 0.5; supply 2: level 1.5, so 4 * 0.5 and nothing.
    const xs = run(m);
    expect(xs[0]).toBeCloseTo(42, 12);
    expect(xs[2]).toBeCloseTo(20, 12);
  });
  it('VECTOR SORT ORDER, VECTOR RANK and VECTOR ELM MAP read the vector along the equation\'s dimension', () => {
    // v = 3, 1, 2: ascending order is d2, d3, d1.
    const m =
      'o[d] = VECTOR SORT ORDER(v[d], 1) ~~|\nod[d] = VECTOR SORT ORDER(v[d], -1) ~~|\nr[d] = VECTOR RANK(v[d], 1) ~~|\nrd[d] = VECTOR RANK(v[d], 0) ~~|\n' +
      'e[d] = VECTOR ELM MAP(v[d], o[d]) ~~|\n' +
      'x = o[d1] * 100 + o[d2] * 10 + o[d3] + od[d1] * 1e5 + od[d2] * 1e4 + od[d3] * 1e3 + r[d1] * 1e8 + r[d2] * 1e7 + r[d3] * 1e6 + rd[d1] * 1e11 + rd[d2] * 1e10 + rd[d3] * 1e9 + e[d1] * 1e14 + e[d2] * 1e13 + e[d3] * 1e12 ~~|';
    // e: the sorted values 1, 2, 3; rd: 1, 3, 2; r: 3, 1, 2; od: 0, 2, 1; o: 1, 2, 0.
    expect(run(m)[0]).toBe(123_132_312_021_120);
  });
});
