import type { Diagnostic, Project, Result } from '@sluice/ir';
import { lowerConveyors } from './conveyors.js';
import { expandMacros } from './expand-macros.js';
import { flattenModules } from './flatten-modules.js';
import { lowerStatefulBuiltins } from './lower-stateful.js';

/**
 * Turn a project as an importer made it into one flat model the code generator can compile.
 * The passes run in this order because each leaves the next less to know about:
 * 1. modules are flattened, so everything after sees one model;
 * 2. macro calls are expanded, so the stateful builtins a macro uses are ordinary calls;
 * 3. conveyors become stocks whose flows read a belt the run keeps;
 * 4. stateful builtins become stock-and-flow sub-models of hidden variables.
 */
export function lowerProject(project: Project): Result<Project> {
  const warnings: Diagnostic[] = [];
  let current = project;
  for (const pass of [flattenModules, expandMacros, lowerConveyors, lowerStatefulBuiltins]) {
    const r = pass(current);
    if (!r.ok) return r;
    warnings.push(...r.warnings);
    current = r.value;
  }
  return { ok: true, value: current, warnings };
}
