import { error, fail, ok, type Diagnostic, type IntegrationMethod, type Project, type Result } from '@sluice/ir';
import type { CompiledModel } from './codegen/compiled-model.js';
import { generateProgram } from './codegen/program.js';
import { checkTables } from './graph/tables.js';
import { resolveModel } from './graph/resolve.js';

export interface CompileOptions {
  /** Overrides the project's integration method. */
  method?: IntegrationMethod;
}

const METHODS: readonly IntegrationMethod[] = ['euler', 'rk2', 'rk4'];

/**
 * Compile a project's main model to generated code: resolve names and calls, order both
 * passes, lay out slots and generate the functions the runtime calls. Compile once and
 * simulate many times.
 */
export function compile(project: Project, options: CompileOptions = {}): Result<CompiledModel> {
  const diags: Diagnostic[] = [];
  const method = options.method ?? project.simSpecs.method;
  if (!METHODS.includes(method)) return fail([error('unknown-method', `unknown integration method '${String(method)}'`)]);
  const model = project.models[0];
  if (!model) return fail([error('no-model', 'the project has no model')]);

  checkTables(model.variables, diags);
  const resolved = resolveModel(model.variables, project.dialect, diags);
  if (diags.some((d) => d.severity === 'error')) return fail(diags);
  const compiled = generateProgram(project, resolved, method, diags);
  if (!compiled || diags.some((d) => d.severity === 'error')) return fail(diags);
  return ok(compiled, diags);
}
