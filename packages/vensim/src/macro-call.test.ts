import { describe, expect, test } from 'vitest';
import { formatDiagnostic, type Project } from '@sluice/ir';
import { compile } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import { importVensim } from './index.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|';

function load(body: string): Project {
  const r = importVensim(`{UTF-8}\n${body}\n${CONTROL}\n`, { file: 'm.mdl' });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return r.value;
}

/** Each column of a run, by display name. */
function run(body: string): Map<string, number[]> {
  const compiled = compile(load(body));
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  const result = simulate(compiled.value);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return new Map(result.value.columns.map((c) => [c.name, Array.from(c.values)]));
}

// A macro with a stock: its value is the stock, its extra output the stock plus the inflow.
const ACCUM = ':MACRO: ACCUM(inflow : level plus)\nACCUM = INTEG(inflow, 0) ~~|\nlevel plus = ACCUM + inflow ~~|\n:END OF MACRO:';

describe('macro calls with extra outputs', () => {
  test('NAME(a, b : y) passes y after the parameters, as a reference to the variable to define', () => {
    const p = load(':MACRO: SPLIT(input, share : rest)\nSPLIT = input * share ~~|\nrest = input - SPLIT ~~|\n:END OF MACRO:\ntotal = 10 ~~|\npart = SPLIT(total, 0.3 : remainder) ~~|');
    const part = p.models[0]!.variables.find((v) => v.ident === 'part')!;
    expect(part.equation?.expr).toMatchObject({
      kind: 'call',
      fn: 'SPLIT',
      args: [{ kind: 'var', name: 'total' }, { kind: 'number', value: 0.3 }, { kind: 'var', name: 'remainder', display: 'remainder' }],
    });
  });

  test('the caller variable named as an output takes the output of its own call', () => {
    const cols = run(`${ACCUM}\na = ACCUM(2 : a plus) ~~|\nb = ACCUM(5 : b plus) ~~|\nsum plus = a plus + b plus ~~|`);
    expect(cols.get('a')).toEqual([0, 2, 4, 6, 8]);
    expect(cols.get('b')).toEqual([0, 5, 10, 15, 20]);
    expect(cols.get('sum plus')).toEqual([7, 14, 21, 28, 35]);
  });

  test('in an apply-to-all equation the output has the equation\'s dimensions', () => {
    const body = `${ACCUM}\nd: (d1-d2) ~~|\nrate[d] = 2, 5 ~~|\na[d] = ACCUM(rate[d] : a plus[d]) ~~|\nb[d] = ACCUM(rate[d] : b plus) ~~|`;
    const cols = run(body);
    expect(cols.get('a plus[d1]')).toEqual([2, 4, 6, 8, 10]);
    expect(cols.get('a plus[d2]')).toEqual([5, 10, 15, 20, 25]);
    expect(cols.get('b plus[d2]')).toEqual([5, 10, 15, 20, 25]);
  });

  test('an output the model also defines, or two calls define, is a duplicate definition', () => {
    const twice = compile(load(`${ACCUM}\na = ACCUM(2 : a plus) ~~|\na plus = 3 ~~|`));
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.diagnostics[0]).toMatchObject({ code: 'duplicate-definition', loc: { line: 6 } });
    const two = compile(load(`${ACCUM}\na = ACCUM(2 : same) ~~|\nb = ACCUM(3 : same) ~~|`));
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.diagnostics.map((d) => d.code)).toEqual(['duplicate-definition']);
  });

  test('an output subscripted by other than the equation\'s dimensions is refused', () => {
    const r = compile(load(`${ACCUM}\nd: (d1-d2) ~~|\na[d] = ACCUM(1 : a plus[d1]) ~~|`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ code: 'macro-output' });
  });

  test('a missing output name is a syntax error at its place', () => {
    const missing = importVensim(`{UTF-8}\n${ACCUM}\na = ACCUM(2 : ) ~~|\n${CONTROL}\n`, { file: 'm.mdl' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.diagnostics[0]).toMatchObject({ code: 'syntax', loc: { file: 'm.mdl', line: 6 } });
  });

  test('outputs passed to a macro that has none are an argument-count error', () => {
    const compiled = compile(load(':MACRO: DOUBLE(x)\nDOUBLE = 2 * x ~~|\n:END OF MACRO:\na = DOUBLE(3 : y) ~~|'));
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.diagnostics.map((d) => d.code)).toContain('argument-count');
  });
});
