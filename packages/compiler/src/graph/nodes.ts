import type { Expr, GraphicalFunction, SourceLoc, Variable, VariableRef } from '@sluice/ir';
import type { BuiltinSpec } from '../builtins/types.js';
import type { DimInfo } from './dimensions.js';

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

/**
 * One equation of a node. An apply-to-all equation is evaluated in a loop over `dims`; an
 * element's own equation (`fixed`) once, at that element.
 */
export interface NodeEquation {
  /** Dimensions of the place the equation is written (its variable's). */
  dims: DimInfo[];
  /** The element it defines, one index per dimension; absent for a loop over all elements. */
  fixed?: number[];
  /** Computed in the per-step pass (auxiliaries, flows, memory inputs). */
  stepExpr?: Expr;
  /** Computed in the initial pass (a stock's initial value; ACTIVE INITIAL). */
  initExpr?: Expr;
  /** Applied to the value of `stepExpr`/`initExpr`. */
  gf?: GraphicalFunction;
  /** Vensim stock: the net rate. */
  netFlow?: Expr;
}

export interface Node {
  id: number;
  role: NodeRole;
  /** The model variable this node is, or whose equation holds the call it belongs to. */
  variable: Variable;
  /** The node's own shape: it takes `size` consecutive slots, row-major. */
  dims: DimInfo[];
  size: number;
  equations: NodeEquation[];
  loc?: SourceLoc;
}

/** A memory builtin's call site and the nodes holding its state. */
export type MemoryCall =
  | { kind: 'init'; value: Node }
  | { kind: 'previous'; input: Node; value: Node }
  /** `delayId` is the first of `input.size` consecutive histories. */
  | { kind: 'delay'; input: Node; initial: Node; delayId: number };

/** How a Vensim lookup call reads its table, overriding the table's own type. */
export type LookupMode = 'interpolate' | 'extrapolate' | 'forward' | 'backward';

/** What a name or call in an equation turned out to mean. */
export type Resolved =
  | { kind: 'node'; node: Node }
  | { kind: 'builtin'; spec: BuiltinSpec }
  /** A graphical function applied to `x`: LOOKUP(table, x) or table(x). */
  | {
      kind: 'lookup';
      gf: GraphicalFunction;
      x: Expr;
      array?: ArrayedTable;
      /** Read the table this way whatever its own type (Vensim's LOOKUP EXTRAPOLATE, FORWARD, BACKWARD). */
      mode?: LookupMode;
    }
  | { kind: 'memory'; call: MemoryCall };

/** A graphical function that differs per element: its dimensions, tables (row-major), reference. */
export interface ArrayedTable {
  dims: DimInfo[];
  gfs: GraphicalFunction[];
  /** The subscripted name in LOOKUP(table[d], x); absent when called as table(x). */
  ref?: VariableRef;
}

export type ResolutionMap = Map<Expr, Resolved>;
