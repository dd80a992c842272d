import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@sluice/ir';
import { simulate } from '@sluice/runtime';
import { importVensim } from '@sluice/vensim';
import { compile } from '../index.js';

/** Runs a Vensim model (equations only; the control section is added) and returns each variable's values by time. */
function run(equations: string, control = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|'): Record<string, number[]> {
  const imported = importVensim(`{UTF-8}\n${equations}\n${control}\n`, { file: 'm.mdl' });
  if (!imported.ok) throw new Error(imported.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  const compiled = compile(imported.value);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  const result = simulate(compiled.value);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return Object.fromEntries(result.value.columns.map((c) => [c.ident, Array.from(c.values)]));
}

describe('Vensim builtins', () => {
  it('XIDZ and ZIDZ treat a denominator below 1e-6 as zero', () => {
    const r = run('a = XIDZ(3, 2, 7) ~~|\nb = XIDZ(3, 1e-7, 7) ~~|\nc = ZIDZ(3, 0) ~~|\nd = ZIDZ(-3, 4) ~~|');
    expect([r.a?.[0], r.b?.[0], r.c?.[0], r.d?.[0]]).toEqual([1.5, 7, 0, -0.75]);
  });

  it('INTEGER truncates, QUANTUM cuts to multiples toward zero, MODULO keeps the sign of x', () => {
    const r = run(
      'i = INTEGER(-1.5) ~~|\nq = QUANTUM(7.9, 2) ~~|\nqn = QUANTUM(-7.9, 2) ~~|\nq0 = QUANTUM(7.9, 0) ~~|\nm = MODULO(7, 3) ~~|\nmn = MODULO(-7, 3) ~~|',
    );
    expect([r.i?.[0], r.q?.[0], r.qn?.[0], r.q0?.[0], r.m?.[0], r.mn?.[0]]).toEqual([-1, 6, -6, 7.9, 1, -1]);
  });

  it('POWER, LOG with a base, and the hyperbolic functions', () => {
    const r = run('p = POWER(2, 10) ~~|\nl = LOG(1000, 10) ~~|\nt = TANH(0) + COSH(0) + SINH(0) ~~|');
    expect(r.p?.[0]).toBe(1024);
    expect(r.l?.[0]).toBeCloseTo(3, 12);
    expect(r.t?.[0]).toBe(1);
  });

  it('PULSE TRAIN is 1 for `width` from each start until `end`', () => {
    const r = run('p = PULSE TRAIN(1, 1, 2, 8) ~~|\nonce = PULSE TRAIN(2, 2, 0, 8) ~~|', 'INITIAL TIME = 0 ~~|\nFINAL TIME = 9 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|');
    expect(r.p).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 0]);
    expect(r.once).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('SAMPLE IF TRUE holds the input taken while the condition was true, and the initial value before', () => {
    const r = run('s = SAMPLE IF TRUE(Time >= 2 :AND: Time <= 3, Time * 10, -1) ~~|\nfirst = SAMPLE IF TRUE(Time = 0, 5 + Time, 0) ~~|', 'INITIAL TIME = 0 ~~|\nFINAL TIME = 6 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|');
    expect(r.s).toEqual([-1, -1, 20, 30, 30, 30, 30]);
    expect(r.first).toEqual([5, 5, 5, 5, 5, 5, 5]);
  });

  it('GAME passes its input through', () => {
    expect(run('g = GAME(Time * 2) ~~|').g).toEqual([0, 2, 4, 6, 8]);
  });
});
