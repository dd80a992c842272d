import type { SourceLoc } from './diagnostics.js';
import type { Expr } from './expr.js';

/**
 * The model IR: one typed representation that XMILE, Vensim and the Sluice text language all
 * map to, and that the compiler, the exporters and the editor read. Importers resolve what a
 * file leaves implicit (XMILE `<behavior>` defaults, `xscale` tables) so later stages never
 * have to know where a model came from, except for `Project.dialect`, which picks the
 * semantics of builtins that differ between Stella and Vensim.
 */

/** Whose semantics a model's builtins follow. */
export type Dialect = 'xmile' | 'vensim';

export type SourceFormat = 'xmile' | 'stmx' | 'itmx' | 'mdl' | 'sluice';

export type IntegrationMethod = 'euler' | 'rk2' | 'rk4';

export interface SimSpecs {
  start: number;
  stop: number;
  /** The time step (already inverted when the file wrote `<dt reciprocal="true">`). */
  dt: number;
  /** Whether the file wrote dt as its reciprocal, kept for export. */
  dtReciprocal?: boolean;
  /** Interval between saved results; defaults to dt. */
  saveStep?: number;
  method: IntegrationMethod;
  timeUnits?: string;
  /**
   * Vensim's control variables may be equations (`TIME STEP = 0.5 * x`) and may vary in time;
   * the numbers above are their initial values.
   */
  equations?: Partial<Record<'start' | 'stop' | 'dt' | 'saveStep', Equation>>;
  /** Where the run's timing is written (Vensim: TIME STEP), for the run limits' errors. */
  loc?: SourceLoc;
}

/** An equation as written, with its parse. `expr` is null when the text did not parse. */
export interface Equation {
  text: string;
  expr: Expr | null;
  /** Where `text` starts in its file. */
  loc?: SourceLoc;
}

export type GraphicalFunctionType = 'continuous' | 'extrapolate' | 'discrete';

/** A graphical function (lookup table). Points are always materialised in `xs`/`ys`. */
export interface GraphicalFunction {
  type: GraphicalFunctionType;
  xs: number[];
  ys: number[];
  /** Kept for export when the file gave x as a scale rather than points. */
  xScale?: { min: number; max: number };
  yScale?: { min: number; max: number };
  /** Set when the x points came from `xscale` rather than an explicit list. */
  xFromScale?: boolean;
}

export interface Dimension {
  name: string;
  ident: string;
  /** Element names in order; a numbered dimension of size n has elements "1".."n". */
  elements: string[];
  /** True for XMILE `<dim size="n">` dimensions. */
  numbered?: boolean;
  /** Vensim: the dimension this is a subrange of. */
  parent?: string;
  /** Vensim mappings `A: a1, a2 -> B` and equivalences `A <-> B`. */
  mappings?: DimensionMapping[];
  aliasOf?: string;
  loc?: SourceLoc;
}

export interface DimensionMapping {
  /** Target dimension (canonical). */
  to: string;
  /** Target element per source element, when the mapping lists them. */
  elements?: string[];
}

export interface UnitDefinition {
  name: string;
  /** e.g. `1000 * person`; absent for a base unit. */
  equation?: string;
  aliases: string[];
}

/** One element's own equation in a non-apply-to-all array. */
export interface ElementEquation {
  /** Element names, one per dimension, as written. */
  subscripts: string[];
  equation: Equation;
  gf?: GraphicalFunction;
  /** A stock element defined on its own (Vensim `s[a1] = INTEG(rate, init)`): its net rate; `equation` is the initial value. */
  netFlow?: Equation;
  /** Vensim ACTIVE INITIAL on one element. */
  initialEquation?: Equation;
}

interface VariableBase {
  /** Display name as written in the file (quotes removed, case kept). */
  name: string;
  /** Canonical name (`canonicalName(name)`): the key for every lookup. */
  ident: string;
  units?: string;
  doc?: string;
  loc?: SourceLoc;
  /** Dimension names (display form) for an arrayed variable; absent or empty for a scalar. */
  dimensions?: string[];
  /** The equation for a scalar or apply-to-all variable (for a stock: its initial value). */
  equation?: Equation;
  /** Per-element equations for a non-apply-to-all array. */
  elements?: ElementEquation[];
  /** A graphical function: the equation gives its input (or it is called by name). */
  gf?: GraphicalFunction;
  /** XMILE `access`: module ports. */
  access?: 'input' | 'output';
  /** Vensim ACTIVE INITIAL, and any other separate equation for the initial value. */
  initialEquation?: Equation;
  /**
   * Made by the compiler's lowering (a SMTH1's stock, a macro call's copy), not by the modeller:
   * never shown in results. Hidden idents start with `#` so they cannot meet a model's names.
   */
  hidden?: boolean;
  /** Kept for export: anything format-specific the IR does not model. */
  extra?: Record<string, unknown>;
}

export interface Conveyor {
  transitTime: Equation;
  capacity?: Equation;
  inflowLimit?: Equation;
  discrete?: boolean;
  arrest?: Equation;
  /** Stella: from a queue upstream, take only whole batches (XMILE `batch_integrity`). */
  batchIntegrity?: boolean;
  /** Stella: from a queue upstream, take at most one batch a DT (XMILE `one_at_a_time`). */
  oneAtATime?: boolean;
  /** Outflows that are leakages, with their fraction and zone. */
  leaks?: { flow: string; fraction?: Equation; zoneStart?: number; zoneEnd?: number; linear?: boolean }[];
}

export interface Stock extends VariableBase {
  kind: 'stock';
  /** Canonical names of the flows that fill this stock. */
  inflows: string[];
  outflows: string[];
  /** Vensim's `INTEG(rate, init)`: the net rate as one expression instead of named flows. */
  netFlow?: Equation;
  nonNegative: boolean;
  conveyor?: Conveyor;
  queue?: boolean;
}

export interface Flow extends VariableBase {
  kind: 'flow';
  /** A uniflow: never negative. */
  nonNegative: boolean;
}

export interface Aux extends VariableBase {
  kind: 'aux';
}

/** An instance of another model of the project. */
export interface ModuleInstance extends VariableBase {
  kind: 'module';
  /** Name of the instantiated model (canonical). */
  model: string;
  /** `to` is a port inside this module (canonical, relative); `from` is outside (canonical). */
  connections: { from: string; to: string }[];
}

export type Variable = Stock | Flow | Aux | ModuleInstance;

export interface Model {
  /** Absent for the main model. */
  name?: string;
  ident?: string;
  variables: Variable[];
  /** Raw view markup kept so export writes it back unchanged. */
  views?: string;
  /** Named feedback loops declared in the model, e.g. R1 from the spec. */
  loops?: { name: string; variables: string[]; doc?: string }[];
  groups?: { name: string; variables: string[] }[];
  doc?: string;
  loc?: SourceLoc;
}

export interface Macro {
  name: string;
  ident: string;
  /** Parameter names (canonical), in call order. */
  parameters: string[];
  /** The macro's own variables. */
  variables: Variable[];
  /** XMILE's `<eqn>` on the macro: its value. Vensim: the variable named like the macro. */
  equation?: Equation;
  /** Vensim: further outputs after `:` in the header. */
  outputs?: string[];
  simSpecs?: Partial<SimSpecs>;
  doc?: string;
  loc?: SourceLoc;
}

export interface Project {
  dialect: Dialect;
  name?: string;
  /** Where the model came from. */
  source?: { file?: string; format: SourceFormat; vendor?: string; product?: string };
  simSpecs: SimSpecs;
  units: UnitDefinition[];
  dimensions: Dimension[];
  /** models[0] is the main model; the others are instantiated by modules. */
  models: Model[];
  macros: Macro[];
  /** Anything format-specific kept for a lossless round trip. */
  extra?: Record<string, unknown>;
}
