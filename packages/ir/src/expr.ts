import type { SourceLoc } from './diagnostics.js';
import type { GraphicalFunction } from './model.js';

/**
 * The expression tree shared by every front end (XMILE equations, Vensim equations, the
 * Sluice text language). A discriminated union on `kind`; every node may carry its source
 * location so a later stage can point at the exact place in the file.
 */
export type Expr =
  | NumberLiteral
  | VariableRef
  | Call
  | Unary
  | Binary
  | IfThenElse
  | Transpose
  | TableLiteral;

interface Node {
  loc?: SourceLoc;
}

/** A number as parsed from the source; code generation prints this value, never source text. */
export interface NumberLiteral extends Node {
  kind: 'number';
  value: number;
}

/** A reference to a variable (or, inside subscripts, to a dimension or element). */
export interface VariableRef extends Node {
  kind: 'var';
  /** Canonical name (see `canonicalName`); module-qualified names keep their dots: `mod.var`. */
  name: string;
  /** The name as written, for messages and printing. */
  display: string;
  /** Subscripts as written: `a[1, Boston, *]`. Absent for a scalar reference. */
  subscripts?: SubscriptIndex[];
}

/** A function call: a builtin, a macro, or a graphical function called by name. */
export interface Call extends Node {
  kind: 'call';
  /** Canonical function name (see `canonicalFunctionName`), e.g. `SMTH1`, `DELAY_FIXED`. */
  fn: string;
  /** The name as written. */
  display: string;
  args: Expr[];
}

export type UnaryOp = '-' | '+' | 'not';

export interface Unary extends Node {
  kind: 'unary';
  op: UnaryOp;
  operand: Expr;
}

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '^' | 'mod'
  | '<' | '<=' | '>' | '>=' | '=' | '<>'
  | 'and' | 'or';

export interface Binary extends Node {
  kind: 'binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
}

export interface IfThenElse extends Node {
  kind: 'if';
  condition: Expr;
  then: Expr;
  else: Expr;
}

/** XMILE transposition `a'`: reverses the order of the operand's dimensions. */
export interface Transpose extends Node {
  kind: 'transpose';
  operand: Expr;
}

/** An inline table: Vensim's `WITH LOOKUP(x, ((0,0),(1,1)))` or a lookup written in an equation. */
export interface TableLiteral extends Node {
  kind: 'table';
  table: GraphicalFunction;
}

/** One position inside `[...]`. */
export type SubscriptIndex =
  /** An expression: an element name, a dimension name, a position number or any expression. */
  | { kind: 'index'; expr: Expr; loc?: SourceLoc }
  /** `*` (all elements), or `*:Dim` naming the dimension. */
  | { kind: 'wildcard'; dimension?: string; loc?: SourceLoc }
  /** `from:to`, a slice. */
  | { kind: 'range'; from: Expr; to: Expr; loc?: SourceLoc };

/** Call `fn` on each direct sub-expression of `e`, in source order: the one place that knows an expression's children. */
export function forEachChild(e: Expr, fn: (child: Expr) => void): void {
  switch (e.kind) {
    case 'number':
    case 'table':
      return;
    case 'var':
      for (const s of e.subscripts ?? []) {
        if (s.kind === 'index') fn(s.expr);
        else if (s.kind === 'range') {
          fn(s.from);
          fn(s.to);
        }
      }
      return;
    case 'call':
      for (const a of e.args) fn(a);
      return;
    case 'unary':
    case 'transpose':
      fn(e.operand);
      return;
    case 'binary':
      fn(e.left);
      fn(e.right);
      return;
    case 'if':
      fn(e.condition);
      fn(e.then);
      fn(e.else);
      return;
  }
}

/** Visit every sub-expression, depth first, parents before children. */
export function walkExpr(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  forEachChild(e, (child) => walkExpr(child, visit));
}
