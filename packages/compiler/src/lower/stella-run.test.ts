import { describe, expect, it } from 'vitest';
import { canonicalName } from '@sluice/ir';
import { compile } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import { importXmile } from '@sluice/xmile';

/**
 * Inline Stella models for the conveyor and queue tests: the variables (and dimensions) of one
 * XMILE model, imported, compiled and run with Euler; returns each column by name (`x[a]` for
 * an element).
 */
export function runStella(variables: string, specs = '<start>0</start><stop>8</stop><dt>1</dt>', dimensions = ''): (name: string) => number[] {
  const text = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<header><vendor>isee systems</vendor><product>Stella</product></header>
<sim_specs method="Euler">${specs}</sim_specs>${dimensions}
<model><variables>${variables}</variables></model>
</xmile>`;
  const p = importXmile(text, { file: 'm.stmx' });
  if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
  const c = compile(p.value);
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
  const r = simulate(c.value);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return (name: string): number[] => {
    const col = r.value.columns.find((x) => x.ident === canonicalName(name) || x.name === name);
    if (!col) throw new Error(`no column ${name}`);
    return [...col.values];
  };
}

describe('runStella', () => {
  it('runs a plain stock, the baseline the conveyor and queue tests differ from', () => {
    const of = runStella('<stock name="s"><eqn>1</eqn><inflow>f</inflow></stock><flow name="f"><eqn>2</eqn></flow>', '<start>0</start><stop>3</stop><dt>0.5</dt>');
    expect(of('s')).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
