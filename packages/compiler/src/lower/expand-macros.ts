import { canonicalFunctionName, canonicalName, error, fail, ok } from '@sluice/ir';
import type { Call, Diagnostic, Expr, Macro, Model, Project, Result, Variable } from '@sluice/ir';
import { mapChildren, mapExpr } from './expr-build.js';
import { SubModel } from './sub-model.js';
import type { CallSite } from './sub-model.js';
import { MAX_MACRO_EXPANSIONS } from './limits.js';
import { mapVariableEquations } from './variable-equations.js';
import type { EquationSite } from './variable-equations.js';

/**
 * Pass: macros. Each call of a macro becomes its own copy of the macro's variables (so a macro
 * holding a stock gets one stock per call site), hidden and named `#<macro>_<n>.<variable>`,
 * with the parameters bound to the call's arguments, and the call becomes a reference to the
 * macro's output: the macro's own equation (XMILE) or its variable named like the macro
 * (Vensim). Macros calling macros expand in turn; a macro that reaches itself is an error.
 *
 * Vensim's extra outputs (`:MACRO: M(in : out)`, called `M(x : y)`) arrive as arguments after
 * the parameters, each a reference to the caller's variable that receives that output.
 */
export function expandMacros(project: Project): Result<Project> {
  if (project.macros.length === 0) return ok(project);
  const byFunction = new Map<string, Macro>();
  for (const m of project.macros) byFunction.set(canonicalFunctionName(m.ident), m);
  const diagnostics: Diagnostic[] = [];
  const counters = new Map<string, number>();
  const models = project.models.map((m) => new ModelExpansion(project, byFunction, counters, diagnostics).run(m));
  if (diagnostics.length > 0) return fail(diagnostics);
  return ok({ ...project, models });
}

class ModelExpansion {
  private readonly hidden: Variable[] = [];
  /** Caller variables defined by a Vensim macro's extra outputs: ident → their value. */
  private readonly extraOutputs = new Map<string, { name: string; value: Expr; dimensions: string[]; site: CallSite }>();

  constructor(
    private readonly project: Project,
    private readonly macros: Map<string, Macro>,
    private readonly counters: Map<string, number>,
    private readonly diagnostics: Diagnostic[],
  ) {}

  run(model: Model): Model {
    const variables = model.variables.map((v) => this.expandVariable(v, []));
    for (const [ident, { name, value, dimensions, site }] of this.extraOutputs) {
      const i = variables.findIndex((v) => v.ident === ident);
      const equation = { text: '', expr: value };
      const existing = variables[i];
      // A model variable with an equation of its own would have two definitions (Vensim: each
      // variable has one equation, and a macro's extra output is it).
      if (existing && (existing.kind !== 'aux' || existing.equation?.expr || existing.elements?.length || existing.gf)) {
        this.diagnostics.push(error('duplicate-definition', `${existing.name} is defined by its own equation and as an extra output of a macro call`, site.loc ?? existing.loc, site.owner.name));
        continue;
      }
      const defined: Variable = { ...(existing ?? { kind: 'aux', name, ident }), equation };
      if (dimensions.length > 0) defined.dimensions = [...dimensions];
      if (existing) variables[i] = defined;
      else variables.push(defined);
    }
    return { ...model, variables: [...variables, ...this.hidden] };
  }

  private expandVariable(v: Variable, stack: string[]): Variable {
    return mapVariableEquations(v, (e, site) => this.expandExpr(e, v, site, stack));
  }

  private expandExpr(e: Expr, owner: Variable, site: EquationSite, stack: string[]): Expr {
    return mapExpr(e, (node) => {
      if (node.kind !== 'call') return node;
      const macro = this.macros.get(node.fn);
      if (!macro) return node;
      const loc = node.loc ?? owner.loc;
      return this.instantiate(macro, node, loc ? { owner, site, loc } : { owner, site }, stack) ?? node;
    });
  }

  /** Copy the macro for one call; returns what replaces the call, or undefined after an error. */
  private instantiate(macro: Macro, call: Call, callSite: CallSite, stack: string[]): Expr | undefined {
    const report = (code: string, message: string): undefined => {
      this.diagnostics.push(error(code, message, callSite.loc, callSite.owner.name));
      return undefined;
    };
    if (stack.includes(macro.ident)) {
      return report('macro-recursion', `macro ${macro.name} calls itself: ${[...stack, macro.ident].join(' → ')}`);
    }
    const params = macro.parameters;
    const outputs = macro.outputs ?? [];
    const counts = outputs.length > 0 ? [params.length, params.length + outputs.length] : [params.length];
    if (!counts.includes(call.args.length)) {
      const n = counts.join(' or ');
      return report('argument-count', `${call.display} takes ${n} argument${n === '1' ? '' : 's'}, not ${call.args.length}`);
    }
    const own = new Set(macro.variables.map((v) => v.ident));
    const outputIdent = macro.equation?.expr ? undefined : own.has(macro.ident) ? macro.ident : undefined;
    if (!macro.equation?.expr && outputIdent === undefined) {
      return report('macro-output', `macro ${macro.name} has no output: neither an equation nor a variable named ${macro.name}`);
    }

    const total = [...this.counters.values()].reduce((a, b) => a + b, 0);
    if (total >= MAX_MACRO_EXPANSIONS) {
      if (this.diagnostics.some((d) => d.code === 'too-large')) return undefined;
      return report('too-large', `macro calls expand to more than ${MAX_MACRO_EXPANSIONS} copies; is a macro calling another several times at every level?`);
    }
    const k = (this.counters.get(macro.ident) ?? 0) + 1;
    this.counters.set(macro.ident, k);
    const made: Variable[] = [];
    const b = new SubModel(`#${macro.ident}_${k}`, callSite, this.project.dialect, made);
    const bound = new Map<string, Expr>();
    params.forEach((p, i) => bound.set(p, b.argument(p, call.args[i]!)));
    const inner = [...stack, macro.ident];

    const rename = (e: Expr): Expr => renameBody(e, bound, own, b);
    for (const v of macro.variables) {
      if (bound.has(v.ident)) continue;
      const copy = mapVariableEquations(v, rename);
      copy.ident = b.ident(v.ident);
      copy.name = copy.ident;
      copy.hidden = true;
      if (b.dimensions.length > 0 && !(v.dimensions && v.dimensions.length > 0)) copy.dimensions = [...b.dimensions];
      if (copy.kind === 'stock') {
        copy.inflows = copy.inflows.map((f) => b.ident(f));
        copy.outflows = copy.outflows.map((f) => b.ident(f));
      }
      made.push(copy);
    }
    const output = outputIdent !== undefined ? b.ref(outputIdent) : b.auxOf('', rename(macro.equation!.expr!));

    outputs.forEach((out, j) => {
      const target = call.args[params.length + j];
      if (!target) return;
      // In an apply-to-all equation the output has the equation's dimensions: written `y` or
      // `y[d]` with exactly those dimensions, as Vensim's macros take no subscripts inside.
      const dims = b.dimensions;
      const subs = target.kind === 'var' ? (target.subscripts ?? []) : [];
      const onDims = subs.length === 0 || (subs.length === dims.length && subs.every((s, i) => s.kind === 'index' && s.expr.kind === 'var' && s.expr.name === canonicalName(dims[i]!)));
      if (target.kind !== 'var' || !onDims) {
        const over = dims.length > 0 ? ` (subscripted by ${dims.join(', ')} or not at all)` : '';
        report('macro-output', `the extra outputs of ${call.display} must be names of variables to define${over}`);
        return;
      }
      if (this.extraOutputs.has(target.name)) {
        report('duplicate-definition', `${target.display} is an extra output of two macro calls`);
        return;
      }
      this.extraOutputs.set(target.name, { name: target.display, value: b.ref(canonicalName(out)), dimensions: [...dims], site: callSite });
    });

    // The copies may call macros themselves: expand them now, one level deeper.
    for (const v of made) this.hidden.push(this.expandVariable(v, inner));
    return output;
  }
}

/** A macro body's expression in the names of one call's copy. */
function renameBody(e: Expr, bound: Map<string, Expr>, own: Set<string>, b: SubModel): Expr {
  if (e.kind === 'var') {
    const value = bound.get(e.name);
    if (value && !e.subscripts) return value;
    if (own.has(e.name)) {
      if (!e.subscripts) return b.ref(e.name);
      const renamed = { ...e, name: b.ident(e.name), display: b.ident(e.name) };
      return mapChildren(renamed, (c) => renameBody(c, bound, own, b));
    }
  }
  return mapChildren(e, (c) => renameBody(c, bound, own, b));
}
