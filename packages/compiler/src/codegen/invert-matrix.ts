import type { Expr } from '@sluice/ir';
import type { ExpressionContext } from './expression.js';

/**
 * Vensim's INVERT MATRIX(m[..., r, c], n): element (r, c) of the inverse of the matrix its last two
 * subscripts span, at the current place of the other subscripts. The last two subscripts must be
 * dimensions the equation loops over; the matrix is read where both are at their first element.
 */
export function emitInvertMatrix(args: Expr[], ctx: ExpressionContext, emit: (e: Expr, ctx: ExpressionContext) => string, fail: (message: string, at: Expr) => string): string {
  const m = args[0]!;
  const r = m.kind === 'var' ? ctx.resolution.get(m) : undefined;
  const subs = m.kind === 'var' ? (m.subscripts ?? []) : [];
  if (m.kind !== 'var' || r?.kind !== 'node' || r.node.dims.length < 2 || subs.length !== r.node.dims.length) {
    return fail('INVERT MATRIX needs a variable of at least two dimensions, written with all its subscripts', m);
  }
  const place = subs.slice(-2).map((s) => (s.kind === 'index' && s.expr.kind === 'var' ? ctx.dims.findIndex((d) => d.ident === (s.expr as { name: string }).name) : -1));
  if (place.some((k) => k < 0)) return fail('the last two subscripts of INVERT MATRIX must be dimensions of the equation', m);
  const [row, col] = place as [number, number];
  const atOrigin: ExpressionContext = { ...ctx, index: ctx.index.map((ix, k) => (k === row || k === col ? '0' : ix)) };
  const origin = /^v\[(.*)\]$/.exec(emit(m, atOrigin));
  if (!origin) return fail('INVERT MATRIX cannot read this matrix', m);
  const dims = r.node.dims;
  const strides = dims.map((_, k) => dims.slice(k + 1).reduce((n, d) => n * d.elements.length, 1));
  const n = dims[dims.length - 1]!.elements.length;
  if (dims[dims.length - 2]!.elements.length !== n) return fail('INVERT MATRIX needs a square matrix', m);
  return `h.invertElement(v, ${origin[1]}, ${n}, ${strides[dims.length - 2]}, ${strides[dims.length - 1]}, ${ctx.index[row]}, ${ctx.index[col]})`;
}
