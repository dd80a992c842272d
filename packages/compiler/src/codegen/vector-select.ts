import { walkExpr, type Expr } from '@sluice/ir';
import type { DimInfo } from '../graph/dimensions.js';
import type { ExpressionContext } from './expression.js';

/** The dimensions the wildcards (`d!`, `*`) of `args` name, each once, in order of appearance. */
export function wildcardDimensions(args: Expr[], ctx: ExpressionContext): DimInfo[] {
  const loops: DimInfo[] = [];
  for (const arg of args) {
    walkExpr(arg, (x) => {
      if (x.kind !== 'var') return;
      const r = ctx.resolution.get(x);
      if (r?.kind !== 'node') return;
      x.subscripts?.forEach((s, k) => {
        if (s.kind !== 'wildcard') return;
        const own = r.node.dims[k];
        const d =
          s.dimension === undefined || s.dimension === own?.ident ? own : (ctx.dims.find((c) => c.ident === s.dimension) ?? ctx.layout.dimension(s.dimension));
        if (d && !loops.some((l) => l.ident === d.ident)) loops.push(d);
      });
    });
  }
  return loops;
}

/**
 * The context inside loops over `loops` (written before the statement), each with a fresh
 * index variable, so the wildcards naming those dimensions read the loop's element.
 */
export function loopContext(loops: DimInfo[], ctx: ExpressionContext): { inner: ExpressionContext; index: string[] } {
  const index = loops.map(() => `i${ctx.temps.next++}`);
  const inner: ExpressionContext = {
    ...ctx,
    dims: [...ctx.dims, ...loops],
    index: [...ctx.index, ...index],
    wildcards: new Map([...(ctx.wildcards ?? []), ...loops.map((d, k): [string, string] => [d.ident, index[k]!])]),
  };
  return { inner, index };
}

/**
 * Vensim's VECTOR SELECT(selection[d!], expression[d!], missing, action, error action): a loop,
 * written before the statement, over every combination of the wildcard dimensions (Vensim pairs
 * `sel[d1!]` with `x[d2!]` as the outer product). Where the selection is non-zero the loop
 * keeps a running sum, product, minimum and maximum of the value the action asks for
 * (0-4: selection * expression; 5: expression ^ selection; 6-10: expression alone), and the
 * action picks one of them afterwards, so an action that changes with time needs no recompile.
 */
export function emitVectorSelect(args: Expr[], ctx: ExpressionContext, emit: (e: Expr, ctx: ExpressionContext) => string): string {
  const [selection, expression, missing, action] = args as [Expr, Expr, Expr, Expr];
  const loops = wildcardDimensions([selection, expression], ctx);
  const n = ctx.temps.next++;
  const { inner, index } = loopContext(loops, ctx);
  const [act, cnt, sum, prod, lo, hi, w, y] = ['a', 'c', 's', 'p', 'lo', 'hi', 'w', 'y'].map((p) => `${p}${n}`) as [string, string, string, string, string, string, string, string];
  const sel = emit(selection, inner);
  const x = emit(expression, inner);
  const open = loops.map((d, k) => `for (let ${index[k]} = 0; ${index[k]} < ${d.elements.length}; ${index[k]}++) {`).join(' ');
  ctx.pre.push(
    `const ${act} = Math.round(${emit(action, ctx)}); let ${cnt} = 0, ${sum} = 0, ${prod} = 1, ${lo} = (1 / 0), ${hi} = (-1 / 0);`,
    `${open} const ${w} = ${sel}; if (${w} !== 0) { const ${y} = ${act} <= 4 ? ${w} * (${x}) : ${act} === 5 ? Math.pow(${x}, ${w}) : (${x}); ` +
      `${cnt}++; ${sum} += ${y}; ${prod} *= ${y}; ${lo} = Math.min(${lo}, ${y}); ${hi} = Math.max(${hi}, ${y}); } ${loops.map(() => '}').join(' ')}`,
  );
  return `(${cnt} === 0 ? (${emit(missing, ctx)}) : h.vectorSelect(${act}, ${cnt}, ${sum}, ${prod}, ${lo}, ${hi}))`;
}
