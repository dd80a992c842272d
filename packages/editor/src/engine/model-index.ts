import { walkExpr, type Equation, type Project, type SourceLoc, type Variable } from '@sluice/ir';

/** What the editor knows about one variable of the main model. */
export interface VariableInfo {
  name: string;
  ident: string;
  kind: Variable['kind'];
  units?: string;
  doc?: string;
  /** The defining equation as written (a stock's initial value). */
  equation?: string;
  /** Where the equation text starts in the file. */
  equationLoc?: SourceLoc;
  /** A stock's flows, shown in hover as `inflows − outflows`. */
  inflows?: string[];
  outflows?: string[];
  /** Where the variable is defined. */
  loc?: SourceLoc;
  /** Idents this variable's equations read (its causes). */
  causes: string[];
  /** Idents whose equations read this variable (its uses). */
  uses: string[];
  /** Named feedback loops the model declares through this variable, e.g. `R1 Workload and burnout`. */
  loops: string[];
  /** A constant: an equation that is a plain number, so a slider can set it. */
  constant?: number;
}

/** A place in the text where a variable's name is written. */
export interface NameSite {
  ident: string;
  loc: SourceLoc;
  /** The definition rather than a use. */
  definition: boolean;
}

/**
 * The editor's view of a parsed model: variables by ident, their causes and uses, and every
 * place a name appears, for hover, go-to-definition, find-references and the sliders.
 */
export class ModelIndex {
  readonly variables = new Map<string, VariableInfo>();
  readonly sites: NameSite[] = [];

  constructor(readonly project: Project) {
    const main = project.models[0];
    if (!main) return;
    for (const v of main.variables) {
      if (v.hidden) continue;
      const info: VariableInfo = { name: v.name, ident: v.ident, kind: v.kind, causes: [], uses: [], loops: [] };
      if (v.units) info.units = v.units;
      if (v.doc) info.doc = v.doc;
      if (v.equation) {
        info.equation = v.equation.text;
        if (v.equation.loc) info.equationLoc = v.equation.loc;
      }
      if (v.loc) {
        info.loc = v.loc;
        this.sites.push({ ident: v.ident, loc: v.loc, definition: true });
      }
      if (v.kind === 'stock') {
        info.inflows = v.inflows;
        info.outflows = v.outflows;
      }
      const constant = constantValue(v);
      if (constant !== undefined) info.constant = constant;
      this.variables.set(v.ident, info);
    }
    for (const v of main.variables) {
      if (v.hidden) continue;
      const causes = new Set<string>();
      for (const eq of equationsOf(v)) {
        if (!eq.expr) continue;
        walkExpr(eq.expr, (e) => {
          if (e.kind !== 'var') return;
          causes.add(e.name);
          if (e.loc) this.sites.push({ ident: e.name, loc: e.loc, definition: false });
        });
      }
      if (v.kind === 'stock') for (const f of [...v.inflows, ...v.outflows]) causes.add(f);
      const info = this.variables.get(v.ident);
      if (!info) continue;
      causes.delete(v.ident);
      info.causes = [...causes].filter((c) => this.variables.has(c)).sort();
      for (const c of info.causes) this.variables.get(c)?.uses.push(v.ident);
    }
    for (const info of this.variables.values()) info.uses.sort();
    for (const loop of main.loops ?? []) {
      const label = loop.doc ? `${loop.name} ${loop.doc}` : loop.name;
      for (const ident of new Set(loop.variables)) this.variables.get(ident)?.loops.push(label);
    }
  }

  get(ident: string): VariableInfo | undefined {
    return this.variables.get(ident);
  }

  /** The name written at a 1-based line and column, if any. */
  siteAt(line: number, column: number): NameSite | undefined {
    return this.sites.find((s) => contains(s.loc, line, column));
  }

  /** Every place `ident` is written, the definition first. */
  sitesOf(ident: string): NameSite[] {
    return this.sites
      .filter((s) => s.ident === ident)
      .sort((a, b) => Number(b.definition) - Number(a.definition) || a.loc.line - b.loc.line || a.loc.column - b.loc.column);
  }

  /**
   * Variables that a slider can set, in the order the model lists them. Vensim's control
   * variables are left out: they set the run's time axis, which an override does not move.
   */
  constants(): VariableInfo[] {
    const control = this.project.dialect === 'vensim' ? VENSIM_CONTROL : new Set<string>();
    return [...this.variables.values()].filter((v) => v.constant !== undefined && !control.has(v.ident));
  }
}

const VENSIM_CONTROL = new Set(['initial_time', 'final_time', 'time_step', 'saveper']);

function equationsOf(v: Variable): Equation[] {
  const out: Equation[] = [];
  if (v.equation) out.push(v.equation);
  if (v.initialEquation) out.push(v.initialEquation);
  for (const el of v.elements ?? []) out.push(el.equation);
  if (v.kind === 'stock' && v.netFlow) out.push(v.netFlow);
  return out;
}

/** The value of a scalar auxiliary whose equation is a number (or a negated number). */
function constantValue(v: Variable): number | undefined {
  if (v.kind !== 'aux' || v.gf || (v.dimensions?.length ?? 0) > 0 || v.elements?.length) return undefined;
  const e = v.equation?.expr;
  if (!e) return undefined;
  if (e.kind === 'number') return e.value;
  if (e.kind === 'unary' && e.operand.kind === 'number') return e.op === '-' ? -e.operand.value : e.op === '+' ? e.operand.value : undefined;
  return undefined;
}

function contains(loc: SourceLoc, line: number, column: number): boolean {
  const endLine = loc.endLine ?? loc.line;
  const endColumn = loc.endColumn ?? loc.column + 1;
  if (line < loc.line || line > endLine) return false;
  if (line === loc.line && column < loc.column) return false;
  if (line === endLine && column > endColumn) return false;
  return true;
}
