import type { Dialect, Expr } from '@sluice/ir';
import { num, ref } from '../expr-build.js';
import type { SubModel } from '../sub-model.js';
import { delayChain, smoothChain } from './stage-chains.js';
import { forecast, npv, trend } from './trend.js';
import { SAMPLE_IF_TRUE } from '../../builtins/vensim-sample-if-true.js';

/** What lowering one call needs besides the sub-model it fills. */
export interface StatefulContext {
  dialect: Dialect;
  /** The order argument's value at the initial time, or undefined when it cannot be known then. */
  order(e: Expr): number | undefined;
}

export type LowerResult = Expr | { code: string; message: string };

/** A builtin that keeps state, and how to write it as stocks and flows. */
export interface StatefulBuiltin {
  /** How many arguments it takes, ascending. */
  arity: number[];
  lower(b: SubModel, args: Expr[], ctx: StatefulContext): LowerResult;
}

type Kind = 'smooth' | 'delay';

/** Each stage is a stock: an order beyond any real model's would only be a way to exhaust memory. */
export const MAX_ORDER = 1000;

/** SMTH1(input, time[, initial]) and the like: order fixed, initial optional and last. */
function fixedOrder(kind: Kind, n: number, withInitial: 'optional' | 'required' | 'none'): StatefulBuiltin {
  const arity = withInitial === 'optional' ? [2, 3] : withInitial === 'required' ? [3] : [2];
  return {
    arity,
    lower: (b, [input, time, initial]) => chain(b, kind, input!, time!, n, initial),
  };
}

/** SMTHN/DELAYN (input, time, n[, initial]) and Vensim's SMOOTH N/DELAY N (input, time, initial, n). */
function nthOrder(kind: Kind, layout: 'xmile' | 'vensim'): StatefulBuiltin {
  const pipelined = kind === 'delay' && layout === 'vensim';
  return {
    arity: layout === 'xmile' ? [3, 4] : [4],
    lower: (b, args, ctx) => {
      const [input, time] = args;
      const orderArg = layout === 'xmile' ? args[2]! : args[3]!;
      const initial = layout === 'xmile' ? args[3] : args[2];
      const value = ctx.order(orderArg);
      if (value === undefined) {
        return { code: 'non-constant-order', message: 'the order of a delay or smooth must be known at the start of the run (a number or a constant)' };
      }
      const n = Math.round(value);
      if (!Number.isFinite(n) || n < 1 || n > MAX_ORDER) {
        return { code: 'bad-order', message: `the order of a delay or smooth must be from 1 to ${MAX_ORDER}, not ${value}` };
      }
      return chain(b, kind, input!, time!, n, initial, pipelined);
    },
  };
}

function chain(b: SubModel, kind: Kind, input: Expr, time: Expr, n: number, initial: Expr | undefined, pipelined = false): Expr {
  const i = b.argument('input', input);
  const t = b.argument('time', time);
  const init = initial ? b.argument('initial', initial) : i;
  return kind === 'smooth' ? smoothChain(b, i, t, n, init) : delayChain(b, i, t, n, init, pipelined);
}

const xmileTrend: StatefulBuiltin = {
  arity: [2, 3],
  lower: (b, [input, time, initial], ctx) =>
    trend(b, ctx.dialect, b.argument('input', input!), b.argument('time', time!), initial ? b.argument('initial', initial) : num(0)),
};

const xmileForecast: StatefulBuiltin = {
  arity: [3, 4],
  lower: (b, [input, time, horizon, initial], ctx) =>
    forecast(b, ctx.dialect, b.argument('input', input!), b.argument('time', time!), b.argument('horizon', horizon!), initial ? b.argument('initial', initial) : num(0)),
};

const vensimTrend: StatefulBuiltin = { arity: [3], lower: xmileTrend.lower };

const vensimForecast: StatefulBuiltin = {
  arity: [3],
  lower: (b, [input, time, horizon], ctx) =>
    forecast(b, ctx.dialect, b.argument('input', input!), b.argument('time', time!), b.argument('horizon', horizon!), num(0)),
};

const vensimNpv: StatefulBuiltin = {
  arity: [4],
  lower: (b, [stream, rate, initial, factor]) =>
    npv(b, b.argument('stream', stream!), b.argument('rate', rate!), b.argument('initial', initial!), b.argument('factor', factor!), ref('dt', 'DT')),
};

/** How a builtin is called and what it does, for messages, completion and documentation. */
interface Described {
  signature: string;
  summary: string;
}

type Entry = StatefulBuiltin & Described;
const entry = (b: StatefulBuiltin, signature: string, summary: string): Entry => ({ ...b, signature, summary });

/** Stella's and the XMILE standard's stateful builtins (XMILE 1.0, section 3.5.3). */
const XMILE: Record<string, Entry> = {
  SMTH1: entry(fixedOrder('smooth', 1, 'optional'), 'SMTH1(input, averaging_time[, initial])', 'First-order exponential smooth; starts at `initial` (default: the input).'),
  SMTH3: entry(fixedOrder('smooth', 3, 'optional'), 'SMTH3(input, averaging_time[, initial])', 'Third-order exponential smooth: three first-order smooths in a cascade, each over averaging_time/3.'),
  SMTHN: entry(nthOrder('smooth', 'xmile'), 'SMTHN(input, averaging_time, n[, initial])', 'n-th order exponential smooth; n is read once, at the start.'),
  DELAY1: entry(fixedOrder('delay', 1, 'optional'), 'DELAY1(input, delay_time[, initial])', 'First-order material delay; the output starts at `initial` (default: the input).'),
  DELAY3: entry(fixedOrder('delay', 3, 'optional'), 'DELAY3(input, delay_time[, initial])', 'Third-order material delay: three stages of delay_time/3.'),
  DELAYN: entry(nthOrder('delay', 'xmile'), 'DELAYN(input, delay_time, n[, initial])', 'n-th order material delay; n is read once, at the start.'),
  TREND: entry(xmileTrend, 'TREND(input, averaging_time[, initial])', 'Fractional growth rate of the input per time unit, (input - average)/(averaging_time * average); starts at `initial` (default 0).'),
  FORCST: entry(xmileForecast, 'FORCST(input, averaging_time, horizon[, initial])', 'The input extrapolated `horizon` ahead along its TREND: input * (1 + trend * horizon).'),
};

/** Vensim's, as its function reference defines them. */
const VENSIM: Record<string, Entry> = {
  SMOOTH: entry(fixedOrder('smooth', 1, 'none'), 'SMOOTH(input, delay_time)', 'First-order exponential smooth, starting at the input.'),
  SMOOTHI: entry(fixedOrder('smooth', 1, 'required'), 'SMOOTHI(input, delay_time, initial)', 'First-order exponential smooth, starting at `initial`.'),
  SMOOTH3: entry(fixedOrder('smooth', 3, 'none'), 'SMOOTH3(input, delay_time)', 'Third-order exponential smooth, starting at the input.'),
  SMOOTH3I: entry(fixedOrder('smooth', 3, 'required'), 'SMOOTH3I(input, delay_time, initial)', 'Third-order exponential smooth, starting at `initial`.'),
  SMOOTH_N: entry(nthOrder('smooth', 'vensim'), 'SMOOTH N(input, delay_time, initial, n)', 'n-th order exponential smooth; n is read once, at the start.'),
  DELAY1: entry(fixedOrder('delay', 1, 'none'), 'DELAY1(input, delay_time)', 'First-order material delay; the output starts at the input.'),
  DELAY1I: entry(fixedOrder('delay', 1, 'required'), 'DELAY1I(input, delay_time, initial)', 'First-order material delay; the output starts at `initial`.'),
  DELAY3: entry(fixedOrder('delay', 3, 'none'), 'DELAY3(input, delay_time)', 'Third-order material delay; the output starts at the input.'),
  DELAY3I: entry(fixedOrder('delay', 3, 'required'), 'DELAY3I(input, delay_time, initial)', 'Third-order material delay; the output starts at `initial`.'),
  DELAY_N: entry(nthOrder('delay', 'vensim'), 'DELAY N(input, delay_time, initial, n)', 'n-th order material delay; n is read once, at the start; a change of delay time reaches each stage one step after the stage before.'),
  TREND: entry(vensimTrend, 'TREND(input, average_time, initial_trend)', 'Fractional growth rate: ZIDZ(input - average, average_time * ABS(average)).'),
  FORECAST: entry(vensimForecast, 'FORECAST(input, average_time, horizon)', 'input * (1 + trend * horizon), the trend as ZIDZ(input - average, average_time * average).'),
  NPV: entry(vensimNpv, 'NPV(stream, discount_rate, initial, factor)', 'Net present value of the stream, discounting from the start (the current period undiscounted).'),
  SAMPLE_IF_TRUE: entry(SAMPLE_IF_TRUE, 'SAMPLE IF TRUE(condition, input, initial)', 'The input while the condition holds, else the value it last took; `initial` until the condition first holds.'),
};

/** Every stateful builtin with its signature, per dialect: for completion and documentation. */
export function statefulBuiltinReference(): { name: string; dialect: Dialect; arity: number[]; signature: string; summary: string }[] {
  const rows = (table: Record<string, Entry>, dialect: Dialect) =>
    Object.entries(table).map(([name, e]) => ({ name, dialect, arity: [...e.arity], signature: e.signature, summary: e.summary }));
  return [...rows(XMILE, 'xmile'), ...rows(VENSIM, 'vensim')];
}

/**
 * The stateful builtin a call names, with the semantics of the project's dialect. A name only
 * the other dialect has (SMOOTH in an XMILE file, SMTH1 in a Vensim one) takes that dialect's
 * definition: a file mixing them still runs, and where both dialects define a name (DELAY1,
 * TREND) the file's own dialect wins.
 */
export function statefulBuiltin(fn: string, dialect: Dialect): { builtin: StatefulBuiltin; dialect: Dialect } | undefined {
  const other: Dialect = dialect === 'vensim' ? 'xmile' : 'vensim';
  for (const d of [dialect, other]) {
    const table = d === 'vensim' ? VENSIM : XMILE;
    if (Object.hasOwn(table, fn)) return { builtin: table[fn]!, dialect: d };
  }
  return undefined;
}

/** `2 or 3`, `4`: the counts a builtin accepts, for messages. */
export function describeArity(arity: number[]): string {
  if (arity.length === 1) return `${arity[0]}`;
  return `${arity.slice(0, -1).join(', ')} or ${arity[arity.length - 1]}`;
}
