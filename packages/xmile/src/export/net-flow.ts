import { canonicalName, displayName, type Flow, type Variable } from '@sluice/ir';

/**
 * Vensim's `INTEG(rate, init)` gives a stock its net rate as one expression, without named
 * flows; an XMILE stock needs named flows, so each such stock gets one inflow named
 * "<stock> net flow" carrying that expression.
 */
export function withNamedNetFlows(variables: Variable[]): Variable[] {
  const taken = new Set(variables.map((v) => v.ident));
  const out: Variable[] = [];
  for (const v of variables) {
    if (v.kind !== 'stock' || !v.netFlow) {
      out.push(v);
      continue;
    }
    const base = `${displayName(v.name)} net flow`;
    let name = base;
    for (let n = 2; taken.has(canonicalName(name)); n++) name = `${base} ${n}`;
    taken.add(canonicalName(name));
    // Marked, so the importer folds it back into the stock and the IR comes back as it was.
    const flow: Flow = { kind: 'flow', name, ident: canonicalName(name), nonNegative: false, equation: v.netFlow, extra: { netFlowOfStock: true } };
    if (v.dimensions) flow.dimensions = v.dimensions;
    const { netFlow: _netFlow, ...stock } = v;
    out.push({ ...stock, inflows: [...v.inflows, flow.ident] }, flow);
  }
  return out;
}
