import type { BuiltinSpec } from './types.js';

const lookupCall = (name: string, summary: string): BuiltinSpec => ({
  name,
  family: 'lookup',
  params: [{ name: 'table' }, { name: 'x' }],
  summary,
  dialects: ['vensim'],
});

/**
 * Vensim's ways of reading a lookup other than its own: resolution and code generation handle
 * them as LOOKUP with a mode, because the table lives in its own array rather than in an argument.
 */
export const VENSIM_LOOKUP_BUILTINS: BuiltinSpec[] = [
  lookupCall('LOOKUP_EXTRAPOLATE', 'The table at x, extending its first and last segments beyond its range instead of holding the end values.'),
  lookupCall('LOOKUP_FORWARD', 'The y of the first point at or beyond x (the last y beyond the range): a step read forward.'),
  lookupCall('LOOKUP_BACKWARD', 'The y of the last point at or below x (the first y below the range): a step read backward, as a discrete table.'),
];
