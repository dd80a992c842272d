import type { BuiltinSpec } from './types.js';

/** Named numbers, written with or without parentheses. */
export const CONSTANT_BUILTINS: BuiltinSpec[] = [
  {
    name: 'PI',
    family: 'constant',
    params: [],
    summary: 'The number pi, 3.14159265358979...',
    dialects: ['xmile'],
    bare: true,
    emit: () => 'Math.PI',
  },
  {
    name: 'INF',
    family: 'constant',
    params: [],
    summary: 'Positive infinity.',
    dialects: ['xmile'],
    bare: true,
    emit: () => '(1 / 0)',
  },
];
