import { describe, expect, it } from 'vitest';
import { canonicalName, formatDiagnostic, type Project, type Variable } from '@sluice/ir';
import { parseEquation } from '@sluice/language';
import { compile } from './index.js';

interface Spec {
  kind?: 'stock' | 'flow' | 'aux';
  name: string;
  eqn: string;
  inflows?: string[];
  outflows?: string[];
}

/** Variable i sits on line i + 1 of 'm.xmile', its equation from column 1. */
function project(specs: Spec[]): Project {
  const variables = specs.map((s, i): Variable => {
    const loc = { file: 'm.xmile', line: i + 1, column: 1 };
    const parsed = parseEquation(s.eqn, { file: 'm.xmile', line: i + 1, column: 1 });
    const base = { name: s.name, ident: canonicalName(s.name), loc, equation: { text: s.eqn, expr: parsed.expr, loc } };
    if (s.kind === 'stock') return { ...base, kind: 'stock', inflows: (s.inflows ?? []).map(canonicalName), outflows: (s.outflows ?? []).map(canonicalName), nonNegative: false };
    if (s.kind === 'flow') return { ...base, kind: 'flow', nonNegative: false };
    return { ...base, kind: 'aux' };
  });
  return { dialect: 'xmile', simSpecs: { start: 0, stop: 10, dt: 1, method: 'euler' }, units: [], dimensions: [], models: [{ variables }], macros: [] };
}

function errors(p: Project): string[] {
  const r = compile(p);
  return r.ok ? [] : r.diagnostics.map((d) => `${d.code}: ${formatDiagnostic(d)}`);
}

describe('diagnostics', () => {
  it('reports a problem of an equation copied to every element once', () => {
    // What a Vensim `x[D] = zzz + 1` written once, resolved per element, comes to.
    const loc = { file: 'm.mdl', line: 4, column: 8 };
    const parsed = parseEquation('zzz + 1', loc);
    const elements = ['d1', 'd2', 'd3'].map((e) => ({ subscripts: [e], equation: { text: 'zzz + 1', expr: parsed.expr, loc } }));
    const p: Project = {
      dialect: 'vensim',
      simSpecs: { start: 0, stop: 1, dt: 1, method: 'euler' },
      units: [],
      dimensions: [{ name: 'D', ident: 'd', elements: ['d1', 'd2', 'd3'] }],
      models: [{ variables: [{ kind: 'aux', name: 'x', ident: 'x', dimensions: ['D'], elements, loc }] }],
      macros: [],
    };
    expect(errors(p)).toEqual(["unknown-variable: m.mdl:4:8: error: unknown variable 'zzz'"]);
  });

  it('names every variable of a circular definition, in loop order', () => {
    expect(errors(project([{ name: 'a', eqn: 'b + 1' }, { name: 'b', eqn: 'c * 2' }, { name: 'c', eqn: 'a' }, { name: 'd', eqn: '1' }]))).toEqual([
      'circular: m.xmile:1:1: error: circular definition: a -> b -> c -> a',
    ]);
  });

  it('a loop through a stock is not circular, but the same loop in initial values is', () => {
    expect(
      errors(project([{ kind: 'stock', name: 'S', eqn: '1', inflows: ['f'] }, { kind: 'flow', name: 'f', eqn: 'S * 0.1' }])),
    ).toEqual([]);
    expect(
      errors(project([{ kind: 'stock', name: 'S', eqn: 'f * 2', inflows: ['f'] }, { kind: 'flow', name: 'f', eqn: 'S * 0.1' }])),
    ).toEqual(['circular: m.xmile:1:1: error: circular definition: S -> f -> S']);
  });

  it('points at an unknown variable where it is written', () => {
    expect(errors(project([{ name: 'a', eqn: '1' }, { name: 'b', eqn: 'a +  nope * 2' }]))).toEqual([
      "unknown-variable: m.xmile:2:6: error: unknown variable 'nope'",
    ]);
  });

  it('points at an unknown function, never treating it as zero', () => {
    expect(errors(project([{ name: 'a', eqn: '3 * FROB(1)' }]))).toEqual(["unknown-function: m.xmile:1:5: error: unknown function 'FROB'"]);
  });

  it('checks argument counts', () => {
    expect(errors(project([{ name: 'a', eqn: 'ABS(1, 2)' }, { name: 'b', eqn: 'SAFEDIV(1)' }]))).toEqual([
      'argument-count: m.xmile:1:1: error: ABS takes 1 argument, not 2',
      'argument-count: m.xmile:2:1: error: SAFEDIV takes 2 to 3 arguments, not 1',
    ]);
  });

  it('names a stock flow that does not exist', () => {
    expect(errors(project([{ kind: 'stock', name: 'S', eqn: '1', inflows: ['ghost'] }]))).toEqual([
      "unknown-variable: m.xmile:1:1: error: stock 'S' names an unknown flow 'ghost'",
    ]);
  });
});

describe('generated code', () => {
  const allowed = new Set(['v', 'g', 'h', 'r', 'a', 'q', 'n', 'let', 'if', 'use', 'strict', 'Math', 'max', 'min', 'pow', 'abs', 'exp', 'floor', 'for']);
  const helperNames = ['lookup', 'lookupExtrapolate', 'lookupDiscrete', 'pulse', 'step', 'ramp', 'delayRead', 'delayWrite', 'mod', 'round', 'safediv'];
  for (const n of helperNames) allowed.add(n);

  it('holds no text from the model, however hostile its names', () => {
    const hostile = ["it's", 'back`tick', 'end */ comment', '${process.exit()}', '__proto__', 'two\nlines', 'constructor', '"quoted \\" name"'];
    const p = project([
      ...hostile.map((name, i) => ({ name, eqn: i === 0 ? '1' : `"${hostile[i - 1]!.replace(/"/g, '')}" + 1` })),
      { kind: 'stock', name: 'S */ alert(1) /*', eqn: '1', inflows: ['f`'] },
      { kind: 'flow', name: 'f`', eqn: 'ABS(-2) + STEP(1, 3)' },
    ]);
    // Names containing quotes cannot be referenced in quotes; refer to the ones that can.
    const r = compile(p);
    expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual([]);
    if (!r.ok) return;
    const src = Object.values(r.value.source).join('\n');
    for (const name of [...hostile, 'alert', 'process', 'proto', 'tick', 'comment']) expect(src).not.toContain(name);
    const words = new Set(src.match(/[A-Za-z_$][\w$]*/g) ?? []);
    for (const w of words) expect(allowed.has(w) || /^[eis]\d*$/.test(w)).toBe(true);
    expect(src).not.toMatch(/["`]|\/\*|\/\//);
  });

  it('folds arithmetic on numbers into overridable constants', () => {
    const r = compile(project([{ name: 'monthly', eqn: '1 / 12' }, { name: 'neg', eqn: '-(2 ^ 3) + 1' }]));
    if (!r.ok) throw new Error('compile failed');
    expect(r.value.constants.map((c) => [c.ident, c.value])).toEqual([
      ['monthly', 1 / 12],
      ['neg', -7],
    ]);
    expect(r.value.source.initial).toBe('');
  });

  it('folds literal constants out of the code and computes time-invariant ones once', () => {
    const r = compile(project([{ name: 'k', eqn: '2' }, { name: 'twice', eqn: 'k * 2' }, { name: 'now', eqn: 'TIME * twice' }]));
    if (!r.ok) throw new Error('compile failed');
    const slots = Object.fromEntries(r.value.outputs.map((o) => [o.ident, o.slot]));
    expect(r.value.constants.map((c) => [c.ident, c.value])).toEqual([['k', 2]]);
    expect(r.value.source.initial).not.toContain(`v[${slots['k']}] =`);
    expect(r.value.source.initial).toContain(`v[${slots['twice']}] = (v[${slots['k']}] * 2);`);
    expect(r.value.source.step).toBe(`v[${slots['now']}] = (v[0] * v[${slots['twice']}]);`);
    expect(r.value.outputs.map((o) => [o.name, o.kind, o.isConstant])).toEqual([
      ['k', 'aux', true],
      ['twice', 'aux', false],
      ['now', 'aux', false],
    ]);
  });
});
