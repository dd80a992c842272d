import { describe, expect, it } from 'vitest';
import { parseEquation } from '@sluice/language';
import type { GraphicalFunction } from '@sluice/ir';
import { linkSign, tableSign } from './polarity.js';

const rising: GraphicalFunction = { type: 'continuous', xs: [0, 1, 2], ys: [0, 0.5, 2] };
const falling: GraphicalFunction = { type: 'continuous', xs: [0, 1, 2], ys: [2, 1, 1] };
const humped: GraphicalFunction = { type: 'continuous', xs: [0, 1, 2], ys: [0, 1, 0] };

function sign(equation: string, source: string): string {
  const parsed = parseEquation(equation);
  if (!parsed.expr) throw new Error(parsed.diagnostics[0]?.message);
  const tables: Record<string, GraphicalFunction> = { effect_up: rising, effect_down: falling, effect_hump: humped };
  return linkSign(parsed.expr, source, { tableOf: (n) => tables[n] });
}

describe('the sign of a causal link', () => {
  it('follows sums, differences, products and quotients of positive quantities', () => {
    expect(sign('a + b', 'a')).toBe('+');
    expect(sign('a - b', 'b')).toBe('-');
    expect(sign('a * b / c', 'a')).toBe('+');
    expect(sign('a * b / c', 'c')).toBe('-');
    expect(sign('(a - b) / c', 'a')).toBe('+');
    expect(sign('(a - b) / c', 'c')).toBe('?');
    expect(sign('-a', 'a')).toBe('-');
    expect(sign('1 / (1 + a)', 'a')).toBe('-');
    expect(sign('b', 'a')).toBe('0');
  });

  it('reads powers with a constant exponent', () => {
    expect(sign('a ^ 2', 'a')).toBe('+');
    expect(sign('a ^ -1', 'a')).toBe('-');
    expect(sign('2 ^ a', 'a')).toBe('?');
  });

  it('takes a graphical function\'s direction from its points', () => {
    expect(tableSign(rising)).toBe('+');
    expect(tableSign(falling)).toBe('-');
    expect(tableSign(humped)).toBe('?');
    expect(sign('effect_down(a / b)', 'a')).toBe('-');
    expect(sign('effect_down(a / b)', 'b')).toBe('+');
    expect(sign('LOOKUP(effect_up, a)', 'a')).toBe('+');
    expect(sign('effect_hump(a)', 'a')).toBe('?');
  });

  it('passes through monotone builtins and gives up on the rest', () => {
    expect(sign('MIN(a, b)', 'a')).toBe('+');
    expect(sign('SMTH1(a, 3)', 'a')).toBe('+');
    expect(sign('SAFEDIV(a, b)', 'b')).toBe('-');
    expect(sign('EXP(-a)', 'a')).toBe('-');
    expect(sign('SIN(a)', 'a')).toBe('?');
    expect(sign('IF a > 1 THEN b ELSE c', 'a')).toBe('?');
    expect(sign('IF x > 1 THEN a ELSE 2 * a', 'a')).toBe('+');
  });
});
