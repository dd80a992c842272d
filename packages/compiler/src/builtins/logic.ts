import type { BuiltinSpec } from './types.js';

/** Choice between values. Conditions are numbers: 0 is false, anything else true. */
export const LOGIC_BUILTINS: BuiltinSpec[] = [
  {
    name: 'IF_THEN_ELSE',
    family: 'logic',
    params: [{ name: 'condition' }, { name: 'then' }, { name: 'else' }],
    summary: '`then` when condition is non-zero, otherwise `else`; only the chosen branch is evaluated. Same as `IF c THEN a ELSE b`.',
    dialects: ['xmile', 'vensim'],
    emit: ([c, a, b]) => `((${c}) !== 0 ? (${a}) : (${b}))`,
  },
];
