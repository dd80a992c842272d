import type { BuiltinSpec } from './types.js';

/**
 * Builtins that remember earlier values. Each call site gets slots of its own, so code
 * generation handles them. They decide where the dependency graph has its cuts: PREVIOUS and
 * DELAY read values stored on earlier steps, so they do not make the current step wait for
 * their input; in the initial pass each one does wait for what its initial value needs.
 */
export const MEMORY_BUILTINS: BuiltinSpec[] = [
  {
    name: 'INIT',
    aliases: ['INITIAL'],
    family: 'memory',
    params: [{ name: 'x' }],
    summary: 'The value x had at the start of the run, fixed from then on.',
    dialects: ['xmile', 'vensim'],
  },
  {
    name: 'PREVIOUS',
    family: 'memory',
    params: [{ name: 'x' }, { name: 'initial', optional: true }],
    summary:
      'The value x had one DT earlier; at the start, `initial` (default: the initial value of x). Breaks feedback loops within a step.',
    dialects: ['xmile'],
  },
  {
    name: 'DELAY',
    aliases: ['DELAY_FIXED'],
    family: 'memory',
    params: [{ name: 'input' }, { name: 'delay' }, { name: 'initial', optional: true }],
    summary:
      'Pipeline delay: the input as it was `delay` time units ago (interpolated between steps). Before the run has that much history, `initial` (default: the initial value of the input).',
    dialects: ['xmile'],
    differences:
      "Stella's DELAY is this pipeline delay; Vensim's DELAY FIXED is the same idea, while Vensim DELAY1/DELAY3 are first/third-order material delays (expanded into stocks by lowering).",
  },
];
