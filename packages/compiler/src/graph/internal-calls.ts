import { error, walkExpr, type Diagnostic, type Equation, type Project, type Variable } from '@sluice/ir';
import { findBuiltin } from '../builtins/registry.js';

function equationsOf(v: Variable): Equation[] {
  const out: Equation[] = [];
  for (const e of [v.equation, v.initialEquation, v.kind === 'stock' ? v.netFlow : undefined]) if (e) out.push(e);
  for (const el of v.elements ?? []) {
    out.push(el.equation);
    if (el.netFlow) out.push(el.netFlow);
    if (el.initialEquation) out.push(el.initialEquation);
  }
  return out;
}

/**
 * Builtins marked `internal` (the conveyor machinery) are written only by lowering, with
 * arguments it controls. A project handed to the compiler must not call them: no parser can
 * spell their names, but an IR built by a program could.
 */
export function checkNoInternalCalls(project: Project): Diagnostic[] {
  const diags: Diagnostic[] = [];
  const models = [...project.models, ...project.macros.map((m) => ({ variables: m.variables }))];
  for (const model of models) {
    for (const v of model.variables) {
      for (const eq of equationsOf(v)) {
        if (!eq.expr) continue;
        walkExpr(eq.expr, (e) => {
          if (e.kind === 'call' && findBuiltin(e.fn)?.internal) {
            diags.push(error('unknown-function', `unknown function '${e.display}'`, e.loc ?? eq.loc ?? v.loc, v.name));
          }
        });
      }
    }
  }
  return diags;
}
