import { canonicalName } from '@sluice/ir';
import type { Aux, Dialect, Equation, Expr, GraphicalFunction, SourceLoc, Stock, SubscriptIndex, Variable } from '@sluice/ir';
import { bin, mapExpr, num, ref } from './expr-build.js';
import type { EquationSite } from './variable-equations.js';

/**
 * Where a call being lowered sits: the variable whose equation holds it and which of that
 * variable's equations. Variables made for the call take their shape from it.
 */
export interface CallSite {
  owner: Variable;
  site: EquationSite;
  loc?: SourceLoc;
}

/**
 * Builds the hidden variables that stand for one call (a SMTH1's stock and flow, a macro call's
 * copy of the macro). All of them share one prefix (`#smth1_3`) and one shape: the owner's
 * dimensions for a call in an apply-to-all equation, scalar for a call in one element's own
 * equation, where references to the owner's dimensions are pinned to that element.
 */
export class SubModel {
  readonly dimensions: string[];
  private readonly pinned: Map<string, string>;

  constructor(
    readonly prefix: string,
    private readonly callSite: CallSite,
    private readonly dialect: Dialect,
    private readonly out: Variable[],
  ) {
    const dims = callSite.owner.dimensions ?? [];
    this.pinned = new Map();
    if (callSite.site.kind === 'element') {
      this.dimensions = [];
      const elements = callSite.site.subscripts;
      dims.forEach((d, i) => {
        const element = elements[i];
        if (element !== undefined) this.pinned.set(canonicalName(d), element);
      });
    } else {
      this.dimensions = dims;
    }
  }

  ident(part: string): string {
    return part === '' ? this.prefix : `${this.prefix}.${part}`;
  }

  /** A reference to one of this sub-model's variables, subscripted by the shared dimensions. */
  ref(part: string): Expr {
    const subscripts: SubscriptIndex[] = this.dimensions.map((d) => ({
      kind: 'index',
      expr: ref(canonicalName(d), d),
    }));
    return ref(this.ident(part), this.ident(part), subscripts, this.callSite.loc);
  }

  /**
   * An expression from the call site, made fit to appear in this sub-model's equations: with
   * the owner's dimensions pinned to the element when the call sat in one element's equation.
   */
  adopt(e: Expr): Expr {
    if (this.pinned.size === 0) return mapExpr(e, (x) => x);
    return mapExpr(e, (x) => {
      if (x.kind !== 'var' || !x.subscripts) return x;
      return {
        ...x,
        subscripts: x.subscripts.map((s) => {
          if (s.kind !== 'index' || s.expr.kind !== 'var' || s.expr.subscripts) return s;
          const element = this.pinned.get(s.expr.name);
          return element === undefined ? s : { ...s, expr: ref(canonicalName(element), element, undefined, s.expr.loc) };
        }),
      };
    });
  }

  /**
   * An argument of the call as it will appear in the sub-model: a number or a plain reference
   * as it is; any other expression through an aux of its own, so it is computed once per step
   * (and a random draw in it stays one draw) however many stages read it.
   */
  argument(part: string, e: Expr): Expr {
    if (e.kind === 'number' || e.kind === 'var') return this.adopt(e);
    return this.aux(part, e);
  }

  /** Add an aux holding an expression from the call site; returns a reference to it. */
  aux(part: string, e: Expr): Expr {
    return this.auxOf(part, this.adopt(e));
  }

  /** Add an aux whose expression is already written in this sub-model's terms. */
  auxOf(part: string, e: Expr): Expr {
    this.out.push({ kind: 'aux', ...this.common(part, e) });
    return this.ref(part);
  }

  /** Add an aux that reads graphical function `gf` at x (x already in this sub-model's terms). */
  tableOf(part: string, x: Expr, gf: GraphicalFunction): Expr {
    const v: Aux = { kind: 'aux', ...this.common(part, x), gf };
    // A graphical function with no equation text is read as a bare table, not as one with an input.
    v.equation = { ...v.equation!, text: `${this.prefix} input` };
    this.out.push(v);
    return this.ref(part);
  }

  /**
   * Add a flow whose rate is already in this sub-model's terms. In the XMILE dialect it is a
   * flow variable (a biflow: stateful builtins move material both ways); in the Vensim dialect,
   * where a stock integrates one net-rate expression as Vensim's INTEG does, an aux.
   */
  flow(part: string, rate: Expr): Expr {
    this.out.push(this.dialect === 'vensim' ? { kind: 'aux', ...this.common(part, rate) } : { kind: 'flow', nonNegative: false, ...this.common(part, rate) });
    return this.ref(part);
  }

  /** Add a stock filled and drained by flows of this sub-model (named by part). */
  stock(part: string, initial: Expr, inflows: string[], outflows: string[]): Expr {
    const stock: Stock = { kind: 'stock', ...this.common(part, initial), inflows: [], outflows: [], nonNegative: false };
    if (this.dialect === 'vensim') {
      let net: Expr | undefined;
      for (const f of inflows) net = net ? bin('+', net, this.ref(f)) : this.ref(f);
      for (const f of outflows) net = net ? bin('-', net, this.ref(f)) : { kind: 'unary', op: '-', operand: this.ref(f) };
      stock.netFlow = this.equation(net ?? num(0));
    } else {
      stock.inflows = inflows.map((f) => this.ident(f));
      stock.outflows = outflows.map((f) => this.ident(f));
    }
    this.out.push(stock);
    return this.ref(part);
  }

  private common(part: string, e: Expr): Omit<Aux, 'kind'> {
    const ident = this.ident(part);
    const v: Omit<Aux, 'kind'> = { name: ident, ident, hidden: true, equation: this.equation(e) };
    if (this.dimensions.length > 0) v.dimensions = [...this.dimensions];
    if (this.callSite.loc) v.loc = this.callSite.loc;
    return v;
  }

  private equation(e: Expr): Equation {
    // Hidden variables have no text of their own; the call they stand for is their source.
    const eq: Equation = { text: '', expr: e };
    if (this.callSite.loc) eq.loc = this.callSite.loc;
    return eq;
  }
}
