import type { Expr, Variable } from '@sluice/ir';
import type { CausalGraph } from '../graph/causal-graph.js';

/** How the score of one link of the lowered model is computed. */
export type LoweredLink =
  /** `to` is an auxiliary or flow (or a stock's net flow expression): re-evaluate it with only `from` moved. */
  | { kind: 'instant'; from: string; to: string; equation: Expr; target: Variable }
  /** `from` is a named inflow (+1) or outflow (-1) of the stock `to`. */
  | { kind: 'flow-to-stock'; from: string; to: string; direction: 1 | -1 };

/** A link key for maps: idents never hold a newline. */
export const linkKey = (from: string, to: string): string => `${from}\n${to}`;

/**
 * The chain of links of the lowered model that stands for the link `from -> to` of the model
 * as written: the link itself, or (through a stateful builtin) the path through the hidden
 * variables lowering made for the call: SMTH1's flow and stock, DELAY3's three stages.
 */
export function loweredPath(graph: CausalGraph, from: string, to: string): string[] | undefined {
  if (!graph.nodes.has(from) || !graph.nodes.has(to)) return undefined;
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const link of graph.out.get(node) ?? []) {
      if (previous.has(link.to)) continue;
      if (link.to !== to && !graph.nodes.get(link.to)?.hidden) continue;
      previous.set(link.to, node);
      if (link.to === to) {
        const path = [to];
        for (let n = to; n !== from; n = previous.get(n)!) path.unshift(previous.get(n)!);
        return path;
      }
      queue.push(link.to);
    }
  }
  return undefined;
}

/** What scoring the lowered link `from -> to` needs, or a reason it cannot be scored. */
export function describeLink(byIdent: Map<string, Variable>, from: string, to: string): LoweredLink | string {
  const target = byIdent.get(to);
  const source = byIdent.get(from);
  if (!target || !source) return 'a variable of the link is not in the flat model';
  if ((target.dimensions?.length ?? 0) > 0 || (source.dimensions?.length ?? 0) > 0) return 'arrayed variables are not scored yet';
  if (target.kind === 'stock') {
    if (target.netFlow?.expr) return { kind: 'instant', from, to, equation: target.netFlow.expr, target };
    const inflow = target.inflows.includes(from);
    const outflow = target.outflows.includes(from);
    if (inflow === outflow) return 'the flow is both an inflow and an outflow of the stock';
    return { kind: 'flow-to-stock', from, to, direction: inflow ? 1 : -1 };
  }
  if (target.kind === 'module') return 'links into modules are not scored';
  if (!target.equation?.expr || (target.elements?.length ?? 0) > 0) return 'the equation is missing or per element';
  return { kind: 'instant', from, to, equation: target.equation.expr, target };
}
