import { describe, expect, it } from 'vitest';
import { canonicalName } from '@sluice/ir';
import type { Project, Variable } from '@sluice/ir';
import { compile } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import { aux, eq, project } from './fixtures.test.js';

/** Stella functions beyond the standard, compiled and run on inline models. */
function run(p: Project): (name: string) => number[] {
  const c = compile(p);
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
  const r = simulate(c.value);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return (name) => [...r.value.columns.find((x) => x.ident === canonicalName(name))!.values];
}

function failure(p: Project): string {
  const c = compile(p);
  return c.ok ? 'compiled' : c.diagnostics.map((d) => d.message).join('\n');
}

const table = (name: string, xs: number[], ys: number[]): Variable => ({ kind: 'aux', name, ident: canonicalName(name), equation: eq('TIME'), gf: { type: 'continuous', xs, ys } });

describe('HISTORY', () => {
  it('reads a value at an earlier time, interpolating between steps, and now itself', () => {
    const of = run(project([aux('x', 'TIME * TIME'), aux('back2', 'HISTORY(x, TIME - 2)'), aux('at3', 'HISTORY(x, 3)'), aux('half', 'HISTORY(x, 2.5)'), aux('now', 'HISTORY(x, TIME)')], { stop: 6 }));
    // Before there is history the initial value of x (0).
    expect(of('back2')).toEqual([0, 0, 0, 1, 4, 9, 16]);
    expect(of('at3').slice(3)).toEqual([9, 9, 9, 9]);
    expect(of('half').slice(3)).toEqual([6.5, 6.5, 6.5, 6.5]);
    expect(of('now')).toEqual([0, 1, 4, 9, 16, 25, 36]);
  });
});

describe('LOOKUPINV', () => {
  it('reads a rising graphical function backwards, clamping outside its values', () => {
    const of = run(project([table('g', [0, 1, 2], [0, 10, 40]), aux('y', 'TIME * 10'), aux('x', 'LOOKUPINV(g, y)')], { stop: 5 }));
    expect(of('x')).toEqual([0, 1, 1 + 10 / 30, 1 + 20 / 30, 2, 2]);
  });

  it('reads a falling one backwards too', () => {
    const of = run(project([table('g', [0, 1, 2], [40, 10, 0]), aux('x', 'LOOKUPINV(g, 25)')], { stop: 1 }));
    expect(of('x')).toEqual([0.5, 0.5]);
  });

  it('refuses a table that is not monotonic, and an argument that is not a table', () => {
    expect(failure(project([table('g', [0, 1, 2], [0, 10, 5]), aux('x', 'LOOKUPINV(g, 3)')]))).toBe(
      'LOOKUPINV: the graphical function must only rise or only fall to be inverted',
    );
    expect(failure(project([aux('g', '3'), aux('x', 'LOOKUPINV(g, 3)')]))).toBe('LOOKUPINV: the first argument must name a graphical function');
  });
});

describe('SINWAVE and COSWAVE', () => {
  it('are waves of the given amplitude and period in TIME', () => {
    const of = run(project([aux('s', 'SINWAVE(2, 4)'), aux('c', 'COSWAVE(2, 4)')], { stop: 4 }));
    const near = (xs: number[]) => xs.map((x) => Math.round(x * 1e9) / 1e9 + 0);
    expect(near(of('s'))).toEqual([0, 2, 0, -2, 0]);
    expect(near(of('c'))).toEqual([2, 0, -2, 0, 2]);
  });
});

describe('unknown functions', () => {
  it('stay an error naming the function', () => {
    expect(failure(project([aux('x', 'FROBNICATE(1)')]))).toBe("unknown function 'FROBNICATE'");
  });
});

describe('NPV in an XMILE model', () => {
  it('takes Stella\'s two-argument form, the initial value 0 and factor 1', () => {
    const of = run(project([aux('v', 'NPV(100, 0.1)'), aux('w', 'NPV(100, 0.1, 5, 2)')], { stop: 2 }));
    // Each period's 100 discounted by 1/(1 + 0.1) per period, the current period undiscounted.
    const expected = [100, 100 + 100 / 1.1, 100 + 100 / 1.1 + 100 / 1.21];
    of('v').forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 9));
    of('w').forEach((x, i) => expect(x).toBeCloseTo((expected[i]! + 5) * 2, 9));
  });

  it('names its argument counts when called with one', () => {
    expect(failure(project([aux('v', 'NPV(100)')]))).toBe('NPV takes 2, 3 or 4 arguments, not 1');
  });
});
