import type { Stock } from '@sluice/ir';
import type { Node } from '../graph/nodes.js';
import { SLOT_DT } from './compiled-model.js';
import { emitExpr, slotRef, type ExpressionContext } from './expression.js';

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
    if (!v.nonNegative || v.netFlow) continue;
    for (const f of [...v.inflows, ...v.outflows]) if ((outs.get(f) ?? 0) <= 1 && (ins.get(f) ?? 0) <= 1) cut.add(f);
  }
  return cut;
}

/**
 * The body of `rates(v, r, g, h)`. Non-negative stocks go first (Stella's rule): what the stock
 * holds plus what flows in this step is shared among its outflows in the order they are listed,
 * each taking what it asks for while anything is left; a biflow running backwards counts on the
 * other side. Then every stock's net rate is the sum of its (possibly cut) flows.
 */
export function emitRates(
  stocks: readonly Node[],
  stockBase: number,
  flowSlot: (ident: string) => number,
  cutInPlace: ReadonlySet<string>,
  ctx: ExpressionContext,
): string {
  const lines: string[] = ['let a = 0, q = 0, n = 0;'];
  const dt = slotRef(SLOT_DT);
  const nonNegative = stocks.filter((s) => (s.variable as Stock).nonNegative);
  const ordered = [...nonNegative, ...stocks.filter((s) => !(s.variable as Stock).nonNegative)];
  for (const s of ordered) {
    const v = s.variable as Stock;
    const r = `r[${ctx.layout.slotOf(s) - stockBase}]`;
    const stock = slotRef(ctx.layout.slotOf(s));
    if (v.netFlow?.expr) {
      const rate = emitExpr(v.netFlow.expr, ctx);
      lines.push(v.nonNegative ? `${r} = Math.max(${rate}, -${stock} / ${dt});` : `${r} = ${rate};`);
      continue;
    }
    if (!v.nonNegative) {
      const terms = [...v.inflows.map((f) => `+ ${slotRef(flowSlot(f))}`), ...v.outflows.map((f) => `- ${slotRef(flowSlot(f))}`)];
      lines.push(`${r} = 0 ${terms.join(' ')};`);
      continue;
    }
    lines.push(`a = ${stock} / ${dt}; n = 0;`);
    for (const f of v.inflows) lines.push(`q = ${slotRef(flowSlot(f))}; if (q > 0) a += q;`);
    for (const f of v.outflows) lines.push(`q = ${slotRef(flowSlot(f))}; if (q < 0) a -= q;`);
    for (const f of v.inflows) {
      const slot = slotRef(flowSlot(f));
      const back = cutInPlace.has(f) ? ` ${slot} = q;` : '';
      lines.push(`q = ${slot}; if (q < 0) { q = -Math.min(-q, Math.max(a, 0)); a += q;${back} } n += q;`);
    }
    for (const f of v.outflows) {
      const slot = slotRef(flowSlot(f));
      const back = cutInPlace.has(f) ? ` ${slot} = q;` : '';
      lines.push(`q = ${slot}; if (q > 0) { q = Math.min(q, Math.max(a, 0)); a -= q;${back} } n -= q;`);
    }
    lines.push(`${r} = n;`);
  }
  return lines.join('\n');
}
