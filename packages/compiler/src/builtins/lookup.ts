import type { BuiltinSpec } from './types.js';

/**
 * Graphical functions (lookup tables). A variable with a table is also callable by its own
 * name: `effect_of_price(price)`. Code generation handles both forms, because the table lives
 * in its own array rather than in an argument.
 */
export const LOOKUP_BUILTINS: BuiltinSpec[] = [
  {
    name: 'LOOKUP',
    family: 'lookup',
    params: [{ name: 'table' }, { name: 'x' }],
    summary:
      "The value of graphical function `table` at x. Continuous tables interpolate linearly and hold the end values outside their range; 'extrapolate' tables extend the end segments; 'discrete' tables hold each point's value up to the next point.",
    dialects: ['xmile', 'vensim'],
    differences: 'Vensim writes the call as `table(x)`; Stella accepts both.',
  },
  {
    name: 'WITH_LOOKUP',
    family: 'lookup',
    params: [{ name: 'x' }, { name: 'table' }],
    summary: 'Vensim: x through the table written in place, `WITH LOOKUP(x, ((0,0),(1,2)))`; interpolates like a continuous graphical function.',
    dialects: ['vensim'],
  },
];
