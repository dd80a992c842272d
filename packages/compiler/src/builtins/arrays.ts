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
  { ...reduction('SUM', 'The sum of the elements.', 'Vensim writes SUM(a[dim!]).'), dialects: ['xmile', 'vensim'] },
  reduction('MEAN', 'The mean of the elements.'),
  reduction('STDDEV', 'The standard deviation of the elements (population: divides by n).'),
  reduction('SIZE', 'The number of elements.'),
  {
    name: 'RANK',
    family: 'array',
    params: [{ name: 'array' }, { name: 'rank' }],
    summary: 'The position (1-based) of the element that is `rank`-th smallest; a negative rank counts from the largest. Ties keep element order. NaN when rank is out of range.',
    dialects: ['xmile'],
    differences: "Stella's optional tie-breaking array is not supported.",
  },
  { ...reduction('PROD', 'The product of the elements.'), dialects: ['xmile', 'vensim'] },
  { ...reduction('VMIN', 'The smallest element (Vensim; Stella writes MIN(a[*])).'), dialects: ['vensim'] },
  { ...reduction('VMAX', 'The largest element (Vensim; Stella writes MAX(a[*])).'), dialects: ['vensim'] },
];
