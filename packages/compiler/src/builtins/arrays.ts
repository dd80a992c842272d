import type { BuiltinSpec } from './types.js';

const reduction = (name: string, summary: string, differences?: string): BuiltinSpec => ({
  name,
  family: 'array',
  params: [{ name: 'array' }],
  summary,
  dialects: ['xmile'],
  ...(differences ? { differences } : {}),
});

/**
 * Functions of a whole array or a slice (`a[*]`, `a[Boston, *]`, or `a` alone). Code
 * generation reads the argument's slots directly, so they have no `emit`. MIN and MAX with
 * one array argument (in the math family) reduce the same way.
 */
export const ARRAY_BUILTINS: BuiltinSpec[] = [
  reduction('SUM', 'The sum of the elements.', "Vensim writes SUM(a[dim!])."),
  reduction('MEAN', 'The mean of the elements.'),
  reduction('STDDEV', 'The standard deviation of the elements (population: divides by n).'),
  reduction('SIZE', 'The number of elements.'),
];
