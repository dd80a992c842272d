import type { Expr } from '@sluice/ir';
import type { ExpressionContext } from './expression.js';
import { lastSubscriptDimension, sliceAlong } from './slice.js';

/** Halvings of the priority level: enough to pin it to the last bit of a double. */
const BISECTIONS = 200;

/**
 * Vensim's ALLOCATE BY PRIORITY for requester `i` of `n`: each requester gets
 * request * clamp((priority - L) / width, 0, 1) for one level L, chosen so the allocations add up
 * to the supply (everything requested when the supply covers it). Lowering L from the top
 * priority, the supply flows to the active requesters in proportion to their requests, which is
 * how Vensim's reference describes it. L is found by bisection: no allocation, and exact to
 * rounding because the total is monotonic in L.
 */
export function allocateByPriority(
  v: Float64Array,
  request: number,
  requestStride: number,
  priority: number,
  priorityStride: number,
  n: number,
  width: number,
  supply: number,
  i: number,
): number {
  const r = (k: number): number => Math.max(0, v[request + k * requestStride]!);
  const p = (k: number): number => v[priority + k * priorityStride]!;
  if (!(width > 0) || Number.isNaN(supply)) return NaN;
  let total = 0;
  let top = -Infinity;
  let bottom = Infinity;
  for (let k = 0; k < n; k++) {
    total += r(k);
    top = Math.max(top, p(k));
    bottom = Math.min(bottom, p(k) - width);
  }
  if (supply >= total) return r(i);
  if (supply <= 0) return 0;
  const given = (level: number): number => {
    let s = 0;
    for (let k = 0; k < n; k++) s += r(k) * Math.min(1, Math.max(0, (p(k) - level) / width));
    return s;
  };
  let hi = top;
  let lo = bottom;
  for (let b = 0; b < BISECTIONS && hi - lo > 0; b++) {
    const mid = (hi + lo) / 2;
    if (mid === hi || mid === lo) break;
    if (given(mid) > supply) lo = mid;
    else hi = mid;
  }
  const level = (hi + lo) / 2;
  return r(i) * Math.min(1, Math.max(0, (p(i) - level) / width));
}

/**
 * ALLOCATE BY PRIORITY(request[..., d], priority[..., d], size, width, supply) in an equation that
 * loops over d (the request's last subscript): the helper reads both arrays along d, at the
 * current place of their other subscripts, and gives the current element's share.
 */
export function emitAllocateByPriority(args: Expr[], ctx: ExpressionContext, emit: (e: Expr, ctx: ExpressionContext) => string, fail: (message: string, at: Expr) => string): string {
  const [request, priority, , width, supply] = args as [Expr, Expr, Expr, Expr, Expr];
  const along = lastSubscriptDimension(request, ctx);
  if (along < 0) return fail('the request of ALLOCATE BY PRIORITY must end with a dimension of the equation (request[d])', request);
  const dim = ctx.dims[along]!;
  const slice = (arg: Expr) => sliceAlong(arg, ctx, emit, along);
  const req = slice(request);
  const pri = slice(priority);
  if (!req || !pri) return fail(`the request and priority of ALLOCATE BY PRIORITY must be variables subscripted by '${dim.name}'`, req ? priority : request);
  return `h.allocateByPriority(v, ${req.base}, ${req.stride}, ${pri.base}, ${pri.stride}, ${dim.elements.length}, ${emit(width, ctx)}, ${emit(supply, ctx)}, ${ctx.index[along]})`;
}
