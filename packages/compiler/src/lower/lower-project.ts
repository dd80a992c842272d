import type { Project, Result } from '@sluice/ir';
import { lowerStatefulBuiltins } from './lower-stateful.js';

/**
 * Turn a project as an importer made it into one flat model the code generator can compile:
 * stateful builtins become stock-and-flow sub-models of hidden variables.
 */
export function lowerProject(project: Project): Result<Project> {
  return lowerStatefulBuiltins(project);
}
