import { describe, expect, it } from 'vitest';
import { canonicalName, type Dimension, type Project, type Variable } from '@sluice/ir';
import { parseEquation } from '@sluice/language';
import { compile } from '@sluice/compiler';
import { simulate, type RunResult } from './index.js';

interface Spec {
  kind?: 'stock' | 'flow' | 'aux';
  name: string;
  dims?: string[];
  eqn?: string;
  elements?: [string[], string][];
  inflows?: string[];
  outflows?: string[];
  nonNegative?: boolean;
}

const DIMS: Dimension[] = [
  { name: 'City', ident: 'city', elements: ['Boston', 'Paris', 'Rome'] },
  { name: 'Product', ident: 'product', elements: ['Pizza', 'Salad'] },
];

const eq = (text: string, line: number) => ({ text, expr: parseEquation(text, { file: 'm.xmile', line }).expr, loc: { file: 'm.xmile', line, column: 1 } });

function project(specs: Spec[]): Project {
  const variables = specs.map((s, i): Variable => {
    const base = {
      name: s.name,
      ident: canonicalName(s.name),
      loc: { file: 'm.xmile', line: i + 1, column: 1 },
      ...(s.dims ? { dimensions: s.dims } : {}),
      ...(s.eqn !== undefined ? { equation: eq(s.eqn, i + 1) } : {}),
      ...(s.elements ? { elements: s.elements.map(([subscripts, text]) => ({ subscripts, equation: eq(text, i + 1) })) } : {}),
    };
    if (s.kind === 'stock') return { ...base, kind: 'stock', inflows: (s.inflows ?? []).map(canonicalName), outflows: (s.outflows ?? []).map(canonicalName), nonNegative: s.nonNegative ?? false };
    if (s.kind === 'flow') return { ...base, kind: 'flow', nonNegative: false };
    return { ...base, kind: 'aux' };
  });
  return { dialect: 'xmile', simSpecs: { start: 0, stop: 2, dt: 1, method: 'euler' }, units: [], dimensions: DIMS, models: [{ variables }], macros: [] };
}

function run(p: Project): RunResult {
  const c = compile(p);
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
  const r = simulate(c.value);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

/** Values at the first saved time, by column name. */
const first = (r: RunResult): Record<string, number> => Object.fromEntries(r.columns.map((c) => [c.name, c.values[0]!]));

describe('arrays', () => {
  it('apply-to-all equations run per element, with columns named name[element]', () => {
    const r = run(
      project([
        { name: 'price', dims: ['City'], elements: [[['Boston'], '10'], [['Paris'], '20'], [['Rome'], '30']] },
        { name: 'taxed', dims: ['City'], eqn: 'price * 2' },
      ]),
    );
    expect(first(r)).toEqual({ 'price[Boston]': 10, 'price[Paris]': 20, 'price[Rome]': 30, 'taxed[Boston]': 20, 'taxed[Paris]': 40, 'taxed[Rome]': 60 });
  });

  it('is generated as a loop over the slice, not unrolled, reading TIME once before it', () => {
    const c = compile(project([{ name: 'x', dims: ['City', 'Product'], eqn: 'TIME' }]));
    if (!c.ok) throw new Error('compile failed');
    expect(c.value.source.step).toBe('{ const hv0 = v[0]; for (let i0 = 0; i0 < 3; i0++) { for (let i1 = 0; i1 < 2; i1++) {\nv[4 + i0 * 2 + i1] = hv0;\n} } }');
  });

  it('subscripts pick by element name, by position, and by the dimension being looped over', () => {
    const r = run(
      project([
        { name: 'sales', dims: ['City', 'Product'], eqn: 'City * 10 + Product' },
        { name: 'paris salad', eqn: 'sales[Paris, Salad]' },
        { name: 'third pizza', eqn: 'sales[3, 1]' },
        { name: 'salad by city', dims: ['City'], eqn: 'sales[City, Salad]' },
      ]),
    );
    const v = first(r);
    expect(v['sales[Rome,Salad]']).toBe(32);
    expect([v['paris salad'], v['third pizza']]).toEqual([22, 31]);
    expect([v['salad by city[Boston]'], v['salad by city[Rome]']]).toEqual([12, 32]);
  });

  it('a lower-dimensional array is read at the matching element of a higher one', () => {
    const r = run(
      project([
        { name: 'base', dims: ['Product'], elements: [[['Pizza'], '100'], [['Salad'], '200']] },
        { name: 'grid', dims: ['City', 'Product'], eqn: 'base + City' },
      ]),
    );
    expect(first(r)['grid[Paris,Salad]']).toBe(202);
  });

  it('SUM, MEAN, MIN, MAX, STDDEV and SIZE reduce whole arrays and slices', () => {
    const r = run(
      project([
        { name: 'sales', dims: ['City', 'Product'], eqn: 'City * 10 + Product' },
        { name: 'total', eqn: 'SUM(sales[*, *])' },
        { name: 'pizza', eqn: 'SUM(sales[*, Pizza])' },
        { name: 'rome', eqn: 'MEAN(sales[Rome, *])' },
        { name: 'low', eqn: 'MIN(sales)' },
        { name: 'high', eqn: 'MAX(sales[*, Salad])' },
        { name: 'spread', eqn: 'STDDEV(sales[Boston, *])' },
        { name: 'n', eqn: 'SIZE(sales)' },
        { name: 'per city', dims: ['City'], eqn: 'SUM(sales[City, *])' },
      ]),
    );
    const v = first(r);
    expect([v['total'], v['pizza'], v['rome'], v['low'], v['high'], v['spread'], v['n']]).toEqual([129, 63, 31.5, 11, 32, 0.5, 6]);
    expect([v['per city[Boston]'], v['per city[Rome]']]).toEqual([23, 63]);
  });

  it('SUM and MEAN of an expression loop over the dimensions its wildcards name', () => {
    const r = run(
      project([
        { name: 'w', dims: ['City'], elements: [[['Boston'], '1'], [['Paris'], '2'], [['Rome'], '3']] },
        { name: 'm', dims: ['City', 'Product'], eqn: 'City * 10 + Product' },
        { name: 'dot', dims: ['Product'], eqn: 'SUM(w[*] * m[*, Product])' },
        { name: 'avg', eqn: 'MEAN(w[*] * 2)' },
      ]),
    );
    const v = first(r);
    // Pizza: 1*11 + 2*21 + 3*31 = 146; Salad: 1*12 + 2*22 + 3*32 = 152.
    expect([v['dot[Pizza]'], v['dot[Salad]'], v['avg']]).toEqual([146, 152, 4]);
  });

  it('arrayed stocks integrate per element from flows of the same shape', () => {
    const r = run(
      project([
        { kind: 'stock', name: 'pop', dims: ['City'], eqn: '100', inflows: ['births'], outflows: ['deaths'], nonNegative: true },
        { kind: 'flow', name: 'births', dims: ['City'], eqn: 'pop * City / 10' },
        { kind: 'flow', name: 'deaths', dims: ['City'], eqn: '60' },
      ]),
    );
    const col = (n: string) => Array.from(r.columns.find((c) => c.name === n)!.values);
    expect(col('pop[Boston]')).toEqual([100, 50, 0]);
    expect(col('pop[Rome]')).toEqual([100, 70, 31]);
    expect(col('deaths[Boston]')).toEqual([60, 55, 0]);
  });

  it('constants are overridable per element', () => {
    const c = compile(project([{ name: 'k', dims: ['Product'], eqn: '3' }, { name: 'x', dims: ['Product'], eqn: 'k * 2' }]));
    if (!c.ok) throw new Error('compile failed');
    const r = simulate(c.value, { overrides: { 'k[salad]': 5 } });
    if (!r.ok) throw new Error('run failed');
    expect(r.value.columns.map((x) => [x.name, x.values[0]])).toEqual([
      ['k[Pizza]', 3],
      ['k[Salad]', 5],
      ['x[Pizza]', 6],
      ['x[Salad]', 10],
    ]);
  });

  it('a reference to a dimension the equation does not have is an error at its place', () => {
    const c = compile(project([{ name: 'a', dims: ['City'], eqn: '1' }, { name: 'b', dims: ['Product'], eqn: 'a  * 2' }]));
    expect(c.ok ? [] : c.diagnostics.map((d) => [d.code, d.loc?.line, d.loc?.column, d.message])).toEqual([
      ['dimension-mismatch', 2, 1, "'a' has dimension 'City', which 'b' does not have"],
    ]);
  });
});

describe('array functions', () => {
  it("transposition reads a' at [i, j] from a at [j, i]", () => {
    const r = run(
      project([
        { name: 'a', dims: ['City', 'Product'], eqn: 'City * 10 + Product' },
        { name: 't', dims: ['Product', 'City'], eqn: "a'" },
      ]),
    );
    expect(first(r)['t[Salad,Rome]']).toBe(32);
  });

  it('ranges select consecutive elements, by position or by name', () => {
    const r = run(
      project([
        { name: 'a', dims: ['City'], eqn: 'City' },
        { name: 'firsts', eqn: 'SUM(a[1:2])' },
        { name: 'lasts', eqn: 'SUM(a[Paris:Rome])' },
        { name: 'p', eqn: 'PROD(a[*])' },
      ]),
    );
    const v = first(r);
    expect([v['firsts'], v['lasts'], v['p']]).toEqual([3, 5, 6]);
  });

  it('RANK gives the position of the n-th smallest element, or of the n-th largest for negative n', () => {
    const r = run(
      project([
        { name: 'a', dims: ['City'], elements: [[['Boston'], '5'], [['Paris'], '1'], [['Rome'], '3']] },
        { name: 'smallest', eqn: 'RANK(a, 1)' },
        { name: 'second', eqn: 'RANK(a[*], 2)' },
        { name: 'largest', eqn: 'RANK(a, -1)' },
        { name: 'none', eqn: 'RANK(a, 4)' },
      ]),
    );
    const v = first(r);
    expect([v['smallest'], v['second'], v['largest'], v['none']]).toEqual([2, 3, 1, NaN]);
  });

  it('refuses a variable too large to allocate', () => {
    const p = project([{ name: 'a', dims: ['Rows', 'Columns'], eqn: '1' }]);
    const numbered = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
    p.dimensions = [
      { name: 'Rows', ident: 'rows', elements: numbered(4000) },
      { name: 'Columns', ident: 'columns', elements: numbered(3000) },
    ];
    const c = compile(p);
    expect(c.ok ? [] : c.diagnostics.map((d) => d.code)).toEqual(['too-large']);
  });
});

describe('arrayed graphical functions', () => {
  const tables = (): Project => {
    const p = project([
      { name: 'fixed', eqn: 'LOOKUP(tab[Salad], 1)' },
      { name: 'each', dims: ['Product'], eqn: 'LOOKUP(tab[Product], 1)' },
      { name: 'called', dims: ['Product'], eqn: 'tab(0.5)' },
    ]);
    const gf = (y: number) => ({ type: 'continuous' as const, xs: [0, 1], ys: [0, y] });
    p.models[0]!.variables.push({
      kind: 'aux',
      name: 'tab',
      ident: 'tab',
      dimensions: ['Product'],
      elements: [
        { subscripts: ['Pizza'], equation: { text: '', expr: null }, gf: gf(10) },
        { subscripts: ['Salad'], equation: { text: '', expr: null }, gf: gf(20) },
      ],
    });
    return p;
  };

  it('pick each element its own table, by subscript or by the current place', () => {
    const v = first(run(tables()));
    expect([v['fixed'], v['each[Pizza]'], v['each[Salad]'], v['called[Pizza]'], v['called[Salad]']]).toEqual([20, 10, 20, 5, 10]);
  });
});

describe('memory builtins in arrays', () => {
  it('PREVIOUS and DELAY keep one history per element', () => {
    const r = run(
      project([
        { name: 'x', dims: ['Product'], eqn: 'TIME * Product' },
        { name: 'p', dims: ['Product'], eqn: 'PREVIOUS(x, -1)' },
        { name: 'd', dims: ['Product'], eqn: 'DELAY(x, 1, 9)' },
      ]),
    );
    const col = (n: string) => Array.from(r.columns.find((c) => c.name === n)!.values);
    expect([col('p[Pizza]'), col('p[Salad]')]).toEqual([[-1, 0, 1], [-1, 0, 2]]);
    expect([col('d[Pizza]'), col('d[Salad]')]).toEqual([[9, 0, 1], [9, 0, 2]]);
  });
});

describe('computed subscripts', () => {
  it('read the element at a position computed each step, and NaN outside the dimension', () => {
    const r = run(
      project([
        { name: 'a', dims: ['City'], eqn: 'City * 10' },
        { name: 'k', eqn: 'TIME + 2' },
        { name: 'at k', eqn: 'a[k]' },
        { name: 'next', dims: ['City'], eqn: 'a[City + 1]' },
      ]),
    );
    const col = (n: string) => Array.from(r.columns.find((c) => c.name === n)!.values);
    expect(col('at k')).toEqual([20, 30, NaN]);
    expect([col('next[Boston]')[0], col('next[Paris]')[0], col('next[Rome]')[0]]).toEqual([20, 30, NaN]);
  });
});
