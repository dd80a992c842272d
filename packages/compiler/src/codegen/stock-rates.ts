import type { Stock } from '@sluice/ir';
import type { Node } from '../graph/nodes.js';
import { SLOT_DT } from './compiled-model.js';
import { emitExpr, slotRef, type ExpressionContext } from './expression.js';
import { emitEquation } from './loops.js';

/**
 * Flows whose cut a non-negative stock writes back, so the flow's reported value and the stock
 * at its other end see the cut. That is every flow of a well-formed stock-and-flow diagram
 * (out of at most one stock, into at most one). A flow listed by several stocks (only in
 * hand-written files) keeps its value, and each non-negative stock cuts its own copy.
 */
export function flowsCutInPlace(stocks: readonly Node[]): Set<string> {
  const outs = new Map<string, number>();
  const ins = new Map<string, number>();
  for (const s of stocks) {
    const v = s.variable as Stock;
    for (const f of v.outflows) outs.set(f, (outs.get(f) ?? 0) + 1);
    for (const f of v.inflows) ins.set(f, (ins.get(f) ?? 0) + 1);
  }
  const cut = new Set<string>();
  for (const s of stocks) {
    const v = s.variable as Stock;
    if (!v.nonNegative || s.equations.some((e) => e.netFlow)) continue;
    for (const f of [...v.inflows, ...v.outflows]) if ((outs.get(f) ?? 0) <= 1 && (ins.get(f) ?? 0) <= 1) cut.add(f);
  }
  return cut;
}

/**
 * The body of `rates(v, r, g, h)`. Non-negative stocks go first (Stella's rule): what the stock
 * holds plus what flows in this step is shared among its outflows in the order they are listed,
 * each taking what it asks for while anything is left; a biflow running backwards counts on the
 * other side. Then every stock's net rate is the sum of its (possibly cut) flows. An arrayed
 * stock does this per element, in a loop over its slots (its flows share its shape).
 */
export function emitRates(
  stocks: readonly Node[],
  stockBase: number,
  flowNode: (ident: string) => Node,
  cutInPlace: ReadonlySet<string>,
  ctx: (index: string[], dims: Node['dims']) => ExpressionContext,
): string {
  const lines: string[] = ['let a = 0, q = 0, n = 0;'];
  const dt = slotRef(SLOT_DT);
  const nonNegative = stocks.filter((s) => (s.variable as Stock).nonNegative);
  const ordered = [...nonNegative, ...stocks.filter((s) => !(s.variable as Stock).nonNegative)];
  for (const s of ordered) {
    const v = s.variable as Stock;
    const base = ctx([], []).layout.slotOf(s);
    const rateEquations = s.equations.filter((e) => e.netFlow);
    if (rateEquations.length > 0) {
      for (const eq of rateEquations) {
        lines.push(
          emitEquation(s, eq, base, (index, target) => {
            const c = ctx(index, eq.dims);
            const rate = emitExpr(eq.netFlow!, c);
            const r = `r[${target} - ${stockBase}]`;
            return [...c.pre, v.nonNegative ? `${r} = Math.max(${rate}, -v[${target}] / ${dt});` : `${r} = ${rate};`].join('\n');
          }),
        );
      }
      continue;
    }
    const loop = s.size > 1;
    const at = (ident: string): string => {
      const f = flowNode(ident);
      const slot = ctx([], []).layout.slotOf(f);
      return slotRef(loop && f.size > 1 ? `${slot} + e` : String(slot));
    };
    const r = loop ? `r[${base - stockBase} + e]` : `r[${base - stockBase}]`;
    const stock = slotRef(loop ? `${base} + e` : String(base));
    const body: string[] = [];
    if (!v.nonNegative) {
      const terms = [...v.inflows.map((f) => `+ ${at(f)}`), ...v.outflows.map((f) => `- ${at(f)}`)];
      body.push(`${r} = 0 ${terms.join(' ')};`);
    } else {
      body.push(`a = ${stock} / ${dt}; n = 0;`);
      for (const f of v.inflows) body.push(`q = ${at(f)}; if (q > 0) a += q;`);
      for (const f of v.outflows) body.push(`q = ${at(f)}; if (q < 0) a -= q;`);
      for (const f of v.inflows) {
        const back = cutInPlace.has(f) ? ` ${at(f)} = q;` : '';
        body.push(`q = ${at(f)}; if (q < 0) { q = -Math.min(-q, Math.max(a, 0)); a += q;${back} } n += q;`);
      }
      for (const f of v.outflows) {
        const back = cutInPlace.has(f) ? ` ${at(f)} = q;` : '';
        body.push(`q = ${at(f)}; if (q > 0) { q = Math.min(q, Math.max(a, 0)); a -= q;${back} } n -= q;`);
      }
      body.push(`${r} = n;`);
    }
    lines.push(loop ? `for (let e = 0; e < ${s.size}; e++) {\n${body.join('\n')}\n}` : body.join('\n'));
  }
  return lines.join('\n');
}
