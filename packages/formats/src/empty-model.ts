import { error, type Diagnostic, type Project } from '@sluice/ir';

/**
 * A model with no variables is refused: whatever its file says about time, there is nothing
 * to simulate, convert or analyse, and it is most often a truncated or wrong file (an empty
 * `.mdl` would otherwise run 100 steps of nothing on Vensim's default controls).
 */
export function emptyModel(project: Project, file: string | undefined): Diagnostic | undefined {
  const main = project.models[0];
  if (main && main.variables.length > 0) return undefined;
  const at = main?.loc ?? project.simSpecs.loc ?? { line: 1, column: 1, ...(file !== undefined ? { file } : {}) };
  return error('empty-model', 'the model has no variables: there is nothing to simulate', at);
}
