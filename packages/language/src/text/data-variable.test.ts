import { describe, expect, it } from 'vitest';
import type { Project, Variable } from '@sluice/ir';
import { parseSluice, printSluice } from './index.js';
import { parseOrThrow as parse, withoutLocs } from './testing.js';

const text = `sim start 0 stop 10 dt 1 dialect vensim

dimension Region: North, South

data Demand
  units widgets

data Prices[Region]
  method hold_backward

aux Capacity = "GET DIRECT DATA"()
  source "GET DIRECT DATA"("inputs.xlsx", "Global", "A", "B2")

aux Costs[Region]
  source [North] "GET DIRECT CONSTANTS"("in \\"2024\\".xlsx", "Global", "C2*")
  [North] = "GET DIRECT CONSTANTS"()
  [South] = 3
`;

function variable(p: Project, name: string): Variable {
  const v = p.models[0]!.variables.find((x) => x.name === name);
  if (!v) throw new Error(`no ${name}`);
  return v;
}

describe('data variables and GET calls in the text language', () => {
  it('reads data, method and source into the IR the Vensim importer makes', () => {
    const p = parse(text);
    const demand = variable(p, 'Demand');
    expect(demand.kind).toBe('aux');
    expect(demand.equation).toBeUndefined();
    expect(demand.units).toBe('widgets');
    expect(demand.extra).toEqual({ data: { method: 'INTERPOLATE' } });
    const prices = variable(p, 'Prices');
    expect(prices.dimensions).toEqual(['Region']);
    expect(prices.extra).toEqual({ data: { method: 'HOLD_BACKWARD' } });
    expect(variable(p, 'Capacity').extra).toEqual({
      dataSources: [{ function: 'GET DIRECT DATA', arguments: ['inputs.xlsx', 'Global', 'A', 'B2'], subscripts: [] }],
    });
    expect(variable(p, 'Costs').extra).toEqual({
      dataSources: [{ function: 'GET DIRECT CONSTANTS', arguments: ['in "2024".xlsx', 'Global', 'C2*'], subscripts: ['North'] }],
    });
  });

  it('prints the canonical form, which reads back to the same IR', () => {
    const p = parse(text);
    const printed = printSluice(p);
    expect(printed).toContain('data Demand\n  units widgets\n');
    expect(printed).toContain('data Prices[Region]\n  method hold_backward\n');
    // The source line comes before the elements in the canonical order.
    expect(printed).toContain('aux Costs[Region]\n  source [North] "GET DIRECT CONSTANTS"("in \\"2024\\".xlsx", "Global", "C2*")\n  [North] =');
    expect(withoutLocs(parse(printed))).toEqual(withoutLocs(p));
    expect(printSluice(parse(printed))).toBe(printed);
  });

  it('writes a data element without a formula as no element line, never as 0', () => {
    const empty = { text: '', expr: null };
    const p = parse('sim start 0 stop 1 dt 1\ndimension D: a, b\n');
    p.models[0]!.variables.push({
      kind: 'aux', name: 'x', ident: 'x', dimensions: ['D'],
      elements: [{ subscripts: ['a'], equation: empty }, { subscripts: ['b'], equation: empty }],
      extra: { data: { method: 'RAW' } },
    });
    expect(printSluice(p)).toContain('data x[D]\n  method raw\n');
    expect(printSluice(p)).not.toContain('[a]');
  });

  it('reports a method on a variable that is not data, and an unknown method, at their place', () => {
    const r = parseSluice('sim start 0 stop 1 dt 1\naux a = 1\n  method raw\ndata b\n  method cubic\n', { file: 'm.sluice' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.loc?.line, d.loc?.column, d.message])).toEqual([
      ['invalid-attribute', 3, 3, "only a data variable has a method; declare a with 'data'"],
      ['invalid-attribute', 5, 10, "expected one of 'interpolate', 'hold_backward', 'look_forward', 'raw' after 'method' but found 'cubic'"],
    ]);
  });

  it('warns that data is read only in a Vensim model, at the declaration', () => {
    const r = parseSluice('sim start 0 stop 1 dt 1\ndata b\naux c = "GET DIRECT DATA"()\n  source "GET DIRECT DATA"("f.csv", ",", "A", "B2")\n');
    if (!r.ok) throw new Error(r.diagnostics[0]?.message);
    expect(r.warnings.map((d) => [d.severity, d.code, d.loc?.line, d.message])).toEqual([
      ['warning', 'data-dialect', 2, "b is a data variable: data is read only in a model with 'dialect vensim' on its sim line"],
      ['warning', 'data-dialect', 3, "c is read by a GET call: data is read only in a model with 'dialect vensim' on its sim line"],
    ]);
    const vensim = parseSluice('sim start 0 stop 1 dt 1 dialect vensim\ndata b\n');
    expect(vensim.ok && vensim.warnings).toEqual([]);
  });

  it('takes data as a declaration word: a variable named data is quoted', () => {
    const p = parse('sim start 0 stop 1 dt 1\naux "data" = 2\naux source = "data" * 2\n');
    expect(printSluice(p)).toContain('const "data" = 2\naux "source" = "data" * 2\n');
  });
});
