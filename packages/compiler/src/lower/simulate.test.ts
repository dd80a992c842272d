import { describe, expect, it } from 'vitest';
import { canonicalName } from '@sluice/ir';
import type { IntegrationMethod, Model, Project, Variable } from '@sluice/ir';
import { compile } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import { aux, eq, flow, project, stock } from './fixtures.test.js';

/**
 * End to end: lowered models compiled and run, checked against closed forms and conservation.
 * These pin down the semantics (stage times, initial values), not just the shape of the IR.
 */
function run(p: Project, method: IntegrationMethod = 'euler'): { times: Float64Array; of: (name: string) => Float64Array } {
  p.simSpecs.method = method;
  const compiled = compile(p);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
  const result = simulate(compiled.value);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  const { times, columns } = result.value;
  return {
    times,
    of: (name) => {
      const c = columns.find((col) => col.ident === canonicalName(name) || col.name === name);
      if (!c) throw new Error(`no column ${name} among ${columns.map((col) => col.name).join(', ')}`);
      return c.values;
    },
  };
}

describe('lowered stateful builtins, simulated', () => {
  it('SMTH1 of a constant input follows the Euler closed form 10 * (1 - 0.8^t) exactly', () => {
    const r = run(project([aux('x', '10'), aux('s', 'SMTH1(x, 5, 0)')]));
    r.times.forEach((t, k) => expect(r.of('s')[k]).toBeCloseTo(10 * (1 - 0.8 ** t), 12));
  });

  it('SMTH1 of a step, with a small DT, follows the continuous exponential approach', () => {
    const p = project([aux('x', 'STEP(10, 2)'), aux('s', 'SMTH1(x, 5)')], { dt: 1 / 64, stop: 20 });
    const r = run(p, 'rk4');
    r.times.forEach((t, k) => {
      const expected = t < 2 ? 0 : 10 * (1 - Math.exp(-(t - 2) / 5));
      expect(Math.abs(r.of('s')[k]! - expected)).toBeLessThan(0.01);
    });
  });

  it('DELAY3 of a pulse conserves the material: what is in transit plus what came out is the pulse', () => {
    const p = project(
      [
        flow('sent', 'PULSE(100, 1)'),
        flow('arriving', 'DELAY3(sent, 4)'),
        stock('in transit', '0', ['sent'], ['arriving']),
        stock('delivered', '0', ['arriving']),
      ],
      { dt: 0.25, stop: 60 },
    );
    const r = run(p);
    const inTransit = r.of('in transit');
    const delivered = r.of('delivered');
    r.times.forEach((t, k) => {
      if (t > 1) expect(inTransit[k]! + delivered[k]!).toBeCloseTo(100, 9);
    });
    expect(delivered[delivered.length - 1]).toBeCloseTo(100, 6);
    // A third-order delay releases nothing in the step the pulse arrives.
    expect(r.of('arriving')[r.times.indexOf(1)]).toBe(0);
  });

  it('DELAY1 with an initial value starts its output there', () => {
    const r = run(project([aux('x', '0'), aux('d', 'DELAY1(x, 2, 7)')]));
    expect(r.of('d')[0]).toBe(7);
    expect(r.of('d')[1]).toBeCloseTo(3.5, 12);
  });

  it('TREND of exponential growth at 10% reads 0.1, and FORCST extrapolates it', () => {
    const p = project(
      [aux('x', '100 * EXP(0.1 * TIME)'), aux('g', 'TREND(x, 2, 0.1)'), aux('f', 'FORCST(x, 2, 5, 0.1)')],
      { dt: 1 / 32, stop: 10 },
    );
    const r = run(p, 'rk4');
    r.times.forEach((t, k) => {
      expect(r.of('g')[k]).toBeCloseTo(0.1, 5);
      expect(r.of('f')[k]! / r.of('x')[k]!).toBeCloseTo(1.5, 5);
    });
  });

  it('Vensim DELAY N: a step in the delay time reaches the second stage one step later', () => {
    const r = run(project([aux('input', '4'), aux('lag', '4 + STEP(2, 3)'), aux('d', 'DELAY_N(input, lag, 6, 2)')], { dialect: 'vensim', stop: 8 }));
    // Reference: stage k drains over the delay time stage k-1 had a step earlier.
    const lag = (t: number) => (t >= 3 ? 6 : 4);
    let stocks = [12, 12];
    let times = [lag(0), lag(0)];
    const expected: number[] = [];
    for (let t = 0; t <= 8; t++) {
      const out = stocks.map((s, k) => s / (times[k]! / 2));
      expected.push(out[1]!);
      stocks = [stocks[0]! + 4 - out[0]!, stocks[1]! + out[0]! - out[1]!];
      times = [lag(t + 1), times[0]!];
    }
    r.times.forEach((_, k) => expect(r.of('d')[k]).toBeCloseTo(expected[k]!, 12));
  });

  it('Vensim SMOOTH3 matches its three-stage Euler recurrence', () => {
    const r = run(project([aux('x', '9'), aux('s', 'SMOOTH3I(x, 3, 0)')], { dialect: 'vensim', stop: 3 }));
    // Stages of one time unit each, DT 1: stage i takes the previous stage's value one step later.
    expect(Array.from(r.of('s'))).toEqual([0, 0, 0, 9]);
  });
});

describe('modules and macros, simulated', () => {
  it('two instances of one model grow independently, each at its own connected rate', () => {
    const population: Model = {
      name: 'Population',
      ident: 'population',
      variables: [stock('Pop', '100', ['births']), flow('births', 'pop * rate'), { ...aux('rate', '0'), access: 'input' }],
    };
    const module = (name: string, from: string): Variable => ({
      kind: 'module',
      name,
      ident: canonicalName(name),
      model: 'population',
      connections: [{ from, to: 'rate' }],
    });
    const p = project([module('A', 'slow'), module('B', 'fast'), aux('slow', '0.1'), aux('fast', '0.2'), aux('total', 'a.pop + b.pop')], {
      models: [population],
      stop: 5,
    });
    const r = run(p);
    r.times.forEach((t, k) => {
      expect(r.of('A.Pop')[k]).toBeCloseTo(100 * 1.1 ** t, 9);
      expect(r.of('B.Pop')[k]).toBeCloseTo(100 * 1.2 ** t, 9);
      expect(r.of('total')[k]).toBeCloseTo(100 * 1.1 ** t + 100 * 1.2 ** t, 9);
    });
  });

  it('a macro holding a stock, called twice, keeps one stock per call', () => {
    const level: Variable = { kind: 'stock', name: 'ACCUM', ident: 'accum', equation: eq('start'), netFlow: eq('rate'), inflows: [], outflows: [], nonNegative: false };
    const p: Project = {
      ...project([aux('a', 'ACCUM(1, 0)'), aux('b', 'ACCUM(2, 10)')], { dialect: 'vensim', stop: 4 }),
      macros: [{ name: 'ACCUM', ident: 'accum', parameters: ['rate', 'start'], variables: [level] }],
    };
    const r = run(p);
    expect(Array.from(r.of('a'))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(r.of('b'))).toEqual([10, 12, 14, 16, 18]);
  });
});
