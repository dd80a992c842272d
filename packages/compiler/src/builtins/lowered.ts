import type { BuiltinParam, BuiltinSpec } from './types.js';

/**
 * Smooths, material delays, TREND, FORECAST and NPV: builtins that keep state in stocks of
 * their own. Lowering (`lower/stateful/`) rewrites each call into hidden stocks and flows and
 * takes the argument counts from here; this table is their only description.
 */
const p = (...names: string[]): BuiltinParam[] =>
  names.map((n) => (n.startsWith('?') ? { name: n.slice(1), optional: true } : { name: n }));

const lowered = (
  name: string,
  dialects: BuiltinSpec['dialects'],
  params: BuiltinParam[],
  summary: string,
  extra: Partial<BuiltinSpec> = {},
): BuiltinSpec => ({ name, family: 'memory', params, summary, dialects, lowered: true, ...extra });

export const LOWERED_BUILTINS: BuiltinSpec[] = [
  lowered('SMTH1', ['xmile'], p('input', 'averaging_time', '?initial'), 'First-order exponential smooth; starts at `initial` (default: the input).'),
  lowered('SMTH3', ['xmile'], p('input', 'averaging_time', '?initial'), 'Third-order exponential smooth: three first-order smooths in a cascade, each over averaging_time/3.'),
  lowered('SMTHN', ['xmile'], p('input', 'averaging_time', 'n', '?initial'), 'n-th order exponential smooth; n is read once, at the start.'),
  lowered('DELAY1', ['xmile', 'vensim'], p('input', 'delay_time', '?initial'), 'First-order material delay; the output starts at `initial` (default: the input).', {
    forms: { vensim: p('input', 'delay_time') },
    differences: 'Vensim takes no initial value (DELAY1I does).',
  }),
  lowered('DELAY3', ['xmile', 'vensim'], p('input', 'delay_time', '?initial'), 'Third-order material delay: three stages of delay_time/3; the output starts at `initial` (default: the input).', {
    forms: { vensim: p('input', 'delay_time') },
    differences: 'Vensim takes no initial value (DELAY3I does).',
  }),
  lowered('DELAYN', ['xmile'], p('input', 'delay_time', 'n', '?initial'), 'n-th order material delay; n is read once, at the start.'),
  lowered('TREND', ['xmile', 'vensim'], p('input', 'averaging_time', '?initial'), 'Fractional growth rate of the input per time unit: (input - average)/(averaging_time * average), the average a first-order smooth; starts at `initial` (default 0).', {
    forms: { vensim: p('input', 'average_time', 'initial_trend') },
    differences: 'Vensim requires the initial trend and divides with ZIDZ by averaging_time * ABS(average): 0 rather than a division by zero, and the sign of the gap kept when the average is negative.',
  }),
  lowered('FORCST', ['xmile'], p('input', 'averaging_time', 'horizon', '?initial'), 'The input extrapolated `horizon` ahead along its TREND: input * (1 + trend * horizon).'),
  lowered('SMOOTH', ['vensim'], p('input', 'delay_time'), 'First-order exponential smooth, starting at the input.'),
  lowered('SMOOTHI', ['vensim'], p('input', 'delay_time', 'initial'), 'First-order exponential smooth, starting at `initial`.'),
  lowered('SMOOTH3', ['vensim'], p('input', 'delay_time'), 'Third-order exponential smooth, starting at the input.'),
  lowered('SMOOTH3I', ['vensim'], p('input', 'delay_time', 'initial'), 'Third-order exponential smooth, starting at `initial`.'),
  lowered('SMOOTH_N', ['vensim'], p('input', 'delay_time', 'initial', 'n'), 'n-th order exponential smooth; n is read once, at the start.', {
    differences: 'The initial value comes before the order, unlike Stella\'s SMTHN.',
  }),
  lowered('DELAY1I', ['vensim'], p('input', 'delay_time', 'initial'), 'First-order material delay; the output starts at `initial`.'),
  lowered('DELAY3I', ['vensim'], p('input', 'delay_time', 'initial'), 'Third-order material delay; the output starts at `initial`.'),
  lowered('DELAY_N', ['vensim'], p('input', 'delay_time', 'initial', 'n'), 'n-th order material delay; n is read once, at the start; a change of delay time reaches each stage one step after the stage before.', {
    differences: 'The initial value comes before the order, unlike Stella\'s DELAYN.',
  }),
  lowered('FORECAST', ['vensim'], p('input', 'average_time', 'horizon'), 'input * (1 + trend * horizon), the trend as ZIDZ(input - average, average_time * average), the average starting at the input.'),
  lowered('NPV', ['xmile', 'vensim'], p('stream', 'discount_rate', '?initial', '?factor'), 'Net present value of the stream, discounting from the start (the current period undiscounted): (accumulated + stream * TIME STEP * discount factor) * factor, the discount factor decaying at rate/(1 + rate * TIME STEP); `initial` defaults to 0 and `factor` to 1.', {
    forms: { vensim: p('stream', 'discount_rate', 'initial', 'factor') },
    differences: 'Vensim requires all four arguments; Stella writes NPV(stream, discount_rate). Both are computed with Vensim\'s discrete discounting: isee documents the arguments, not the discretisation, so a Stella result may differ in the last digits at a large DT.',
  }),
  lowered('SAMPLE_IF_TRUE', ['vensim'], p('condition', 'input', 'initial'), 'The input while the condition holds, else the value it last took; `initial` until the condition first holds.'),
];
