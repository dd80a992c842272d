import type { Expr } from '@sluice/ir';
import { call, div, mul, num, sub } from '../expr-build.js';
import type { SubModel } from '../sub-model.js';

/** The time each of `n` stages takes: the whole time divided evenly, folded when it is a number. */
export function stageTime(time: Expr, n: number): Expr {
  if (n === 1) return time;
  return time.kind === 'number' ? num(time.value / n) : div(time, num(n));
}

function stagePart(name: string, i: number, n: number): string {
  return n === 1 ? name : `${name}${i}`;
}

/**
 * An n-th order exponential smooth (information delay): n stocks in a cascade, each adjusting
 * toward the one before it over time/n. Every stock starts at `initial`. The output is the
 * last stock. SMTH1, SMTH3, SMTHN and Vensim's SMOOTH family are all this.
 */
export function smoothChain(b: SubModel, input: Expr, time: Expr, n: number, initial: Expr): Expr {
  const t = stageTime(time, n);
  let previous = input;
  let last = input;
  for (let i = 1; i <= n; i++) {
    const stock = stagePart('stock', i, n);
    const flow = stagePart('flow', i, n);
    b.flow(flow, div(sub(previous, b.ref(stock)), t));
    last = b.stock(stock, initial, [flow], []);
    previous = last;
  }
  return last;
}

/**
 * An n-th order material delay: the input flows into the first of n stocks, each drains into
 * the next at stock/(time/n), and the output is the last outflow. Every stock starts holding
 * `initial * time/n`, so the output starts at `initial`. DELAY1, DELAY3, DELAYN and Vensim's
 * DELAY1/DELAY3/DELAY N (and their I forms) are all this.
 *
 * `pipelined` is Vensim's DELAY N: there each stage drains with the delay time the stage
 * before it had one step earlier, so a change of delay time travels down the chain a stage a
 * step instead of reaching every stage at once (Vensim's DELAY3 does not do this).
 */
export function delayChain(b: SubModel, input: Expr, time: Expr, n: number, initial: Expr, pipelined = false): Expr {
  const stageTimes: Expr[] = [];
  for (let i = 1; i <= n; i++) {
    if (!pipelined || time.kind === 'number' || i === 1) stageTimes.push(stageTime(time, n));
    else {
      const before = i === 2 ? time : b.ref(`time${i - 1}`);
      const lagged = b.auxOf(`time${i}`, call('PREVIOUS', [before]));
      stageTimes.push(stageTime(lagged, n));
    }
  }
  let inflow = 'inflow';
  b.flow(inflow, input);
  let output = input;
  for (let i = 1; i <= n; i++) {
    const stock = stagePart('stock', i, n);
    const outflow = stagePart('outflow', i, n);
    output = b.flow(outflow, div(b.ref(stock), stageTimes[i - 1]!));
    b.stock(stock, mul(initial, stageTime(time, n)), [inflow], [outflow]);
    inflow = outflow;
  }
  return output;
}
