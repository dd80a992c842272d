import { describe, expect, it } from 'vitest';
import { canonicalName, type GraphicalFunction, type Project, type SimSpecs, type Variable } from '@sluice/ir';
import { parseEquation } from '@sluice/language';
import { compile } from '@sluice/compiler';
import { simulate, type RunResult } from './index.js';

interface Spec {
  kind?: 'stock' | 'flow' | 'aux';
  name: string;
  eqn?: string;
  inflows?: string[];
  outflows?: string[];
  nonNegative?: boolean;
  gf?: GraphicalFunction;
}

/** A one-model project from inline equations; variable i sits on line i + 1 of 'm.xmile'. */
function project(specs: Spec[], sim: Partial<SimSpecs> = {}, dialect: Project['dialect'] = 'xmile'): Project {
  const variables = specs.map((s, i): Variable => {
    const loc = { file: 'm.xmile', line: i + 1, column: 1 };
    const base = { name: s.name, ident: canonicalName(s.name), loc };
    const eq = s.eqn === undefined ? undefined : { text: s.eqn, expr: parseEquation(s.eqn, { file: 'm.xmile', line: i + 1, column: 1 }).expr, loc };
    const withEq = { ...base, ...(eq ? { equation: eq } : {}), ...(s.gf ? { gf: s.gf } : {}) };
    if (s.kind === 'stock') {
      return { ...withEq, kind: 'stock', inflows: (s.inflows ?? []).map(canonicalName), outflows: (s.outflows ?? []).map(canonicalName), nonNegative: s.nonNegative ?? false };
    }
    if (s.kind === 'flow') return { ...withEq, kind: 'flow', nonNegative: s.nonNegative ?? false };
    return { ...withEq, kind: 'aux' };
  });
  return {
    dialect,
    simSpecs: { start: 0, stop: 4, dt: 1, method: 'euler', ...sim },
    units: [],
    dimensions: [],
    models: [{ variables }],
    macros: [],
  };
}

function run(p: Project, options: Parameters<typeof simulate>[1] = {}): RunResult {
  const c = compile(p);
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
  const r = simulate(c.value, options);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

const col = (r: RunResult, name: string): number[] => Array.from(r.columns.find((c) => c.ident === canonicalName(name))!.values);

const decay = (sim: Partial<SimSpecs> = {}): Project =>
  project(
    [
      { kind: 'stock', name: 'Water', eqn: '100', outflows: ['drain'] },
      { kind: 'flow', name: 'drain', eqn: 'Water * rate' },
      { name: 'rate', eqn: '0.5' },
    ],
    sim,
  );

describe('Euler integration', () => {
  it('decays a stock by dt * outflow each step, saving stocks and the flows computed from them', () => {
    const r = run(decay());
    expect(Array.from(r.times)).toEqual([0, 1, 2, 3, 4]);
    expect(col(r, 'Water')).toEqual([100, 50, 25, 12.5, 6.25]);
    expect(col(r, 'drain')).toEqual([50, 25, 12.5, 6.25, 3.125]);
    expect(col(r, 'rate')).toEqual([0.5, 0.5, 0.5, 0.5, 0.5]);
  });

  it('saves every saveStep, at times computed from the row number', () => {
    const r = run(decay({ dt: 0.1, stop: 1, saveStep: 0.5 }));
    expect(Array.from(r.times)).toEqual([0, 0.5, 1]);
    expect(col(r, 'Water')[1]).toBeCloseTo(100 * 0.95 ** 5, 12);
    expect(col(r, 'Water')[2]).toBeCloseTo(100 * 0.95 ** 10, 12);
  });

  it('takes overrides of constants by display name in any spelling, without recompiling', () => {
    const c = compile(decay());
    if (!c.ok) throw new Error('compile failed');
    const a = simulate(c.value, { overrides: { RATE: 0.25 } });
    const b = simulate(c.value, { overrides: { water: 10 } });
    if (!a.ok || !b.ok) throw new Error('run failed');
    expect(Array.from(a.value.columns.find((x) => x.ident === 'water')!.values)).toEqual([100, 75, 56.25, 42.1875, 31.640625]);
    expect(Array.from(b.value.columns.find((x) => x.ident === 'water')!.values)).toEqual([10, 5, 2.5, 1.25, 0.625]);
  });

  it('resolves names the same on every run of one compiled model, whatever the previous run asked', () => {
    const c = compile(decay());
    if (!c.ok) throw new Error('compile failed');
    const first = simulate(c.value, { vars: ['drain'] });
    const all = simulate(c.value);
    const again = simulate(c.value, { vars: ['Rate', 'WATER'], overrides: { rate: 0.25 } });
    const refused = simulate(c.value, { overrides: { drain: 1 } });
    if (!first.ok || !all.ok || !again.ok) throw new Error('run failed');
    expect(first.value.columns.map((x) => x.ident)).toEqual(['drain']);
    expect(all.value.columns.map((x) => x.ident).sort()).toEqual(['drain', 'rate', 'water']);
    expect(again.value.columns.map((x) => x.ident)).toEqual(['rate', 'water']);
    expect(Array.from(again.value.columns[1]!.values)).toEqual([100, 75, 56.25, 42.1875, 31.640625]);
    expect(refused.ok ? [] : refused.diagnostics.map((d) => d.code)).toEqual(['bad-override']);
  });

  it('reports only the variables asked for', () => {
    const r = run(decay(), { vars: ['WATER'] });
    expect(r.columns.map((c) => c.name)).toEqual(['Water']);
  });
});

describe('Runge-Kutta integration', () => {
  const growth = (method: 'rk2' | 'rk4', dt: number): Project =>
    project(
      [
        { kind: 'stock', name: 'P', eqn: '1', inflows: ['births'] },
        { kind: 'flow', name: 'births', eqn: 'P' },
      ],
      { stop: 1, dt, method },
    );

  it('RK4 follows exp(t) to within the method error of order dt^4', () => {
    expect(col(run(growth('rk4', 0.1)), 'P')[10]).toBeCloseTo(Math.E, 5);
    const p = col(run(growth('rk4', 0.25)), 'P');
    // One RK4 step of y' = y multiplies y by 1 + h + h^2/2 + h^3/6 + h^4/24.
    const h = 0.25;
    const factor = 1 + h + h ** 2 / 2 + h ** 3 / 6 + h ** 4 / 24;
    expect(p[4]).toBeCloseTo(factor ** 4, 14);
  });

  it("RK2 is Heun's method: one step multiplies y by 1 + h + h^2/2", () => {
    const p = col(run(growth('rk2', 0.5)), 'P');
    expect(p[2]).toBeCloseTo((1 + 0.5 + 0.125) ** 2, 14);
  });

  it('a method passed to simulate replaces the compiled one', () => {
    const c = compile(growth('rk4', 0.5));
    if (!c.ok) throw new Error('compile failed');
    const r = simulate(c.value, { method: 'euler' });
    if (!r.ok) throw new Error('run failed');
    expect(Array.from(r.value.columns[0]!.values)).toEqual([1, 1.5, 2.25]);
  });
});

describe('non-negative stocks and uniflows', () => {
  it('cuts an outflow so the stock stops at zero, and reports the cut flow', () => {
    const r = run(
      project([
        { kind: 'stock', name: 'S', eqn: '5', outflows: ['out'], inflows: [], nonNegative: true },
        { kind: 'flow', name: 'out', eqn: '2' },
      ]),
    );
    expect(col(r, 'S')).toEqual([5, 3, 1, 0, 0]);
    expect(col(r, 'out')).toEqual([2, 2, 1, 0, 0]);
  });

  it('shares what is left among outflows in the order they are listed', () => {
    const r = run(
      project([
        { kind: 'stock', name: 'S', eqn: '10', inflows: ['in'], outflows: ['first', 'second'], nonNegative: true },
        { kind: 'flow', name: 'in', eqn: '1' },
        { kind: 'flow', name: 'first', eqn: '8' },
        { kind: 'flow', name: 'second', eqn: '4' },
      ]),
    );
    // Step 0: 10 held + 1 in = 11: first takes 8, second 3. Then 0 held + 1 in: first takes it all.
    expect(col(r, 'first')).toEqual([8, 1, 1, 1, 1]);
    expect(col(r, 'second')).toEqual([3, 0, 0, 0, 0]);
    expect(col(r, 'S')).toEqual([10, 0, 0, 0, 0]);
  });

  it('the stock downstream of a cut flow receives only what was cut to', () => {
    const r = run(
      project([
        { kind: 'stock', name: 'A', eqn: '3', outflows: ['move'], nonNegative: true },
        { kind: 'flow', name: 'move', eqn: '2' },
        { kind: 'stock', name: 'B', eqn: '0', inflows: ['move'] },
      ]),
    );
    expect(col(r, 'A')).toEqual([3, 1, 0, 0, 0]);
    expect(col(r, 'B')).toEqual([0, 2, 3, 3, 3]);
  });

  it('a stock that is not non-negative goes below zero', () => {
    const r = run(
      project([
        { kind: 'stock', name: 'S', eqn: '3', outflows: ['out'] },
        { kind: 'flow', name: 'out', eqn: '2' },
      ]),
    );
    expect(col(r, 'S')).toEqual([3, 1, -1, -3, -5]);
  });

  it('a uniflow is clamped at zero', () => {
    const r = run(
      project([
        { kind: 'stock', name: 'S', eqn: '0', inflows: ['f'] },
        { kind: 'flow', name: 'f', eqn: '2 - TIME', nonNegative: true },
      ]),
    );
    expect(col(r, 'f')).toEqual([2, 1, 0, 0, 0]);
    expect(col(r, 'S')).toEqual([0, 2, 3, 3, 3]);
  });
});

describe('memory builtins', () => {
  it('PREVIOUS gives the value one step back, and its initial argument at the start', () => {
    const r = run(project([{ name: 'x', eqn: 'TIME * 10' }, { name: 'p', eqn: 'PREVIOUS(x, -1)' }]));
    expect(col(r, 'p')).toEqual([-1, 0, 10, 20, 30]);
  });

  it('PREVIOUS breaks a feedback loop within a step: a counter', () => {
    const r = run(project([{ name: 'n', eqn: 'PREVIOUS(n, 0) + 1' }]));
    expect(col(r, 'n')).toEqual([1, 2, 3, 4, 5]);
  });

  it('INIT freezes the initial value', () => {
    const r = run(
      project([
        { kind: 'stock', name: 'S', eqn: '2', inflows: ['f'] },
        { kind: 'flow', name: 'f', eqn: '1' },
        { name: 'first', eqn: 'INIT(S) * 10' },
      ]),
    );
    expect(col(r, 'first')).toEqual([20, 20, 20, 20, 20]);
  });

  it('DELAY returns the input from the delay time ago, and the initial value before that', () => {
    const r = run(project([{ name: 'x', eqn: 'TIME * 10' }, { name: 'd', eqn: 'DELAY(x, 2, 7)' }]));
    expect(col(r, 'd')).toEqual([7, 7, 0, 10, 20]);
  });

  it('DELAY without an initial value starts from the input at the start', () => {
    const r = run(project([{ name: 'x', eqn: '5 + TIME' }, { name: 'd', eqn: 'DELAY(x, 1)' }]));
    expect(col(r, 'd')).toEqual([5, 5, 6, 7, 8]);
  });
});

describe('run options', () => {
  const compiled = () => {
    const c = compile(decay());
    if (!c.ok) throw new Error('compile failed');
    return c.value;
  };

  it('refuses dt <= 0 and stop before start', () => {
    const a = simulate(compiled(), { dt: 0 });
    const b = simulate(compiled(), { start: 5, stop: 1 });
    expect(a.ok ? [] : a.diagnostics.map((d) => d.code)).toEqual(['bad-dt']);
    expect(b.ok ? [] : b.diagnostics.map((d) => d.code)).toEqual(['bad-time']);
  });

  it('refuses a run of more than ten million steps', () => {
    const r = simulate(compiled(), { dt: 1e-7, stop: 10 });
    expect(r.ok ? [] : r.diagnostics.map((d) => d.code)).toEqual(['too-many-steps']);
  });

  it('refuses overrides of unknown names and of computed variables', () => {
    const r = simulate(compiled(), { overrides: { nothing: 1, drain: 2 } });
    expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual([
      "cannot override unknown variable 'nothing'",
      "'drain' is not a constant, so it cannot be overridden",
    ]);
  });
});

describe('graphical functions in a model', () => {
  const table = (type: GraphicalFunction['type']): GraphicalFunction => ({ type, xs: [0, 2, 4], ys: [0, 10, 0] });

  it('a variable with a table applies it to its equation', () => {
    const r = run(project([{ name: 'effect', eqn: 'TIME', gf: table('continuous') }]));
    expect(col(r, 'effect')).toEqual([0, 5, 10, 5, 0]);
  });

  it('a table is callable by name and through LOOKUP, in each of the three types', () => {
    const r = run(
      project(
        [
          { name: 'cont', gf: table('continuous') },
          { name: 'extra', gf: table('extrapolate') },
          { name: 'disc', gf: table('discrete') },
          { name: 'a', eqn: 'cont(TIME - 1)' },
          { name: 'b', eqn: 'LOOKUP(extra, TIME - 1)' },
          { name: 'c', eqn: 'disc(TIME - 1)' },
        ],
        { stop: 6 },
      ),
    );
    expect(col(r, 'a')).toEqual([0, 0, 5, 10, 5, 0, 0]);
    expect(col(r, 'b')).toEqual([-5, 0, 5, 10, 5, 0, -5]);
    expect(col(r, 'c')).toEqual([0, 0, 0, 10, 10, 0, 0]);
    expect(r.columns.map((x) => x.ident)).toEqual(['a', 'b', 'c']);
  });
});

describe('time inputs in a model', () => {
  it('PULSE, STEP and RAMP switch on at their times', () => {
    const r = run(
      project(
        [
          { name: 'p', eqn: 'PULSE(3, 1, 1.5)' },
          { name: 's', eqn: 'STEP(4, 1)' },
          { name: 'rmp', eqn: 'RAMP(2, 1)' },
        ],
        { stop: 2.5, dt: 0.5 },
      ),
    );
    expect(col(r, 'p')).toEqual([0, 0, 6, 0, 0, 6]);
    expect(col(r, 's')).toEqual([0, 0, 4, 4, 4, 4]);
    expect(col(r, 'rmp')).toEqual([0, 0, 0, 1, 2, 3]);
  });

  it('a PULSE into a stock adds its whole volume in one step', () => {
    const r = run(
      project([
        { kind: 'stock', name: 'S', eqn: '0', inflows: ['f'] },
        { kind: 'flow', name: 'f', eqn: 'PULSE(10, 1)' },
      ], { dt: 0.25, stop: 2, saveStep: 1 }),
    );
    expect(col(r, 'S')).toEqual([0, 0, 10]);
  });
});

describe('dialects', () => {
  const rounding = (dialect: Project['dialect']) =>
    run(project([{ name: 'i', eqn: 'INT(-9.5)' }, { name: 'm', eqn: '-7 MOD 3' }], { stop: 0 }, dialect));

  it('XMILE: INT is the floor and MOD has the sign of the divisor', () => {
    const r = rounding('xmile');
    expect([col(r, 'i')[0], col(r, 'm')[0]]).toEqual([-10, 2]);
  });

  it('Vensim: INT truncates and MOD has the sign of the dividend', () => {
    const r = rounding('vensim');
    expect([col(r, 'i')[0], col(r, 'm')[0]]).toEqual([-9, -1]);
  });
});

describe('random numbers', () => {
  const noisy = () => project([{ name: 'u', eqn: 'RANDOM(10, 20)' }, { name: 'z', eqn: 'NORMAL(0, 1, 7, -1, 1)' }], { stop: 999 });
  const values = (seed?: number) => {
    const c = compile(noisy());
    if (!c.ok) throw new Error('compile failed');
    const r = simulate(c.value, seed === undefined ? {} : { seed });
    if (!r.ok) throw new Error('run failed');
    return r.value.columns.map((x) => Array.from(x.values));
  };

  it('draw a new value every step, within range, repeatable from the seed', () => {
    const [u, z] = values(42);
    expect(u!.every((x) => x >= 10 && x < 20)).toBe(true);
    expect(new Set(u).size).toBe(1000);
    expect(z!.every((x) => x >= -1 && x <= 1)).toBe(true);
    expect(values(42)).toEqual([u, z]);
    expect(values(43)[0]).not.toEqual(u);
    expect(values()).toEqual(values());
  });

  it('uniform draws have the mean of their range', () => {
    const [u] = values(5);
    const mean = u!.reduce((a, b) => a + b, 0) / u!.length;
    expect(Math.abs(mean - 15)).toBeLessThan(0.3);
  });
});

describe('Vensim WITH LOOKUP inside an expression', () => {
  it('interpolates the table written in place', () => {
    const p = project([{ name: 'y', eqn: '0' }], { stop: 2 }, 'vensim');
    const time = { kind: 'var' as const, name: 'time', display: 'Time' };
    const table = { kind: 'table' as const, table: { type: 'continuous' as const, xs: [0, 2], ys: [0, 10] } };
    p.models[0]!.variables[0]!.equation!.expr = {
      kind: 'binary',
      op: '*',
      left: { kind: 'number', value: 2 },
      right: { kind: 'call', fn: 'WITH_LOOKUP', display: 'WITH LOOKUP', args: [time, table] },
    };
    expect(col(run(p), 'y')).toEqual([0, 10, 20]);
  });
});

describe('long passes', () => {
  // 600 auxiliaries in a chain: the step pass is cut into functions of 200 lines, called in order.
  const chain = (): Project =>
    project([
      { name: 'x0', eqn: 'TIME' },
      ...Array.from({ length: 599 }, (_, i) => ({ name: `x${i + 1}`, eqn: `x${i} + 1` })),
      { kind: 'stock', name: 'Total', eqn: 'x599', inflows: ['add'] },
      { kind: 'flow', name: 'add', eqn: 'x599' },
    ]);

  it('are cut into pieces that run in dependency order, in the initial pass and every step', () => {
    const c = compile(chain());
    if (!c.ok) throw new Error('compile failed');
    expect(c.value.source.step).toContain('function p3(v, g, h)'); // 601 statements: x0..x599 and add
    expect(c.value.source.step).not.toContain('function p4(');
    const r = simulate(c.value);
    if (!r.ok) throw new Error('run failed');
    const at = (name: string): number[] => Array.from(r.value.columns.find((x) => x.ident === name)!.values);
    expect(at('x599')).toEqual([599, 600, 601, 602, 603]);
    expect(at('total')).toEqual([599, 1198, 1798, 2399, 3001]);
  });
});
