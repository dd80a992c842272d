import { describe, expect, it } from 'vitest';
import { canonicalName, type Project, type Variable } from '@sluice/ir';
import { parseEquation } from '@sluice/language';
import { compile, type CompiledModel } from '@sluice/compiler';
import { simulate, type RunResult } from './index.js';

/** Water draining at `rate`; `Level` is a second stock, so the saved columns are not all consecutive slots. */
function model(): CompiledModel {
  const loc = { file: 'm.xmile', line: 1, column: 1 };
  const eq = (text: string) => ({ text, expr: parseEquation(text, loc).expr, loc });
  const v = (name: string, text: string) => ({ name, ident: canonicalName(name), loc, equation: eq(text) });
  const variables: Variable[] = [
    { ...v('Water', '100'), kind: 'stock', inflows: [], outflows: ['drain'], nonNegative: false },
    { ...v('drain', 'Water * rate'), kind: 'flow', nonNegative: false },
    { ...v('rate', '0.5'), kind: 'aux' },
    { ...v('Level', '1'), kind: 'stock', inflows: ['drain'], outflows: [], nonNegative: false },
  ];
  const c = compile({ dialect: 'xmile', simSpecs: { start: 0, stop: 4, dt: 1, method: 'euler' }, units: [], dimensions: [], models: [{ variables }], macros: [] });
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('\n'));
  return c.value;
}

const values = (r: RunResult, ident: string): number[] => Array.from(r.columns.find((c) => c.ident === ident)!.values);

describe('simulate into an earlier result', () => {
  it('writes the new run over the earlier buffers and returns the same result', () => {
    const m = model();
    const first = simulate(m);
    if (!first.ok) throw new Error('run failed');
    const buffer = first.value.columns[0]!.values.buffer;
    expect(values(first.value, 'water')).toEqual([100, 50, 25, 12.5, 6.25]);
    const second = simulate(m, { overrides: { rate: 0.25 }, into: first.value });
    if (!second.ok) throw new Error('run failed');
    expect(second.value).toBe(first.value);
    expect(second.value.columns[0]!.values.buffer).toBe(buffer);
    expect(values(second.value, 'water')).toEqual([100, 75, 56.25, 42.1875, 31.640625]);
    expect(values(second.value, 'level')).toEqual([1, 26, 44.75, 58.8125, 69.359375]);
    // The same numbers as a run into fresh buffers.
    const fresh = simulate(m, { overrides: { rate: 0.25 } });
    if (!fresh.ok) throw new Error('run failed');
    expect(second.value.columns.map((c) => Array.from(c.values))).toEqual(fresh.value.columns.map((c) => Array.from(c.values)));
  });

  it('a column read before the new run shows the new run through the view held, whether some or all were read', () => {
    const m = model();
    const some = simulate(m);
    const all = simulate(m);
    if (!some.ok || !all.ok) throw new Error('run failed');
    const held = some.value.columns.find((c) => c.ident === 'water')!.values;
    const heldAll = all.value.columns.map((c) => c.values);
    simulate(m, { overrides: { rate: 0.25 }, into: some.value });
    simulate(m, { overrides: { rate: 0.25 }, into: all.value });
    expect(Array.from(held)).toEqual([100, 75, 56.25, 42.1875, 31.640625]);
    expect(heldAll.map((x) => Array.from(x))).toEqual(all.value.columns.map((c) => values(some.value, c.ident)));
    expect(Array.from(heldAll[all.value.columns.findIndex((c) => c.ident === 'drain')]!)).toEqual([25, 18.75, 14.0625, 10.546875, 7.91015625]);
  });

  it('takes a result of the same variables asked for again, and new start times', () => {
    const m = model();
    const first = simulate(m, { vars: ['level', 'rate'] });
    if (!first.ok) throw new Error('run failed');
    const again = simulate(m, { vars: ['Level', 'RATE'], start: 10, stop: 14, into: first.value });
    if (!again.ok) throw new Error(again.diagnostics[0]!.message);
    expect(Array.from(again.value.times)).toEqual([10, 11, 12, 13, 14]);
    expect(values(again.value, 'level')).toEqual([1, 51, 76, 88.5, 94.75]);
  });

  it('refuses a result of another model, other variables or another number of saved times', () => {
    const m = model();
    const all = simulate(m);
    const other = simulate(model());
    if (!all.ok || !other.ok) throw new Error('run failed');
    const codes = (r: ReturnType<typeof simulate>) => (r.ok ? [] : r.diagnostics.map((d) => d.code));
    expect(codes(simulate(m, { into: other.value }))).toEqual(['bad-into']);
    expect(codes(simulate(m, { vars: ['water'], into: all.value }))).toEqual(['bad-into']);
    expect(codes(simulate(m, { stop: 5, into: all.value }))).toEqual(['bad-into']);
    // A result put together by hand has no buffers of simulate's to write into.
    expect(codes(simulate(m, { into: { times: all.value.times, columns: [...all.value.columns] } }))).toEqual(['bad-into']);
  });

  it('columns read as plain ones: JSON and copies field by field', () => {
    const r = simulate(model(), { vars: ['rate'] });
    if (!r.ok) throw new Error('run failed');
    const [c] = r.value.columns;
    expect(JSON.parse(JSON.stringify(c))).toEqual({ name: 'rate', ident: 'rate', values: { 0: 0.5, 1: 0.5, 2: 0.5, 3: 0.5, 4: 0.5 } });
    expect({ name: c!.name, ident: c!.ident, values: Array.from(c!.values) }).toEqual({ name: 'rate', ident: 'rate', values: [0.5, 0.5, 0.5, 0.5, 0.5] });
  });
});
