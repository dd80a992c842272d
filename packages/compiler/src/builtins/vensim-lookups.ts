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
  {
    name: 'GET_DATA_BETWEEN_TIMES',
    family: 'lookup',
    params: [{ name: 'data' }, { name: 'time' }, { name: 'mode' }],
    summary:
      "The data variable's series at `time` rather than at the current time: mode -1 holds the last value at or before it, 0 interpolates, 1 takes the next value at or after it.",
    dialects: ['vensim'],
    differences: 'The mode must be written as the number -1, 0 or 1 (Sluice fixes it when the model is read).',
  },
];
