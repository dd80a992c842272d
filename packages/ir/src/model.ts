import type { SourceLoc } from './diagnostics.js';
import type { Expr } from './expr.js';

/**
 * The model IR: one typed representation that XMILE, Vensim and the Sluice text language all
 * map to, and that the compiler, the exporters and the editor read. Importers resolve what a
 * file leaves implicit (XMILE `<behavior>` defaults, `xscale` tables) so later stages never
 * have to know where a model came from, except for `Project.dialect`, which picks the
 * semantics of builtins that differ between Stella and Vensim.
 */

/**
 * The `#` comments of a Sluice text file, kept with the declaration they were written at so
 * that `sluice fmt` and conversion (XMILE keeps them in Sluice's namespace) keep a modeller's
 * notes. Each comment is its line from the `#` on, as written (trailing blanks trimmed).
 * Other formats' comments are documentation and go to `doc`, not here.
 */
export interface Comments {
  /**
   * The lines just above the declaration, in order: comments, and `''` for a blank line (never
   * two in a row). A leading `''` is a blank line the printer would not otherwise write there.
   */
  before?: string[];
  /** The comment at the end of the declaration's first line. */
  trailing?: string;
  /** Comments between the declaration's later lines (attributes, a graph's point list), in order. */
  inside?: string[];
  /**
   * A sub-model's or macro's comments after its last declaration, before its `end`; on the
   * main model, the comments at the end of the file. Lines as in `before`.
   */
  end?: string[];
}

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
  /** The `sim` line's comments in the text language. */
  comments?: Comments;
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
  comments?: Comments;
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
  comments?: Comments;
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
  /**
   * Set by the compiler's lowering: the value fixes the model's structure (the order of a
   * DELAYN or SMTHN, read once when compiling), so a run cannot override it as a constant.
   */
  fixedAtCompile?: boolean;
  /** Kept for export: anything format-specific the IR does not model. */
  extra?: Record<string, unknown>;
  comments?: Comments;
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

/** A point of a diagram in its file's coordinates: pixels, x right, y down. */
export interface DiagramPoint {
  x: number;
  y: number;
}

/**
 * One object of a stock-and-flow diagram, at its centre. `uid` is unique within its view and is
 * how connectors name their ends; `variable` is the ident of the model variable drawn. Sizes are
 * whole widths and heights, when the file gave them.
 */
export type DiagramElement =
  | { kind: 'stock' | 'aux'; uid: number; variable: string; x: number; y: number; width?: number; height?: number }
  /** A flow's valve; `points` run along its pipe from where it comes from to where it goes. */
  | { kind: 'flow'; uid: number; variable: string; x: number; y: number; points: DiagramPoint[] }
  /** A second drawing of a variable defined elsewhere (Vensim's shadow variable, XMILE's alias). */
  | { kind: 'alias'; uid: number; variable: string; x: number; y: number }
  /** Where a flow comes from or goes to outside the model. */
  | { kind: 'cloud'; uid: number; x: number; y: number }
  | { kind: 'comment'; uid: number; x: number; y: number; width?: number; height?: number; text: string }
  /** An arrow of influence; `via` is a point its arc passes through, absent for a straight one. */
  | { kind: 'connector'; uid: number; from: number; to: number; via?: DiagramPoint; polarity?: '+' | '-' };

/**
 * One view (page) of a diagram read from a file that keeps it apart from the equations
 * (Vensim's sketch), so that export to a format with views (XMILE) draws the model where its
 * author did. Raw view markup that can be written back unchanged stays in `Model.views`.
 */
export interface DiagramView {
  name?: string;
  elements: DiagramElement[];
}

export interface Model {
  /** Absent for the main model. */
  name?: string;
  ident?: string;
  variables: Variable[];
  /** Raw view markup kept so export writes it back unchanged. */
  views?: string;
  /** The views of a diagram the importer read (from a Vensim sketch), one per page. */
  diagram?: DiagramView[];
  /** Named feedback loops declared in the model, e.g. R1 from the spec. */
  loops?: { name: string; variables: string[]; doc?: string; comments?: Comments }[];
  groups?: { name: string; variables: string[]; comments?: Comments }[];
  doc?: string;
  loc?: SourceLoc;
  /** A sub-model's comments; on the main model, the `title` line's and (as `end`) the file's last ones. */
  comments?: Comments;
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
  comments?: Comments;
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
