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

/** Rebuild an expression bottom-up, letting `f` replace any node. */
export function rewrite(e: Expr, f: (e: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'number':
    case 'table':
      return f(e);
    case 'var':
      return f(
        e.subscripts
          ? {
              ...e,
              subscripts: e.subscripts.map((s) =>
                s.kind === 'index' ? { ...s, expr: rewrite(s.expr, f) } : s.kind === 'range' ? { ...s, from: rewrite(s.from, f), to: rewrite(s.to, f) } : s,
              ),
            }
          : e,
      );
    case 'call':
      return f({ ...e, args: e.args.map((a) => rewrite(a, f)) });
    case 'unary':
    case 'transpose':
      return f({ ...e, operand: rewrite(e.operand, f) });
    case 'binary':
      return f({ ...e, left: rewrite(e.left, f), right: rewrite(e.right, f) });
    case 'if':
      return f({ ...e, condition: rewrite(e.condition, f), then: rewrite(e.then, f), else: rewrite(e.else, f) });
  }
}
