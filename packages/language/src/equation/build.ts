import {
  canonicalFunctionName,
  canonicalName,
  type BinaryOp,
  type Expr,
  type SubscriptIndex,
  type UnaryOp,
} from '@sluice/ir';

/**
 * Small constructors for expression trees, so tests can state the tree they expect:
 * `binary(num(1), '+', ref('a'))`. None of them sets `loc`.
 */

export function num(value: number): Expr {
  return { kind: 'number', value };
}

/** A variable reference; `display` is the name as given, `name` its canonical form. */
export function ref(display: string, ...subscripts: SubscriptIndex[]): Expr {
  const e: Expr = { kind: 'var', name: canonicalName(display), display };
  if (subscripts.length > 0) e.subscripts = subscripts;
  return e;
}

export function call(fn: string, ...args: Expr[]): Expr {
  return { kind: 'call', fn: canonicalFunctionName(fn), display: fn, args };
}

export function unary(op: UnaryOp, operand: Expr): Expr {
  return { kind: 'unary', op, operand };
}

export function binary(left: Expr, op: BinaryOp, right: Expr): Expr {
  return { kind: 'binary', op, left, right };
}

export function ifThenElse(condition: Expr, then: Expr, otherwise: Expr): Expr {
  return { kind: 'if', condition, then, else: otherwise };
}

export function transpose(operand: Expr): Expr {
  return { kind: 'transpose', operand };
}

/** A subscript position holding an expression; a string is shorthand for a name. */
export function index(expr: Expr | string | number): SubscriptIndex {
  const e = typeof expr === 'string' ? ref(expr) : typeof expr === 'number' ? num(expr) : expr;
  return { kind: 'index', expr: e };
}

/** `*`, or `*:Dim` when a dimension is given. */
export function wildcard(dimension?: string): SubscriptIndex {
  return dimension === undefined ? { kind: 'wildcard' } : { kind: 'wildcard', dimension: canonicalName(dimension) };
}

/** `from:to`; strings are names, numbers are positions. */
export function range(from: Expr | string | number, to: Expr | string | number): SubscriptIndex {
  const side = (x: Expr | string | number): Expr => (typeof x === 'string' ? ref(x) : typeof x === 'number' ? num(x) : x);
  return { kind: 'range', from: side(from), to: side(to) };
}

/** A copy of `e` without any `loc`, to compare a parsed tree with a built one. */
export function withoutLoc(e: Expr): Expr {
  switch (e.kind) {
    case 'number':
      return { kind: 'number', value: e.value };
    case 'table':
      return { kind: 'table', table: e.table };
    case 'var': {
      const out: Expr = { kind: 'var', name: e.name, display: e.display };
      if (e.subscripts) out.subscripts = e.subscripts.map(indexWithoutLoc);
      return out;
    }
    case 'call':
      return { kind: 'call', fn: e.fn, display: e.display, args: e.args.map(withoutLoc) };
    case 'unary':
      return { kind: 'unary', op: e.op, operand: withoutLoc(e.operand) };
    case 'binary':
      return { kind: 'binary', op: e.op, left: withoutLoc(e.left), right: withoutLoc(e.right) };
    case 'if':
      return { kind: 'if', condition: withoutLoc(e.condition), then: withoutLoc(e.then), else: withoutLoc(e.else) };
    case 'transpose':
      return { kind: 'transpose', operand: withoutLoc(e.operand) };
  }
}

function indexWithoutLoc(s: SubscriptIndex): SubscriptIndex {
  switch (s.kind) {
    case 'index':
      return { kind: 'index', expr: withoutLoc(s.expr) };
    case 'wildcard':
      return s.dimension === undefined ? { kind: 'wildcard' } : { kind: 'wildcard', dimension: s.dimension };
    case 'range':
      return { kind: 'range', from: withoutLoc(s.from), to: withoutLoc(s.to) };
  }
}
