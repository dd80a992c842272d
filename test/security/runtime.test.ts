// Runtime faults: arithmetic that leaves the real numbers follows IEEE 754 in both dialects
// (x/0 is +-Infinity, 0/0 is NaN, NaN spreads and compares false), so a run never throws and
// a fault shows in the results where it happened; the guarded divisions (SAFEDIV, XIDZ, ZIDZ)
// give their fallback instead. Vensim's :NA: is its own number, -2^110. Runs too long for
// memory or time are refused before the first step.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@sluice/ir';
import { MAX_STEPS, MAX_SAVED_VALUES, simulate } from '@sluice/runtime';
import { column, errorLines, travel, type Trip } from './pipeline.js';

const xmile = (variables: string, specs = '<sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>') =>
  `<?xml version="1.0"?>\n<xmile version="1.0">\n${specs}\n<model><variables>\n${variables}\n</variables></model>\n</xmile>\n`;
const auxes = (eqs: Record<string, string>) => Object.entries(eqs).map(([n, e]) => `<aux name="${n}"><eqn>${e}</eqn></aux>`).join('\n');
const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const mdl = (body: string, control = CONTROL) => `{UTF-8}\n${body}\n${control}`;

/** The first row of each named column. */
function firstRow(trip: Trip, names: string[]): Record<string, number> {
  return Object.fromEntries(names.map((n) => [n, column(trip, n)[0]!]));
}

describe('IEEE 754 arithmetic, the same in both dialects', () => {
  const eqs = {
    pos: '1/0', neg: '-1/0', nan: '0/0', spread: 'nan + 1', ln0: 'LN(0)', sqrtneg: 'SQRT(-1)', overflow: 'EXP(1000)',
    infminusinf: 'pos - pos', zerotimesinf: '0 * pos', absneg: 'ABS(neg)', intnan: 'INT(nan)', minnan: 'MIN(nan, 1)', maxnan: 'MAX(1, nan)',
  };
  const expected = {
    pos: Infinity, neg: -Infinity, nan: NaN, spread: NaN, ln0: -Infinity, sqrtneg: NaN, overflow: Infinity,
    infminusinf: NaN, zerotimesinf: NaN, absneg: Infinity, intnan: NaN, minnan: NaN, maxnan: NaN,
  };

  it('XMILE', () => {
    const trip = travel(xmile(auxes(eqs)), 'ieee.xmile');
    expect(errorLines(trip)).toEqual([]);
    expect(firstRow(trip, Object.keys(expected))).toEqual(expected);
  });

  it('Vensim', () => {
    const trip = travel(mdl(Object.entries(eqs).map(([n, e]) => `${n} = ${e} ~~|`).join('\n')), 'ieee.mdl');
    expect(errorLines(trip)).toEqual([]);
    expect(firstRow(trip, Object.keys(expected))).toEqual(expected);
  });

  it('NaN compares false, so IF takes its ELSE branch, and NaN is not equal to itself', () => {
    const trip = travel(xmile(auxes({ nan: '0/0', above: 'IF nan > 0 THEN 1 ELSE 2', below: 'IF nan &lt;= 0 THEN 1 ELSE 2', self: 'IF nan = nan THEN 1 ELSE 2' })), 'if.xmile');
    expect(firstRow(trip, ['above', 'below', 'self'])).toEqual({ above: 2, below: 2, self: 2 });
  });

  it('XMILE MOD by zero is NaN', () => {
    const trip = travel(xmile(auxes({ m: '3 MOD 0' })), 'mod.xmile');
    expect(column(trip, 'm')).toEqual([NaN, NaN, NaN]);
  });
});

describe('guarded division', () => {
  it('SAFEDIV gives its fallback (or 0) for a zero denominator', () => {
    const trip = travel(xmile(auxes({ x: 'SAFEDIV(1, 0, 5)', z: 'SAFEDIV(1, 0)', ok: 'SAFEDIV(6, 3, 5)' })), 'safediv.xmile');
    expect(firstRow(trip, ['x', 'z', 'ok'])).toEqual({ x: 5, z: 0, ok: 2 });
  });

  it('Vensim XIDZ and ZIDZ give x and 0', () => {
    const trip = travel(mdl('x = XIDZ(1, 0, 5) ~~|\nz = ZIDZ(1, 0) ~~|\nok = ZIDZ(6, 3) ~~|'), 'xidz.mdl');
    expect(firstRow(trip, ['x', 'z', 'ok'])).toEqual({ x: 5, z: 0, ok: 2 });
  });

  it('Vensim :NA: is -2^110 and stays a number in arithmetic', () => {
    const trip = travel(mdl('na = :NA: ~~|\nnb = na + 1 ~~|'), 'na.mdl');
    expect(firstRow(trip, ['na', 'nb'])).toEqual({ na: -(2 ** 110), nb: -(2 ** 110) });
  });
});

describe('faults inside stocks and graphical functions', () => {
  it('a stock that overflows becomes Infinity and the run goes on', () => {
    const trip = travel(xmile('<stock name="s"><eqn>1</eqn><inflow>f</inflow></stock><flow name="f"><eqn>s * 1e300</eqn></flow>'), 'overflow.xmile');
    expect(errorLines(trip)).toEqual([]);
    expect(column(trip, 's')).toEqual([1, 1e300, Infinity]);
  });

  it('a non-negative stock whose outflow is NaN becomes NaN rather than hiding the fault', () => {
    const trip = travel(xmile('<stock name="s"><eqn>1</eqn><outflow>f</outflow><non_negative/></stock><flow name="f"><eqn>0/0</eqn></flow>'), 'nn.xmile');
    expect(column(trip, 's')).toEqual([1, NaN, NaN]);
  });

  it('a graphical function gives NaN for NaN and its end value for Infinity', () => {
    const trip = travel(xmile('<gf name="tab"><xscale min="0" max="1"/><ypts>0,1</ypts></gf>\n' + auxes({ atnan: 'tab(0/0)', atinf: 'tab(1/0)', atneginf: 'tab(-1/0)' })), 'gf.xmile');
    expect(firstRow(trip, ['atnan', 'atinf', 'atneginf'])).toEqual({ atnan: NaN, atinf: 1, atneginf: 0 });
  });
});

describe('runs too long are refused before the first step', () => {
  it(`more than ${MAX_STEPS} steps: the step-limit error, at once and without allocating the run`, () => {
    const heap = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const trip = travel(xmile(auxes({ a: '1' }), '<sim_specs><start>0</start><stop>1e15</stop><dt>1e-6</dt></sim_specs>'), 'huge.xmile');
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
    expect(trip.reached).toBe('simulate');
    // At <dt>, the number to change.
    expect(errorLines(trip)).toEqual(['huge.xmile:3:45: error: the run would take 1e+21 steps (more than 10000000); use a larger dt']);
  });

  it('the same from a .mdl and a .sluice file', () => {
    const m = travel(mdl('a = 1 ~~|', 'INITIAL TIME = 0 ~~|\nFINAL TIME = 1e15 ~~|\nTIME STEP = 1e-6 ~~|\nSAVEPER = TIME STEP ~~|\n'), 'huge.mdl');
    // A .mdl's limit error is placed at TIME STEP, a .sluice file's at its sim line.
    expect(errorLines(m)).toEqual(['huge.mdl:5:13: error: the run would take 1e+21 steps (more than 10000000); use a larger dt']);
    const s = travel('sim start 0 stop 1e15 dt 1e-6\naux a = 1\n', 'huge.sluice');
    expect(errorLines(s)).toEqual(['huge.sluice:1:1: error: the run would take 1e+21 steps (more than 10000000); use a larger dt']);
  });

  it('a run whose saved table would not fit is refused', () => {
    const many = auxes(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`v${i}`, `${i}`])));
    const trip = travel(xmile(many, '<sim_specs><start>0</start><stop>9000000</stop><dt>1</dt></sim_specs>'), 'wide.xmile');
    expect(9_000_001 * 31).toBeGreaterThan(MAX_SAVED_VALUES);
    expect(errorLines(trip)).toEqual(['wide.xmile:3:48: error: the run would save 9000001 rows of 30 variables; use a larger save step or fewer variables']);
  });

  it('an infinite stop time is refused at import, at FINAL TIME', () => {
    const trip = travel(mdl('a = 1 ~~|', 'INITIAL TIME = 0 ~~|\nFINAL TIME = 1e400 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n'), 'inf.mdl');
    expect(trip.reached).toBe('import');
    expect(errorLines(trip)).toEqual(['inf.mdl:4:14: error: FINAL TIME must be a finite number, not Infinity']);
  });

  it('timing a caller gives is its own mistake: no place in the file', () => {
    const compiled = travel(mdl('a = 1 ~~|', CONTROL), 'ok.mdl').compiled!;
    const r = simulate(compiled, { stop: 1e12, dt: 1e-6 });
    expect(r.ok ? [] : r.diagnostics.map((d) => formatDiagnostic(d))).toEqual(['<input>: error: the run would take 1000000000000000000 steps (more than 10000000); use a larger dt']);
    const save = simulate(compiled, { saveStep: -1 });
    expect(save.ok ? [] : save.diagnostics.map((d) => formatDiagnostic(d))).toEqual(['<input>: error: save step must be positive, not -1']);
  });
});
