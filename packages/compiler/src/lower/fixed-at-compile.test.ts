import { describe, expect, it } from 'vitest';
import { compile } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import { aux, project } from './fixtures.test.js';

describe('a constant that sets a delay order', () => {
  const p = project([aux('x', '10'), aux('order', '3'), aux('scale', '2'), aux('d', 'DELAYN(x * scale, 4, order)')], { stop: 2 });

  it('is not offered as an overridable constant, while other constants are', () => {
    const c = compile(p);
    if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
    const names = c.value.constants.map((k) => k.ident);
    expect(names).toContain('scale');
    expect(names).not.toContain('order');
    expect(c.value.outputs.find((o) => o.ident === 'order')).toMatchObject({ isConstant: false });
  });

  it('keeps its value in the results, and a run that overrides it is refused rather than ignored', () => {
    const c = compile(p);
    if (!c.ok) throw new Error('did not compile');
    const r = simulate(c.value);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    expect([...r.value.columns.find((k) => k.ident === 'order')!.values]).toEqual([3, 3, 3]);
    const overridden = simulate(c.value, { overrides: { order: 5 } });
    expect(overridden.ok).toBe(false);
    if (!overridden.ok) expect(overridden.diagnostics[0]!.message).toBe("'order' sets the order of a delay or smooth, fixed when the model is compiled: change it in the model instead");
  });
});
