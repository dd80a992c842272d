import type { Variable } from '@sluice/ir';

/**
 * The exporter names a flow for each Vensim `INTEG(rate, init)` stock and marks it
 * `sluice:net_flow`; reading it back, the rate goes into the stock again as its `netFlow` and
 * the flow disappears, so the IR is the one that was exported.
 */
export function foldNetFlows(variables: Variable[]): Variable[] {
  const marked = new Map<string, Variable>();
  for (const v of variables) if (v.kind === 'flow' && v.extra?.netFlowOfStock && v.equation) marked.set(v.ident, v);
  if (marked.size === 0) return variables;
  const folded = new Set<string>();
  for (const v of variables) {
    if (v.kind !== 'stock' || v.netFlow) continue;
    const own = v.inflows.find((f) => marked.has(f) && !folded.has(f));
    const equation = own === undefined ? undefined : marked.get(own)?.equation;
    if (own === undefined || !equation) continue;
    // In place: readers elsewhere hold this stock object.
    folded.add(own);
    v.inflows = v.inflows.filter((f) => f !== own);
    v.netFlow = equation;
  }
  return variables.filter((v) => !folded.has(v.ident));
}
