import type { BuiltinSpec } from './types.js';

/** Stella's test inputs beyond the XMILE standard's. */
export const STELLA_BUILTINS: BuiltinSpec[] = [
  {
    name: 'SINWAVE',
    family: 'time-input',
    params: [{ name: 'amplitude' }, { name: 'period' }],
    summary: 'A sine wave through 0 at the start of time: amplitude * SIN(2 * PI * TIME / period).',
    dialects: ['xmile'],
    differences: 'Stella only; Vensim models write the SIN expression out.',
    timeVarying: true,
    emit: ([amplitude, period], ctx) => `(${amplitude}) * Math.sin(2 * Math.PI * ${ctx.time} / (${period}))`,
  },
  {
    name: 'COSWAVE',
    family: 'time-input',
    params: [{ name: 'amplitude' }, { name: 'period' }],
    summary: 'A cosine wave, at its peak at time 0: amplitude * COS(2 * PI * TIME / period).',
    dialects: ['xmile'],
    differences: 'Stella only; Vensim models write the COS expression out.',
    timeVarying: true,
    emit: ([amplitude, period], ctx) => `(${amplitude}) * Math.cos(2 * Math.PI * ${ctx.time} / (${period}))`,
  },
];

/** Stella functions lowering rewrites (`lower/stateful/stella.ts`); described here, once. */
export const STELLA_LOWERED_BUILTINS: BuiltinSpec[] = [
  {
    name: 'HISTORY',
    family: 'memory',
    params: [{ name: 'x' }, { name: 'time' }],
    summary:
      'The value x had at `time`, interpolated between steps; at or after the current time, the current value; before the start, the initial value of x.',
    dialects: ['xmile'],
    lowered: true,
  },
  {
    name: 'LOOKUPINV',
    family: 'lookup',
    params: [{ name: 'table' }, { name: 'y' }],
    summary:
      "The x at which graphical function `table` takes the value y, interpolating linearly between its points; outside the table's range of values, the x of the nearer end. The table's values must only rise or only fall.",
    dialects: ['xmile'],
    lowered: true,
  },
];
