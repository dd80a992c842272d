import type { Expr } from '@sluice/ir';
import { stridesOf } from '../graph/dimensions.js';
import type { ExpressionContext } from './expression.js';

/**
 * The run of slots `arg` covers along the equation's dimension at `along` (position in
 * `ctx.dims`): its first slot (JS source, at the current place of the other subscripts) and the
 * stride between elements. Undefined unless `arg` is a variable with a subscript naming that
 * dimension. Vensim's vector functions read a whole subscript range this way.
 */
export function sliceAlong(
  arg: Expr,
  ctx: ExpressionContext,
  emit: (e: Expr, ctx: ExpressionContext) => string,
  along: number,
): { base: string; stride: number } | undefined {
  const dim = ctx.dims[along]!;
  const r = arg.kind === 'var' ? ctx.resolution.get(arg) : undefined;
  if (arg.kind !== 'var' || r?.kind !== 'node') return undefined;
  const k = (arg.subscripts ?? []).findIndex((s) => s.kind === 'index' && s.expr.kind === 'var' && s.expr.name === dim.ident);
  if (k < 0) return undefined;
  const at = /^v\[(.*)\]$/.exec(emit(arg, { ...ctx, index: ctx.index.map((ix, j) => (j === along ? '0' : ix)) }));
  return at ? { base: at[1]!, stride: stridesOf(r.node.dims)[k]! } : undefined;
}

/** Position in `ctx.dims` of the dimension `arg`'s last subscript names, or -1. */
export function lastSubscriptDimension(arg: Expr, ctx: ExpressionContext): number {
  const last = arg.kind === 'var' ? arg.subscripts?.at(-1) : undefined;
  return last?.kind === 'index' && last.expr.kind === 'var' ? ctx.dims.findIndex((d) => d.ident === (last.expr as { name: string }).name) : -1;
}
