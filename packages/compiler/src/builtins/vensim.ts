import type { BuiltinSpec } from './types.js';

/**
 * Vensim's own functions that need no state, as its function reference defines them. Vensim
 * treats a magnitude below 1e-6 as zero where a function tests for zero (XIDZ, ZIDZ, QUANTUM);
 * Sluice does the same so results match Vensim's.
 */
const VENSIM_ZERO = '1e-6';

/** Floored remainder, written inline because generated code may call only `h` and `Math`. */
const floorMod = (a: string, b: string): string => `((${a}) - (${b}) * Math.floor((${a}) / (${b})))`;

const vensim = (spec: Omit<BuiltinSpec, 'dialects'>): BuiltinSpec => ({ ...spec, dialects: ['vensim'] });

export const VENSIM_BUILTINS: BuiltinSpec[] = [
  vensim({
    name: 'XIDZ',
    family: 'math',
    params: [{ name: 'a' }, { name: 'b' }, { name: 'x' }],
    summary: 'a / b, or x when b is zero (|b| < 1e-6).',
    differences: "Stella's SAFEDIV(a, b, x) tests b = 0 exactly.",
    emit: ([a, b, x]) => `(Math.abs(${b}) < ${VENSIM_ZERO} ? (${x}) : (${a}) / (${b}))`,
  }),
  vensim({
    name: 'ZIDZ',
    family: 'math',
    params: [{ name: 'a' }, { name: 'b' }],
    summary: 'a / b, or 0 when b is zero (|b| < 1e-6).',
    emit: ([a, b]) => `(Math.abs(${b}) < ${VENSIM_ZERO} ? 0 : (${a}) / (${b}))`,
  }),
  vensim({
    name: 'INTEGER',
    family: 'math',
    params: [{ name: 'x' }],
    summary: 'The integer part of x, truncated toward zero (INTEGER(-1.5) = -1).',
    emit: ([x]) => `Math.trunc(${x})`,
  }),
  vensim({
    name: 'QUANTUM',
    family: 'math',
    params: [{ name: 'x' }, { name: 'q' }],
    summary: 'x cut down to a whole multiple of q toward zero: q * INTEGER(x / q); x itself when q is not positive.',
    emit: ([x, q]) => `((${q}) < ${VENSIM_ZERO} ? (${x}) : (${q}) * Math.trunc((${x}) / (${q})))`,
  }),
  vensim({
    name: 'MODULO',
    family: 'math',
    params: [{ name: 'x' }, { name: 'm' }],
    summary: 'The remainder of x / m as Vensim computes it: x - QUANTUM(x, m), so it has the sign of x (MODULO(-1, 3) = -1).',
    differences: "XMILE's MOD is floored (MOD(-1, 3) = 2); they agree for x >= 0.",
    emit: ([x, m]) => `((${m}) < ${VENSIM_ZERO} ? 0 : (${x}) - (${m}) * Math.trunc((${x}) / (${m})))`,
  }),
  vensim({
    name: 'POWER',
    family: 'math',
    params: [{ name: 'base' }, { name: 'exponent' }],
    summary: 'base raised to exponent, as the ^ operator.',
    emit: ([a, b]) => `Math.pow(${a}, ${b})`,
  }),
  vensim({
    name: 'LOG',
    family: 'math',
    params: [{ name: 'x' }, { name: 'base' }],
    summary: 'The logarithm of x in the given base: LN(x) / LN(base).',
    emit: ([x, b]) => `(Math.log(${x}) / Math.log(${b}))`,
  }),
  vensim({
    name: 'SINH',
    family: 'math',
    params: [{ name: 'x' }],
    summary: 'Hyperbolic sine.',
    emit: ([x]) => `Math.sinh(${x})`,
  }),
  vensim({
    name: 'COSH',
    family: 'math',
    params: [{ name: 'x' }],
    summary: 'Hyperbolic cosine.',
    emit: ([x]) => `Math.cosh(${x})`,
  }),
  vensim({
    name: 'TANH',
    family: 'math',
    params: [{ name: 'x' }],
    summary: 'Hyperbolic tangent.',
    emit: ([x]) => `Math.tanh(${x})`,
  }),
  vensim({
    name: 'PULSE_TRAIN',
    family: 'time-input',
    params: [{ name: 'start' }, { name: 'width' }, { name: 'interval' }, { name: 'end' }],
    summary:
      '1 from `start` for `width` time units, repeating every `interval` (once when it is 0), until `end`; 0 otherwise. Times are compared with 1e-6 of slack, as Vensim does.',
    timeVarying: true,
    emit: ([start, width, interval, end], ctx) => {
      const since = `(${ctx.time}) - (${start}) + ${VENSIM_ZERO}`;
      // An interval of 0 means one pulse only.
      const phase = `((${interval}) > 0 ? ${floorMod(since, interval ?? '1')} : ${since})`;
      // `end` is inclusive: Vensim's own output has the pulse still on at TIME = end.
      return `(${since} >= 0 && (${ctx.time}) <= (${end}) + ${VENSIM_ZERO} && ${phase} < (${width}) ? 1 : 0)`;
    },
  }),
  vensim({
    name: 'GAME',
    family: 'time-input',
    params: [{ name: 'x' }],
    summary: 'A value a player may set during a game; in a simulation, x itself.',
    emit: ([x]) => `(${x})`,
  }),
];
