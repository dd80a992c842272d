import type { BuiltinSpec } from './types.js';

/**
 * Vensim's vector functions. Code generation handles them (`codegen/vector-select.ts`), because
 * they loop over the dimensions their arguments' wildcards name.
 */
export const VENSIM_VECTOR_BUILTINS: BuiltinSpec[] = [
  {
    name: 'VECTOR_SELECT',
    family: 'array',
    params: [{ name: 'selection' }, { name: 'expression' }, { name: 'missing' }, { name: 'action' }, { name: 'error action' }],
    summary:
      'Over the elements the wildcards name (`sel[d!]`, `x[d!]`; different dimensions combine as all pairs), where `selection` is non-zero: action 0 sum, 1 product, 2 minimum, 3 maximum, 4 mean of selection * expression; 5 product of expression ^ selection; 6-10 sum, product, minimum, maximum, mean of expression alone. `missing` when nothing is selected.',
    dialects: ['vensim'],
    differences:
      "Action 5 follows what Vensim computes (expression ^ selection), not its help text. The error action is accepted and ignored: Sluice reports no run-time errors, and gives `missing` for an empty selection. An action outside 0-10 gives NaN.",
  },
  {
    name: 'ALLOCATE_BY_PRIORITY',
    family: 'array',
    params: [{ name: 'request' }, { name: 'priority' }, { name: 'size' }, { name: 'width' }, { name: 'supply' }],
    summary:
      "Shares `supply` among requesters along the request's last subscript (`request[d]`, in an equation over d): each gets request * clamp((priority - L) / width, 0, 1) for the one level L at which the shares add up to the supply; everything requested when the supply covers it.",
    dialects: ['vensim'],
    differences: '`size` is accepted and the count taken from the dimension. Negative requests count as 0; a width that is not positive gives NaN.',
  },
  {
    name: 'VECTOR_SORT_ORDER',
    family: 'array',
    params: [{ name: 'vector' }, { name: 'direction' }],
    summary:
      "In an equation over d, `VECTOR SORT ORDER(vector[d], direction)` at the i-th element is the element (0-based) that comes i-th when `vector` is sorted: ascending when direction > 0, else descending. Ties keep element order ascending; descending is that order reversed.",
    dialects: ['vensim'],
    differences:
      "Vensim's reference gives no order for ties. Sluice's (element order ascending, reversed descending) is how PySD computes it (an argsort, reversed for descending), and makes VECTOR RANK the inverse of VECTOR SORT ORDER in both directions.",
  },
  {
    name: 'VECTOR_RANK',
    family: 'array',
    params: [{ name: 'vector' }, { name: 'direction' }],
    summary:
      "In an equation over d, `VECTOR RANK(vector[d], direction)` is each element's place (1-based) in sorted order: ascending when direction > 0, else descending. Tied elements take contiguous ranks: by element order ascending, in reverse element order descending.",
    dialects: ['vensim'],
    differences:
      "Vensim's reference says tied elements are given contiguous ranks arbitrarily. Sluice's order is the one of its VECTOR SORT ORDER, so `rank[order[i]] = i + 1`.",
  },
  {
    name: 'VECTOR_ELM_MAP',
    family: 'array',
    params: [{ name: 'vector' }, { name: 'offset' }],
    summary:
      "In an equation over d, `VECTOR ELM MAP(vector[d], offset)` is the element of `vector` `offset` places (0-based, rounded) from the first element of d, along d; NaN outside the range.",
    dialects: ['vensim'],
    differences: 'Vensim lets the offset run on into the following rows of a multi-dimensional vector; Sluice stays within the range and gives NaN beyond it.',
  },
  {
    name: 'INVERT_MATRIX',
    family: 'array',
    params: [{ name: 'matrix' }, { name: 'n' }],
    summary:
      "The inverse of the square matrix spanned by the last two subscripts of `matrix` (written with all its subscripts: `INVERT MATRIX(m[c, r, k], n)` in an equation over c, r, k), element by element; NaN where the matrix is singular.",
    dialects: ['vensim'],
    differences: '`n` is accepted and the size taken from the dimensions. Each element solves its own column by Gaussian elimination with partial pivoting, in scratch space kept between steps.',
  },
];
