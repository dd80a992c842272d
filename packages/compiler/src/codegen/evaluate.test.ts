import { describe, expect, it } from 'vitest';
import { canonicalName, type Project, type Variable } from '@sluice/ir';
import { parseEquation } from '@sluice/language';
import { compile, createHelpers, type CompiledModel } from '../index.js';

const loc = { file: 'm.xmile', line: 1, column: 1 };
const eq = (text: string) => ({ text, expr: parseEquation(text, loc).expr, loc });

/** A stock draining through a flow that reads `count` auxiliaries chained one after another. */
function chain(count: number): CompiledModel {
  const variables: Variable[] = [
    { name: 'S', ident: 's', loc, equation: eq('100'), kind: 'stock', inflows: [], outflows: ['f'], nonNegative: true },
    { name: 'f', ident: 'f', loc, equation: eq(`S * a${count - 1} + TIME`), kind: 'flow', nonNegative: false },
    { name: 'a0', ident: 'a0', loc, equation: eq('0.01 + TIME * 0'), kind: 'aux' },
    ...Array.from({ length: count - 1 }, (_, i): Variable => ({ name: `a${i + 1}`, ident: `a${i + 1}`, loc, equation: eq(`a${i} * 1.0001 + S * 0`), kind: 'aux' })),
  ];
  const project: Project = { dialect: 'xmile', simSpecs: { start: 0, stop: 4, dt: 1, method: 'euler' }, units: [], dimensions: [], models: [{ variables }], macros: [] };
  const c = compile(project);
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
  return c.value;
}

/** State and rates after `initial` then one evaluation, by `evaluate` or by `step` and `rates`. */
function evaluated(m: CompiledModel, fused: boolean): number[] {
  const v = new Float64Array(m.slotCount);
  const r = new Float64Array(m.stockCount);
  const h = createHelpers({ start: 0, dt: 1, steps: 4, delays: 0, random: () => 0.5 });
  v[0] = 2;
  v[1] = 1;
  for (const c of m.constants) v[c.slot] = c.value;
  m.initial(v, m.tables, h);
  if (fused) m.evaluate(v, r, m.tables, h);
  else {
    m.step(v, m.tables, h);
    m.rates(v, r, m.tables, h);
  }
  return [...v, ...r];
}

describe('evaluate', () => {
  it('gives what step then rates give, for a model in one function and one cut into pieces', () => {
    const small = chain(3);
    const large = chain(900);
    expect(small.source.step).not.toContain('function p0');
    expect(large.source.step).toContain('function p0');
    for (const m of [small, large]) expect(evaluated(m, true)).toEqual(evaluated(m, false));
  });
});
