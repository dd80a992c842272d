import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalFunctionName, canonicalName, type Expr, type Project, type Variable } from '@sluice/ir';
import { BUILTINS, compile, createHelpers, SLOT_DT, SLOT_TIME } from './index.js';

const NAMES = ['a', 'b', 'c', 's', 'f', 'nope', 'city', 'boston', 'time', '__proto__'];
const FUNCTIONS = [...BUILTINS.map((b) => b.name), 'FROB', 'g', 'constructor'];

/** Any expression tree, including ones no parser would produce. */
const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.double().map((value): Expr => ({ kind: 'number', value })),
    fc.constantFrom(...NAMES).map((n): Expr => ({ kind: 'var', name: n, display: n })),
    fc
      .tuple(fc.constantFrom(...NAMES), fc.array(fc.oneof(fc.constantFrom(...NAMES).map((n) => ({ kind: 'index' as const, expr: { kind: 'var' as const, name: n, display: n } })), fc.constant({ kind: 'wildcard' as const }), fc.integer({ min: -1, max: 4 }).map((x) => ({ kind: 'index' as const, expr: { kind: 'number' as const, value: x } }))), { maxLength: 3 }))
      .map(([n, subscripts]): Expr => ({ kind: 'var', name: n, display: n, subscripts })),
    fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie('e'), { maxLength: 4 })).map(([f, args]): Expr => ({ kind: 'call', fn: canonicalFunctionName(f), display: f, args })),
    fc.tuple(fc.constantFrom('+', '-', '*', '/', '^', 'mod', '<', '=', 'and', 'or' as const), tie('e'), tie('e')).map(([op, left, right]): Expr => ({ kind: 'binary', op, left, right })),
    fc.tuple(fc.constantFrom('-', 'not' as const), tie('e')).map(([op, operand]): Expr => ({ kind: 'unary', op, operand })),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([condition, then, otherwise]): Expr => ({ kind: 'if', condition, then, else: otherwise })),
    tie('e').map((operand): Expr => ({ kind: 'transpose', operand })),
  ),
})).e;

const variable = fc
  .tuple(fc.constantFrom('a', 'b', 'c', 's', 'f', 'g'), fc.constantFrom('aux', 'flow', 'stock' as const), expr, fc.boolean(), fc.boolean())
  .map(([name, kind, e, arrayed, nonNegative]): Variable => {
    const base = { name, ident: canonicalName(name), equation: { text: 'x', expr: e }, ...(arrayed ? { dimensions: ['City'] } : {}) };
    if (kind === 'stock') return { ...base, kind, inflows: ['f'], outflows: ['nope'], nonNegative };
    if (kind === 'flow') return { ...base, kind, nonNegative };
    return name === 'g' ? { ...base, kind, gf: { type: 'continuous', xs: [0, 1], ys: [0, 1] } } : { ...base, kind };
  });

describe('compile on arbitrary input', () => {
  it('never throws, and what compiles runs without throwing', () => {
    let compiled = 0;
    fc.assert(
      fc.property(fc.array(variable, { maxLength: 6 }), fc.constantFrom('xmile', 'vensim' as const), (variables, dialect) => {
        const project: Project = {
          dialect,
          simSpecs: { start: 0, stop: 3, dt: 1, method: 'euler' },
          units: [],
          dimensions: [{ name: 'City', ident: 'city', elements: ['Boston', 'Paris'] }],
          models: [{ variables }],
          macros: [],
        };
        const r = compile(project);
        if (!r.ok) {
          expect(r.diagnostics.length).toBeGreaterThan(0);
          return;
        }
        const m = r.value;
        compiled++;
        const src = Object.values(m.source).join('\n');
        expect(src).not.toMatch(/nope|proto|constructor|FROB|boston/i);
        const v = new Float64Array(m.slotCount);
        const rates = new Float64Array(m.stockCount);
        const h = createHelpers({ start: 0, dt: 1, steps: 3, delays: m.delayCount, random: () => 0.5 });
        v[SLOT_DT] = 1;
        for (const c of m.constants) v[c.slot] = c.value;
        m.initial(v, m.tables, h);
        for (let n = 0; n < 3; n++) {
          v[SLOT_TIME] = n;
          m.step(v, m.tables, h);
          m.rates(v, rates, m.tables, h);
          m.afterStep(v, m.tables, h);
        }
      }),
      { numRuns: 400, seed: 20261126 },
    );
    // The property must reach code generation and the generated code, not only diagnostics.
    expect(compiled).toBeGreaterThan(20);
  });
});
