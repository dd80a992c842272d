import type { Diagnostic, Project } from '@sluice/ir';
import { compile, type CompiledModel } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import { readModel, type ModelFormat } from './model-format.js';

/** A named set of constant overrides: the baseline (no overrides), a slider setting or a scenario. */
export interface RunSpec {
  name: string;
  /** Constant values by variable name; any spelling `canonicalName` folds together. */
  overrides: Record<string, number>;
}

/** One simulation's output, in the shape the charts read. */
export interface SeriesRun {
  name: string;
  times: Float64Array;
  columns: { name: string; ident: string; values: Float64Array }[];
}

export interface RunRequest {
  text: string;
  format: ModelFormat;
  file: string;
  runs: RunSpec[];
  /** The editor's version of the text, so a reply can be matched to what was on screen. */
  version?: number;
}

export interface RunResponse {
  /** The parsed model, or null when the text did not parse. */
  project: Project | null;
  /** Errors and warnings from every stage, each with a location when the stage knows one. */
  diagnostics: Diagnostic[];
  runs: SeriesRun[];
  /** Milliseconds spent, for the status line. */
  elapsed: number;
}

interface Compiled {
  key: string;
  project: Project | null;
  compiled: CompiledModel | null;
  diagnostics: Diagnostic[];
}

/**
 * Parses, compiles and runs model text, keeping the last compiled model: a slider drag sends
 * the same text with new overrides, and then only the simulation is redone.
 */
export class ModelRunner {
  private last: Compiled | null = null;

  run(request: RunRequest): RunResponse {
    const started = performance.now();
    const built = this.build(request);
    const diagnostics = [...built.diagnostics];
    const runs: SeriesRun[] = [];
    if (built.compiled) {
      for (const spec of request.runs) {
        const result = simulate(built.compiled, { overrides: spec.overrides });
        if (result.ok) {
          runs.push({ name: spec.name, times: result.value.times, columns: result.value.columns.map((c) => ({ name: c.name, ident: c.ident, values: c.values })) });
          diagnostics.push(...result.warnings.map((d) => tagRun(d, spec.name, request.runs.length)));
        } else {
          diagnostics.push(...result.diagnostics.map((d) => tagRun(d, spec.name, request.runs.length)));
        }
      }
    }
    return { project: built.project, diagnostics: dedupe(diagnostics), runs, elapsed: performance.now() - started };
  }

  private build(request: RunRequest): Compiled {
    const key = `${request.format}\u0000${request.file}\u0000${request.text}`;
    if (this.last?.key === key) return this.last;
    const parsed = readModel(request.text, request.format, request.file);
    let built: Compiled;
    if (!parsed.ok) {
      built = { key, project: null, compiled: null, diagnostics: parsed.diagnostics };
    } else {
      const compiled = compile(parsed.value);
      built = compiled.ok
        ? { key, project: parsed.value, compiled: compiled.value, diagnostics: [...parsed.warnings, ...compiled.warnings] }
        : { key, project: parsed.value, compiled: null, diagnostics: [...parsed.warnings, ...compiled.diagnostics] };
    }
    this.last = built;
    return built;
  }
}

/** Name the run in a message when several runs could have produced it. */
function tagRun(d: Diagnostic, run: string, runCount: number): Diagnostic {
  return runCount > 1 ? { ...d, message: `${d.message} (run ${run})` } : d;
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.severity}|${d.code}|${d.message}|${d.loc?.line}|${d.loc?.column}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
