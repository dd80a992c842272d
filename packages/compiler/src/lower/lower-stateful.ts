import { error, ok, fail, walkExpr } from '@sluice/ir';
import type { Diagnostic, Expr, Model, Project, Result, Variable } from '@sluice/ir';
import { mapExpr } from './expr-build.js';
import { initialValue } from './initial-value.js';
import { describeArity, loweredArity, statefulBuiltin } from './stateful/builtins.js';
import { SubModel } from './sub-model.js';
import { mapVariableEquations } from './variable-equations.js';

/**
 * Pass: every call of a stateful builtin (SMTH1, DELAY3, TREND, Vensim's SMOOTH, NPV...)
 * becomes a small stock-and-flow sub-model of hidden variables, and the call a reference to
 * its output. Calls nested in calls are lowered innermost first, so an argument that was a
 * SMTH1 is by then a reference. Hidden names are `#<function>_<n>.<part>`, numbered per
 * function in the order the calls appear, so lowering the same project twice gives the same
 * names.
 */
export function lowerStatefulBuiltins(project: Project): Result<Project> {
  const diagnostics: Diagnostic[] = [];
  const counters = new Map<string, number>();
  const models = project.models.map((m) => lowerModel(project, m, counters, diagnostics));
  if (diagnostics.length > 0) return fail(diagnostics);
  return ok({ ...project, models });
}

/** Whether `e` calls a stateful builtin anywhere: only those expressions need rebuilding. */
function hasStatefulCall(e: Expr, dialect: Project['dialect']): boolean {
  let found = false;
  walkExpr(e, (x) => {
    if (!found && x.kind === 'call' && statefulBuiltin(x.fn, dialect)) found = true;
  });
  return found;
}

function lowerModel(project: Project, model: Model, counters: Map<string, number>, diagnostics: Diagnostic[]): Model {
  const byIdent = new Map(model.variables.map((v) => [v.ident, v] as const));
  const hidden: Variable[] = [];
  const orderReads = new Set<string>();
  // An expression with no stateful call is kept as it is (nothing downstream mutates
  // expressions): copying the tens of thousands of element equations of a large array model
  // was a tenth of its compile time.
  const variables = model.variables.map((owner) =>
    mapVariableEquations(owner, (e, site) =>
      !hasStatefulCall(e, project.dialect) ? e : mapExpr(e, (node): Expr => {
        if (node.kind !== 'call') return node;
        const found = statefulBuiltin(node.fn, project.dialect);
        if (!found) return node;
        const loc = node.loc ?? owner.loc;
        const arity = loweredArity(node.fn, found.dialect);
        if (!arity.includes(node.args.length)) {
          const counts = describeArity(arity);
          diagnostics.push(error('argument-count', `${node.display} takes ${counts} argument${counts === '1' ? '' : 's'}, not ${node.args.length}`, loc, owner.name));
          return node;
        }
        const k = (counters.get(node.fn) ?? 0) + 1;
        counters.set(node.fn, k);
        const made: Variable[] = [];
        const b = new SubModel(`#${node.fn.toLowerCase()}_${k}`, loc ? { owner, site, loc } : { owner, site }, project.dialect, made);
        const lowered = found.builtin.lower(b, node.args, {
          dialect: found.dialect,
          order: (x) => initialValue(x, byIdent, project.simSpecs, orderReads),
          table: (x) => (x.kind === 'var' && !x.subscripts ? byIdent.get(x.name)?.gf : undefined),
        });
        if ('code' in lowered) {
          diagnostics.push(error(lowered.code, `${node.display}: ${lowered.message}`, loc, owner.name));
          return node;
        }
        hidden.push(...made);
        return lowered;
      }),
    ),
  );
  const marked = orderReads.size === 0 ? variables : variables.map((v) => (orderReads.has(v.ident) ? { ...v, fixedAtCompile: true } : v));
  return { ...model, variables: [...marked, ...hidden] };
}
