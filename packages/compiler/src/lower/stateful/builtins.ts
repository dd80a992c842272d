import type { Dialect, Expr, GraphicalFunction } from '@sluice/ir';
import { num, ref } from '../expr-build.js';
import type { SubModel } from '../sub-model.js';
import { delayChain, smoothChain } from './stage-chains.js';
import { forecast, npv, trend } from './trend.js';
import { SAMPLE_IF_TRUE } from '../../builtins/vensim-sample-if-true.js';
import { findBuiltin } from '../../builtins/registry.js';
import { HISTORY, LOOKUPINV } from './stella.js';

/** What lowering one call needs besides the sub-model it fills. */
export interface StatefulContext {
  dialect: Dialect;
  /** The order argument's value at the initial time, or undefined when it cannot be known then. */
  order(e: Expr): number | undefined;
  /** The graphical function an argument names (LOOKUPINV's table), if it names one. */
  table?(e: Expr): GraphicalFunction | undefined;
}

export type LowerResult = Expr | { code: string; message: string };

/** A builtin that keeps state, and how to write it as stocks and flows. */
export interface StatefulBuiltin {
  /** Unused: lowering takes argument counts from the builtin table (`loweredArity`). */
  arity?: number[];
  lower(b: SubModel, args: Expr[], ctx: StatefulContext): LowerResult;
}

type Kind = 'smooth' | 'delay';

/** Each stage is a stock: an order beyond any real model's would only be a way to exhaust memory. */
export const MAX_ORDER = 1000;

/** SMTH1(input, time[, initial]) and the like: order fixed, initial optional and last. */
function fixedOrder(kind: Kind, n: number): StatefulBuiltin {
  return {
    lower: (b, [input, time, initial]) => chain(b, kind, input!, time!, n, initial),
  };
}

/** SMTHN/DELAYN (input, time, n[, initial]) and Vensim's SMOOTH N/DELAY N (input, time, initial, n). */
function nthOrder(kind: Kind, layout: 'xmile' | 'vensim'): StatefulBuiltin {
  const pipelined = kind === 'delay' && layout === 'vensim';
  return {
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
  lower: (b, [input, time, initial], ctx) =>
    trend(b, ctx.dialect, b.argument('input', input!), b.argument('time', time!), initial ? b.argument('initial', initial) : num(0)),
};

const xmileForecast: StatefulBuiltin = {
  lower: (b, [input, time, horizon, initial], ctx) =>
    forecast(b, ctx.dialect, b.argument('input', input!), b.argument('time', time!), b.argument('horizon', horizon!), initial ? b.argument('initial', initial) : num(0)),
};

const vensimTrend: StatefulBuiltin = { lower: xmileTrend.lower };

const vensimForecast: StatefulBuiltin = {
  lower: (b, [input, time, horizon], ctx) =>
    forecast(b, ctx.dialect, b.argument('input', input!), b.argument('time', time!), b.argument('horizon', horizon!), num(0)),
};

/** Vensim's NPV takes all four arguments; Stella's leaves the initial value (0) and factor (1) optional. */
const npvCall: StatefulBuiltin = {
  lower: (b, [stream, rate, initial, factor]) =>
    npv(b, b.argument('stream', stream!), b.argument('rate', rate!), initial ? b.argument('initial', initial) : num(0), factor ? b.argument('factor', factor) : num(1), ref('dt', 'DT')),
};

/**
 * How each stateful builtin is lowered, per dialect. What it is called with and what it does
 * are in the builtin table (`builtins/lowered.ts`), which lowering reads for argument counts.
 */
const XMILE: Record<string, StatefulBuiltin> = {
  SMTH1: fixedOrder('smooth', 1),
  SMTH3: fixedOrder('smooth', 3),
  SMTHN: nthOrder('smooth', 'xmile'),
  DELAY1: fixedOrder('delay', 1),
  DELAY3: fixedOrder('delay', 3),
  DELAYN: nthOrder('delay', 'xmile'),
  TREND: xmileTrend,
  FORCST: xmileForecast,
  HISTORY,
  LOOKUPINV,
  NPV: npvCall,
};

const VENSIM: Record<string, StatefulBuiltin> = {
  SMOOTH: fixedOrder('smooth', 1),
  SMOOTHI: fixedOrder('smooth', 1),
  SMOOTH3: fixedOrder('smooth', 3),
  SMOOTH3I: fixedOrder('smooth', 3),
  SMOOTH_N: nthOrder('smooth', 'vensim'),
  DELAY1: fixedOrder('delay', 1),
  DELAY1I: fixedOrder('delay', 1),
  DELAY3: fixedOrder('delay', 3),
  DELAY3I: fixedOrder('delay', 3),
  DELAY_N: nthOrder('delay', 'vensim'),
  TREND: vensimTrend,
  FORECAST: vensimForecast,
  NPV: npvCall,
  SAMPLE_IF_TRUE,
};

/** The names lowering handles in each dialect, for tests that hold it to the builtin table. */
export function loweredNames(dialect: Dialect): string[] {
  return Object.keys(dialect === 'vensim' ? VENSIM : XMILE);
}

/** How many arguments a lowered builtin takes in a dialect, ascending: from the builtin table. */
export function loweredArity(fn: string, dialect: Dialect): number[] {
  const spec = findBuiltin(fn);
  const params = spec ? (spec.forms?.[dialect] ?? spec.params) : [];
  const min = params.filter((x) => !x.optional).length;
  return Array.from({ length: params.length - min + 1 }, (_, i) => min + i);
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
