import type { BinaryOp, Expr, SourceLoc, SubscriptIndex, VariableRef } from '@sluice/ir';

/**
 * Small builders for the expressions the lowering passes write. Every built node carries the
 * location of the call it replaces, so an error later in the compiler still points at the
 * modeller's text rather than at nowhere.
 */

export function num(value: number, loc?: SourceLoc): Expr {
  return loc ? { kind: 'number', value, loc } : { kind: 'number', value };
}

export function ref(name: string, display: string, subscripts?: SubscriptIndex[], loc?: SourceLoc): VariableRef {
  const r: VariableRef = { kind: 'var', name, display };
  if (subscripts && subscripts.length > 0) r.subscripts = subscripts;
  if (loc) r.loc = loc;
  return r;
}

export function bin(op: BinaryOp, left: Expr, right: Expr, loc?: SourceLoc): Expr {
  return loc ? { kind: 'binary', op, left, right, loc } : { kind: 'binary', op, left, right };
}

export function call(fn: string, args: Expr[], loc?: SourceLoc): Expr {
  return loc ? { kind: 'call', fn, display: fn, args, loc } : { kind: 'call', fn, display: fn, args };
}

/** `a - b`, `a * b` and so on, folding the identities that would only add noise (`x * 1`). */
export const sub = (a: Expr, b: Expr, loc?: SourceLoc): Expr => bin('-', a, b, loc);
export const add = (a: Expr, b: Expr, loc?: SourceLoc): Expr => bin('+', a, b, loc);
export const mul = (a: Expr, b: Expr, loc?: SourceLoc): Expr =>
  isNumber(b, 1) ? a : isNumber(a, 1) ? b : bin('*', a, b, loc);
export const div = (a: Expr, b: Expr, loc?: SourceLoc): Expr => (isNumber(b, 1) ? a : bin('/', a, b, loc));

function isNumber(e: Expr, value: number): boolean {
  return e.kind === 'number' && e.value === value;
}

/**
 * Rebuild an expression bottom up: children first, then `f` on the node with its new children.
 * `f` returns the node unchanged or its replacement. Nodes are copied, never mutated, so a
 * lowered project shares no expression object with its input.
 */
export function mapExpr(e: Expr, f: (e: Expr) => Expr): Expr {
  return f(mapChildren(e, (c) => mapExpr(c, f)));
}

/** The node with each direct child replaced by `g(child)`. */
export function mapChildren(e: Expr, g: (e: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'number':
    case 'table':
      return { ...e };
    case 'var': {
      if (!e.subscripts) return { ...e };
      return { ...e, subscripts: e.subscripts.map((s) => mapSubscript(s, g)) };
    }
    case 'call':
      return { ...e, args: e.args.map(g) };
    case 'unary':
      return { ...e, operand: g(e.operand) };
    case 'transpose':
      return { ...e, operand: g(e.operand) };
    case 'binary':
      return { ...e, left: g(e.left), right: g(e.right) };
    case 'if':
      return { ...e, condition: g(e.condition), then: g(e.then), else: g(e.else) };
  }
}

function mapSubscript(s: SubscriptIndex, g: (e: Expr) => Expr): SubscriptIndex {
  switch (s.kind) {
    case 'index':
      return { ...s, expr: g(s.expr) };
    case 'range':
      return { ...s, from: g(s.from), to: g(s.to) };
    case 'wildcard':
      return { ...s };
  }
}
