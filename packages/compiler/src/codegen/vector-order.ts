import type { Expr } from '@sluice/ir';
import type { ExpressionContext } from './expression.js';
import { lastSubscriptDimension, sliceAlong } from './slice.js';

/**
 * Ascending position (0-based) of element k of the run: ties keep element order. Counting, not
 * sorting: no allocation. Vensim documents only that tied elements get contiguous ranks in an
 * arbitrary order; one position for both functions keeps rank the inverse of sort order.
 */
function position(v: Float64Array, base: number, stride: number, n: number, k: number): number {
  const x = v[base + k * stride]!;
  let before = 0;
  for (let j = 0; j < n; j++) {
    const y = v[base + j * stride]!;
    if (y < x || (y === x && j < k)) before++;
  }
  return before;
}

/**
 * VECTOR SORT ORDER: the element (0-based) that comes i-th in sorted order, ascending when
 * `direction` is positive, else descending (the ascending order reversed, as PySD does).
 */
export function sortOrder(v: Float64Array, base: number, stride: number, n: number, direction: number, i: number): number {
  const want = direction > 0 ? i : n - 1 - i;
  for (let k = 0; k < n; k++) if (position(v, base, stride, n, k) === want) return k;
  return NaN;
}

/**
 * VECTOR RANK: element i's place (1-based) in sorted order, ascending when `direction` is
 * positive; descending is the ascending rank reversed, so ties rank in reverse element order.
 */
export function vectorRank(v: Float64Array, base: number, stride: number, n: number, direction: number, i: number): number {
  const p = position(v, base, stride, n, i);
  return direction > 0 ? p + 1 : n - p;
}

/**
 * VECTOR SORT ORDER(vector[d], direction), VECTOR RANK(vector[d], direction) and
 * VECTOR ELM MAP(vector[d], offset) in an equation over d (the vector's last subscript).
 */
export function emitVectorOrder(name: string, args: Expr[], ctx: ExpressionContext, emit: (e: Expr, ctx: ExpressionContext) => string, fail: (message: string, at: Expr) => string): string {
  const [vector, second] = args as [Expr, Expr];
  const label = name.replace(/_/g, ' ');
  const along = lastSubscriptDimension(vector, ctx);
  const slice = along >= 0 ? sliceAlong(vector, ctx, emit, along) : undefined;
  if (!slice) return fail(`the first argument of ${label} must be a variable whose last subscript is a dimension of the equation (vector[d])`, vector);
  const n = ctx.dims[along]!.elements.length;
  const i = ctx.index[along]!;
  if (name === 'VECTOR_ELM_MAP') {
    // The offset counts (0-based) from the first element of the range, along that dimension.
    return `h.elementAt(v, ${slice.base}, ${slice.stride}, ${n}, (${emit(second, ctx)}) + 1)`;
  }
  return `h.${name === 'VECTOR_RANK' ? 'vectorRank' : 'sortOrder'}(v, ${slice.base}, ${slice.stride}, ${n}, ${emit(second, ctx)}, ${i})`;
}
