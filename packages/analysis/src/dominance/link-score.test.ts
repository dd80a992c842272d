import { describe, expect, it } from 'vitest';
import { parseEquation, printEquation } from '@sluice/language';
import type { Expr } from '@sluice/ir';
import { ceterisParibus } from './ceteris-paribus.js';
import { flowToStockScore, instantLinkScore, loopScores } from './link-score.js';

describe('ceteris paribus equations', () => {
  const expr = (text: string): Expr => {
    const r = parseEquation(text);
    if (!r.expr) throw new Error(r.diagnostics[0]!.message);
    return r.expr;
  };
  const moved = (text: string, source: string): string => printEquation(ceterisParibus(expr(text), source));
  const same = (text: string): string => printEquation(expr(text));

  it('reads every part that does not hold the source one step back', () => {
    expect(moved('r * s * (1 - s / k)', 's')).toBe(same('PREVIOUS(r) * s * (1 - s / PREVIOUS(k))'));
  });

  it('keeps a whole call or time-dependent part at its previous value', () => {
    expect(moved('x + SMTH1(y, 3) + STEP(1, TIME)', 'x')).toBe(same('x + PREVIOUS(SMTH1(y, 3)) + PREVIOUS(STEP(1, TIME))'));
  });

  it('goes inside a condition that reads the source', () => {
    expect(moved('IF x > a THEN x ELSE b', 'x')).toBe(same('IF x > PREVIOUS(a) THEN x ELSE PREVIOUS(b)'));
  });
});

describe('link score formulas', () => {
  const series = (...xs: number[]) => Float64Array.from(xs);

  it('an instantaneous link: |Δx(z)/Δz| with the sign of Δx(z)/Δx, 0 when x or z stands still', () => {
    // z = x - y: x goes 1 -> 3, y goes 0 -> 1, so z goes 1 -> 2; with only x moved z would be 3.
    const score = instantLinkScore(series(1, 3, 3), series(1, 2, 2), series(1, 3, 2));
    expect(Number.isNaN(score[0]!)).toBe(true);
    expect(score[1]).toBe(2);
    expect(score[2]).toBe(0);
    // y -> z: y rises by 1 and with only y moved z would be 0: a change of -1 against Δz = 1.
    expect(instantLinkScore(series(0, 1), series(1, 2), series(1, 0))[1]).toBe(-1);
  });

  it('a flow into or out of a stock: |Δflow / Δnet flow|, signed by the flow direction', () => {
    // The 2023 paper's example: inflow 5 -> 10, outflow 4 -> 5, net 1 -> 5.
    expect(flowToStockScore(series(5, 10), series(1, 5), 1)[1]).toBe(1.25);
    expect(flowToStockScore(series(4, 5), series(1, 5), -1)[1]).toBe(-0.25);
    expect(flowToStockScore(series(4, 4), series(1, 1), -1)[1]).toBe(0);
  });

  it('a loop score is the product of its link scores, whatever links loops share', () => {
    const links: Record<string, Float64Array> = { a: series(2, 3), b: series(5, -1), c: series(0.5, 4), d: series(-2, 2) };
    const scores = loopScores([['a', 'b', 'c'], ['d'], ['a', 'b'], ['a', 'd', 'c']], (k) => links[k]!, 2);
    expect(scores.map((s) => Array.from(s))).toEqual([[5, -12], [-2, 2], [10, -3], [-2, 24]]);
  });
});
