import type { Dialect, IntegrationMethod, SimSpecs } from '@sluice/ir';
import type { Helpers } from './helpers.js';

/** Fixed slots at the start of every state array. */
export const SLOT_TIME = 0;
export const SLOT_DT = 1;
export const SLOT_START = 2;
export const SLOT_STOP = 3;
export const FIXED_SLOTS = 4;

/** A variable a run can report. */
export interface OutputVariable {
  /** Display name: 'name', 'module.name' (arrays will add 'name[e1,e2]'). */
  name: string;
  ident: string;
  slot: number;
  kind: 'stock' | 'flow' | 'aux';
  /** Its equation is a number: it never changes, and a run may override it. */
  isConstant: boolean;
}

/** A number written in the model that a run may replace (a constant, or a stock's initial value). */
export interface ConstantInput {
  name: string;
  ident: string;
  slot: number;
  value: number;
}

/** Generated code: `v` is the state array, `g` the graphical-function tables, `h` the helpers. */
export type PassFunction = (v: Float64Array, g: Float64Array, h: Helpers) => void;
/** Writes each stock's net rate into `r` (index 0 is the first stock slot). */
export type RatesFunction = (v: Float64Array, r: Float64Array, g: Float64Array, h: Helpers) => void;

export interface CompiledModel {
  dialect: Dialect;
  simSpecs: SimSpecs;
  method: IntegrationMethod;
  /** Length of the state array. */
  slotCount: number;
  /** Stocks occupy slots [stockBase, stockBase + stockCount): integration works on this slice. */
  stockBase: number;
  stockCount: number;
  /** All graphical-function points, table after table. */
  tables: Float64Array;
  /** Default values of everything a run may override; the runtime writes them before `initial`. */
  constants: ConstantInput[];
  /** Idents of constants the compiler read while compiling (a delay's order): a run cannot override them. */
  fixedConstants: string[];
  outputs: OutputVariable[];
  /** Number of DELAY call sites (each keeps a history during a run). */
  delayCount: number;
  /** Computes initial values of everything (time slots already set). */
  initial: PassFunction;
  /** Computes auxiliaries and flows at the current time from the stocks. */
  step: PassFunction;
  /** Net rates of the stocks, after non-negative stocks have cut their outflows. */
  rates: RatesFunction;
  /**
   * `step` then `rates`, as every integration step and stage calls them: for a model small
   * enough to be one function, their bodies in one, so a step costs one call.
   */
  evaluate: RatesFunction;
  /** Stores this step's values for PREVIOUS and DELAY; called once per step, after saving. */
  afterStep: PassFunction;
  /** Whether `afterStep` does anything (the runtime skips the call when not). */
  keepsHistory: boolean;
  /** The generated bodies, for inspection and tests. */
  source: { initial: string; step: string; rates: string; afterStep: string };
}
