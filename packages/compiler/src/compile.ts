import { error, fail, ok, type Diagnostic, type IntegrationMethod, type Project, type Result } from '@sluice/ir';
import type { CompiledModel } from './codegen/compiled-model.js';
import { generateProgram } from './codegen/program.js';
import { dimensionTable } from './graph/dimensions.js';
import { checkNoInternalCalls } from './graph/internal-calls.js';
import { checkTables } from './graph/tables.js';
import { resolveModel } from './graph/resolve.js';
import { lowerProject } from './lower/index.js';

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
  if (!project.models[0]) return fail([error('no-model', 'the project has no model')]);
  const internal = checkNoInternalCalls(project);
  if (internal.length > 0) return fail(internal);
  // Lowering expands stateful builtins (SMTH1, DELAY3...) into hidden stocks and flows.
  const lowered = lowerProject(project);
  if (!lowered.ok) return lowered;
  diags.push(...lowered.warnings);
  const flat = lowered.value;
  const model = flat.models[0]!;

  checkTables(model.variables, diags);
  const dimensions = dimensionTable(flat.dimensions, diags);
  const resolved = resolveModel(model.variables, dimensions, flat.dialect, diags);
  if (diags.some((d) => d.severity === 'error')) return fail(distinct(diags));
  const compiled = generateProgram(flat, resolved, method, diags);
  if (!compiled || diags.some((d) => d.severity === 'error')) return fail(distinct(diags));
  return ok(compiled, distinct(diags));
}

/**
 * Each problem once. An equation written over a range is checked at every element it is
 * resolved at (a Vensim `x[Region,A1] = ...` is a thousand element equations), and would
 * otherwise report the same thing at the same place a thousand times.
 */
function distinct(diags: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const at = d.loc ? `${d.loc.file ?? ''}:${d.loc.line}:${d.loc.column}` : '';
    const key = `${d.severity}\u0000${d.code}\u0000${at}\u0000${d.variable ?? ''}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
