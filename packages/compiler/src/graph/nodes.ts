import type { Call, Expr, GraphicalFunction, SourceLoc, Variable } from '@sluice/ir';
import type { BuiltinSpec } from '../builtins/types.js';

/**
 * What gets a value during a run. Model variables are nodes, and so is every slot a memory
 * builtin needs at its call site (PREVIOUS keeps its input and its stored value, INIT its
 * frozen value, DELAY its input and initial value).
 */
export type NodeRole =
  | 'stock'
  | 'flow'
  | 'aux'
  /** INIT(x): x evaluated once, in the initial pass. */
  | 'init-value'
  /** PREVIOUS(x): x, computed each step and stored after it. */
  | 'previous-input'
  /** PREVIOUS(x): what the call returns; set in the initial pass, then copied after each step. */
  | 'previous-value'
  /** DELAY(input, ...): the input, computed each step and appended to the history. */
  | 'delay-input'
  /** DELAY(..., initial): the value returned before the history is long enough. */
  | 'delay-initial';

export interface Node {
  id: number;
  role: NodeRole;
  /** The model variable this node is, or whose equation holds the call it belongs to. */
  variable: Variable;
  /** Computed in the per-step pass (auxiliaries, flows, memory inputs). */
  stepExpr?: Expr;
  /** Computed in the initial pass (everything but memory inputs; a stock's initial value). */
  initExpr?: Expr;
  /** Set when `variable.gf` applies to `stepExpr`/`initExpr`. */
  gf?: GraphicalFunction;
  loc?: SourceLoc;
}

/** A memory builtin's call site and the nodes holding its state. */
export type MemoryCall =
  | { kind: 'init'; value: Node }
  | { kind: 'previous'; input: Node; value: Node }
  | { kind: 'delay'; input: Node; initial: Node; delayId: number };

/** What a name or call in an equation turned out to mean. */
export type Resolved =
  | { kind: 'node'; node: Node }
  | { kind: 'builtin'; spec: BuiltinSpec }
  /** A graphical function applied to `x`: LOOKUP(table, x) or table(x). */
  | { kind: 'lookup'; table: Variable; x: Expr }
  | { kind: 'memory'; call: MemoryCall };

export type ResolutionMap = Map<Expr, Resolved>;

export type MemoryCallSite = Call;
