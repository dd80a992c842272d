import type { Equation, Expr, GraphicalFunction, SourceLoc } from '@sluice/ir';
import type { ParsedEntry } from './parse-entry.js';

/**
 * What one equation defines, once the functions that change a variable's kind are taken
 * off the top: `INTEG(rate, init)` makes a stock; `ACTIVE INITIAL(expr, init)` an auxiliary
 * with a separate initial value; `WITH LOOKUP(x, table)` is a graphical function of input x,
 * the form every importer gives a table with an input.
 */
export type Definition =
  | { kind: 'stock'; rate: Equation; initial: Equation }
  | { kind: 'aux'; equation: Equation; initial?: Equation; gf?: GraphicalFunction }
  | { kind: 'invalid' };

export function definitionOf(expr: Expr, entry: ParsedEntry): Definition {
  const text = entry.rhs?.text ?? '';
  const loc = entry.rhs?.loc;
  if (expr.kind === 'call' && (expr.fn === 'INTEG' || expr.fn === 'ACTIVE_INITIAL')) {
    const [first, second] = expr.args;
    if (expr.args.length !== 2 || !first || !second) return { kind: 'invalid' };
    const a = equationOf(first, entry.argText(first), loc);
    const b = equationOf(second, entry.argText(second), loc);
    return expr.fn === 'INTEG' ? { kind: 'stock', rate: a, initial: b } : { kind: 'aux', equation: a, initial: b };
  }
  if (expr.kind === 'call' && expr.fn === 'WITH_LOOKUP' && expr.args.length === 2) {
    const [input, table] = expr.args;
    if (input && table?.kind === 'table') return { kind: 'aux', equation: equationOf(input, entry.argText(input), loc), gf: table.table };
  }
  return { kind: 'aux', equation: withLoc({ text, expr }, loc) };
}

function equationOf(expr: Expr, span: { text: string; loc: SourceLoc } | undefined, fallback: SourceLoc | undefined): Equation {
  return withLoc({ text: span?.text ?? '', expr }, span?.loc ?? fallback);
}

function withLoc(eq: Equation, loc: SourceLoc | undefined): Equation {
  if (loc) eq.loc = loc;
  return eq;
}

/** A copy of an equation with its expression rewritten (the text stays as written). */
export function mapEquation(eq: Equation, f: (e: Expr) => Expr): Equation {
  const out: Equation = { text: eq.text, expr: eq.expr ? f(eq.expr) : null };
  if (eq.loc) out.loc = eq.loc;
  return out;
}

/**
 * Rebuild an expression bottom-up, letting `f` replace any node. A node whose children all come
 * back unchanged is passed on as the same object, so maps keyed by nodes (argument texts) still
 * find it.
 */
export function rewrite(e: Expr, f: (e: Expr) => Expr): Expr {
  const same = <T>(a: readonly T[], b: readonly T[]): boolean => a.every((x, i) => x === b[i]);
  switch (e.kind) {
    case 'number':
    case 'table':
      return f(e);
    case 'var': {
      if (!e.subscripts) return f(e);
      const subscripts = e.subscripts.map((s) => {
        if (s.kind === 'index') {
          const expr = rewrite(s.expr, f);
          return expr === s.expr ? s : { ...s, expr };
        }
        if (s.kind === 'range') {
          const from = rewrite(s.from, f);
          const to = rewrite(s.to, f);
          return from === s.from && to === s.to ? s : { ...s, from, to };
        }
        return s;
      });
      return f(same(subscripts, e.subscripts) ? e : { ...e, subscripts });
    }
    case 'call': {
      const args = e.args.map((a) => rewrite(a, f));
      return f(same(args, e.args) ? e : { ...e, args });
    }
    case 'unary':
    case 'transpose': {
      const operand = rewrite(e.operand, f);
      return f(operand === e.operand ? e : { ...e, operand });
    }
    case 'binary': {
      const left = rewrite(e.left, f);
      const right = rewrite(e.right, f);
      return f(left === e.left && right === e.right ? e : { ...e, left, right });
    }
    case 'if': {
      const condition = rewrite(e.condition, f);
      const then = rewrite(e.then, f);
      const otherwise = rewrite(e.else, f);
      return f(condition === e.condition && then === e.then && otherwise === e.else ? e : { ...e, condition, then, else: otherwise });
    }
  }
}
