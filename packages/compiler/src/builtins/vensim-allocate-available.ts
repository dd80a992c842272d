import type { BuiltinSpec } from './types.js';

/**
 * Vensim's ALLOCATE AVAILABLE. Code generation owns it (`codegen/allocate-available.ts`): it
 * reads whole runs of its request and priority profile along the requesters' dimension.
 */
export const VENSIM_ALLOCATE_AVAILABLE_BUILTINS: BuiltinSpec[] = [
  {
    name: 'ALLOCATE_AVAILABLE',
    family: 'array',
    params: [{ name: 'request' }, { name: 'pp' }, { name: 'avail' }],
    summary:
      "Shares `avail` among requesters along the request's last subscript (`request[d]`, in an equation over d), each by its priority profile `pp[d, ptype]` (ptype, ppriority, pwidth, pextra): ptype 0 fixed quantity, 1 rectangular, 2 triangular, 3 normal, 4 exponential. Each gets request times its curve's share at the one level where the shares add up to `avail`; everything requested when `avail` covers it.",
    dialects: ['vensim'],
    differences:
      "Fixed-quantity requesters are served first (in proportion to their requests when they alone want more than is available). Constant elasticity (ptype 5) and the integer forms (ptype + 10) are refused when the model compiles: Vensim's reference names them without giving the curve's formula or the rounding rule. A ptype computed during the run that is not 0-4, or a width that is not positive, gives NaN. Negative requests count as 0.",
  },
];
