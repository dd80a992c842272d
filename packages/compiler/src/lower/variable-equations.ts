import type { Equation, Expr, Variable } from '@sluice/ir';

/**
 * Where an equation sits in its variable. A lowering pass that creates variables for a call
 * needs to know it: a call in an apply-to-all equation makes arrayed variables, a call in one
 * element's own equation makes scalar ones for that element alone.
 */
export type EquationSite =
  | { kind: 'whole' }
  /** `subscripts` are the element names, one per dimension of the variable. */
  | { kind: 'element'; subscripts: string[] };

export type ExprRewrite = (e: Expr, site: EquationSite) => Expr;

const WHOLE: EquationSite = { kind: 'whole' };

/**
 * A copy of the variable with every parsed expression it holds rewritten by `f`: its equation
 * (for a stock, the initial value), per-element equations, separate initial equation, Vensim
 * net flow, and conveyor parameters. Equations that did not parse are left for the compiler
 * to report.
 */
export function mapVariableEquations(v: Variable, f: ExprRewrite): Variable {
  const eq = (e: Equation, site: EquationSite = WHOLE): Equation =>
    e.expr ? { ...e, expr: f(e.expr, site) } : { ...e };
  const out: Variable = { ...v };
  if (v.equation) out.equation = eq(v.equation);
  if (v.initialEquation) out.initialEquation = eq(v.initialEquation);
  if (v.elements) {
    out.elements = v.elements.map((el) => {
      const site: EquationSite = { kind: 'element', subscripts: el.subscripts };
      const copy = { ...el, equation: eq(el.equation, site) };
      if (el.netFlow) copy.netFlow = eq(el.netFlow, site);
      if (el.initialEquation) copy.initialEquation = eq(el.initialEquation, site);
      return copy;
    });
  }
  if (out.kind === 'stock' && v.kind === 'stock') {
    if (v.netFlow) out.netFlow = eq(v.netFlow);
    if (v.conveyor) {
      const c = v.conveyor;
      out.conveyor = { ...c, transitTime: eq(c.transitTime) };
      if (c.capacity) out.conveyor.capacity = eq(c.capacity);
      if (c.inflowLimit) out.conveyor.inflowLimit = eq(c.inflowLimit);
      if (c.arrest) out.conveyor.arrest = eq(c.arrest);
      if (c.leaks) {
        out.conveyor.leaks = c.leaks.map((l) => (l.fraction ? { ...l, fraction: eq(l.fraction) } : { ...l }));
      }
    }
  }
  return out;
}

/** Every parsed expression a variable holds, for passes that only look. */
export function variableExprs(v: Variable): Expr[] {
  const found: Expr[] = [];
  mapVariableEquations(v, (e) => {
    found.push(e);
    return e;
  });
  return found;
}
