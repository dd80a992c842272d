import type { Expr, GraphicalFunction } from '@sluice/ir';
import { bin, call, div, mul, num, sub } from '../expr-build.js';
import type { StatefulBuiltin } from './builtins.js';

/**
 * HISTORY(x, time): Stella's look back. More than a DT back it is the pipeline delay
 * DELAY(x, TIME - time), which keeps x's history and interpolates between steps; within the
 * last DT it interpolates between PREVIOUS(x) and x itself (DELAY cannot: this step's x is not
 * in its history yet); at or after now it is x.
 */
export const HISTORY: StatefulBuiltin = {
  lower: (b, [x, time]) => {
    const input = b.argument('input', x!);
    const back = b.auxOf('back', sub(call('TIME', []), b.argument('time', time!)));
    const dt = call('DT', []);
    const recent = sub(input, mul(sub(input, call('PREVIOUS', [input])), div(back, dt)));
    const older: Expr = { kind: 'if', condition: bin('<', back, dt), then: recent, else: call('DELAY', [input, back]) };
    return { kind: 'if', condition: bin('<=', back, num(0)), then: input, else: older };
  },
};

/**
 * LOOKUPINV(table, y): the graphical function read backwards, through a hidden table with x
 * and y swapped (reversed when the values fall), so it interpolates and clamps like any
 * continuous table.
 */
export const LOOKUPINV: StatefulBuiltin = {
  lower: (b, [table, y], ctx) => {
    const gf = table ? ctx.table?.(table) : undefined;
    if (!gf) return { code: 'not-a-graphical-function', message: 'the first argument must name a graphical function' };
    const inverse = invert(gf);
    if (!inverse) return { code: 'not-invertible', message: 'the graphical function must only rise or only fall to be inverted' };
    return b.tableOf('inverse', b.adopt(y!), inverse);
  },
};

function invert(gf: GraphicalFunction): GraphicalFunction | undefined {
  const n = Math.min(gf.xs.length, gf.ys.length);
  const xs = gf.xs.slice(0, n);
  const ys = gf.ys.slice(0, n);
  const rising = ys.every((v, i) => i === 0 || v >= ys[i - 1]!);
  const falling = ys.every((v, i) => i === 0 || v <= ys[i - 1]!);
  if (n === 0 || (!rising && !falling)) return undefined;
  return rising ? { type: 'continuous', xs: ys, ys: xs } : { type: 'continuous', xs: ys.reverse(), ys: xs.reverse() };
}
