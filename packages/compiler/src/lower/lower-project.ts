import type { Project, Result } from '@sluice/ir';
import { flattenModules } from './flatten-modules.js';
import { lowerStatefulBuiltins } from './lower-stateful.js';

/**
 * Turn a project as an importer made it into one flat model the code generator can compile.
 * The passes run in this order because each leaves the next less to know about:
 * 1. modules are flattened, so everything after sees one model;
 * 2. stateful builtins become stock-and-flow sub-models of hidden variables.
 */
export function lowerProject(project: Project): Result<Project> {
  const flat = flattenModules(project);
  if (!flat.ok) return flat;
  const lowered = lowerStatefulBuiltins(flat.value);
  if (!lowered.ok) return lowered;
  return { ...lowered, warnings: [...flat.warnings, ...lowered.warnings] };
}
