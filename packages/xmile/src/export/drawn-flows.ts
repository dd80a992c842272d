import { canonicalName, type DiagramView, type Expr, type Flow, type Stock, type Variable } from '@sluice/ir';

/** A stock's net rate read as named flows: the variables it adds and those it subtracts. */
interface Rates {
  inflows: string[];
  outflows: string[];
}

/**
 * Vensim gives a stock its rate as one expression (`INTEG(inflow - outflow, init)`) and draws
 * the variables in it at valves, as flows; XMILE draws a flow only if it is one of a stock's
 * inflows or outflows. When a stock's rate is a sum and difference of variables the diagram
 * draws as flows, each taken whole (no subscript other than the stock's own dimensions, in
 * order), those variables become flows and the stock's inflows (added) and outflows
 * (subtracted): the same rate, so the same numbers. Any other stock keeps its net rate, which
 * export writes as one named net flow.
 */
export function withDrawnFlows(variables: Variable[], diagram: DiagramView[]): Variable[] {
  const drawnAsFlows = new Set(diagram.flatMap((view) => view.elements.flatMap((e) => (e.kind === 'flow' ? [e.variable] : []))));
  const byIdent = new Map(variables.map((v) => [v.ident, v]));
  const plans = new Map<Stock, Rates>();
  for (const v of variables) {
    if (v.kind !== 'stock' || !v.netFlow?.expr || v.elements?.some((e) => e.netFlow)) continue;
    const dims = (v.dimensions ?? []).map(canonicalName);
    const rates = ratesOf(v.netFlow.expr, dims, (ident) => {
      const f = byIdent.get(ident);
      return f?.kind === 'aux' && drawnAsFlows.has(ident) && sameDimensions(f.dimensions, dims);
    });
    if (rates) plans.set(v, rates);
  }
  // An XMILE flow fills at most one stock and drains at most one: otherwise the stocks keep their net rates.
  for (const side of ['inflows', 'outflows'] as const) {
    const stockOf = new Map<string, Stock>();
    for (const [stock, rates] of [...plans]) {
      for (const f of rates[side]) {
        const other = stockOf.get(f);
        if (!other) stockOf.set(f, stock);
        else {
          plans.delete(other);
          plans.delete(stock);
        }
      }
    }
  }
  const flows = new Set([...plans.values()].flatMap((r) => [...r.inflows, ...r.outflows]));
  return variables.map((v): Variable => {
    const plan = v.kind === 'stock' ? plans.get(v) : undefined;
    if (plan && v.kind === 'stock') {
      const { netFlow: _netFlow, ...stock } = v;
      return { ...stock, inflows: plan.inflows, outflows: plan.outflows };
    }
    if (v.kind === 'aux' && flows.has(v.ident)) {
      const flow: Flow = { ...v, kind: 'flow', nonNegative: false };
      return flow;
    }
    return v;
  });
}

function sameDimensions(dimensions: string[] | undefined, dims: string[]): boolean {
  const own = (dimensions ?? []).map(canonicalName);
  return own.length === dims.length && own.every((d, i) => d === dims[i]);
}

/**
 * `e` as +a + b - c ... over variables `isFlow` accepts, each written whole (subscripted by
 * exactly `dims`, if at all) and at most once; undefined for any other expression.
 */
function ratesOf(e: Expr, dims: string[], isFlow: (ident: string) => boolean): Rates | undefined {
  const rates: Rates = { inflows: [], outflows: [] };
  const seen = new Set<string>();
  const walk = (x: Expr, sign: 1 | -1): boolean => {
    if (x.kind === 'unary' && (x.op === '-' || x.op === '+')) return walk(x.operand, x.op === '-' ? (-sign as 1 | -1) : sign);
    if (x.kind === 'binary' && (x.op === '+' || x.op === '-')) return walk(x.left, sign) && walk(x.right, x.op === '-' ? (-sign as 1 | -1) : sign);
    if (x.kind !== 'var' || seen.has(x.name) || !isFlow(x.name)) return false;
    const subs = x.subscripts ?? [];
    if (subs.length > 0 && (subs.length !== dims.length || subs.some((s, i) => s.kind !== 'index' || s.expr.kind !== 'var' || s.expr.name !== dims[i]))) return false;
    seen.add(x.name);
    (sign > 0 ? rates.inflows : rates.outflows).push(x.name);
    return true;
  };
  return walk(e, 1) ? rates : undefined;
}
