// The feedback loops of the spec's §5 are declared in the model. Each declaration must be a real
// closed loop: every variable in it is used by the next one, and the last by the first.
import { describe, expect, test } from 'vitest';
import { walkExpr, type Variable } from '@sluice/ir';
import { loadProject } from './csc-model.js';

const model = loadProject().models[0]!;
const byIdent = new Map(model.variables.map((v) => [v.ident, v]));

/** The variables a variable's value is computed from: its equation's references, or a stock's flows. */
function causes(v: Variable): Set<string> {
  const out = new Set<string>();
  if (v.kind === 'stock') {
    for (const f of [...v.inflows, ...v.outflows]) out.add(f);
    return out;
  }
  if (v.equation?.expr) walkExpr(v.equation.expr, (e) => {
    if (e.kind === 'var') out.add(e.name);
  });
  return out;
}

describe('declared feedback loops (§5)', () => {
  test('the model declares the fourteen loops of the specification', () => {
    expect((model.loops ?? []).map((l) => l.name).sort()).toEqual(
      ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'R1a', 'R1b', 'R1c', 'R2', 'R3', 'R4', 'R5'].sort(),
    );
  });

  test.each((model.loops ?? []).map((l) => [l.name, l] as const))('%s closes: each variable is used by the next', (_, loop) => {
    const names = loop.variables;
    expect(names.length).toBeGreaterThanOrEqual(2);
    names.forEach((from, i) => {
      const to = names[(i + 1) % names.length]!;
      const target = byIdent.get(to);
      expect(target, `${to} is a variable of the model`).toBeDefined();
      expect(causes(target!), `${from} -> ${to}`).toContain(from);
    });
  });
});
