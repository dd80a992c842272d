import type { Diagnostic, Project } from '@sluice/ir';
import { compile, type CompiledModel } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import { retypedConstant, type ParsedText } from './constant-retype.js';
import { readModel, type ModelFormat } from './model-format.js';
import type { Overrides } from './overrides.js';
import { sameCompiledModel } from './same-compiled.js';
import { sameData } from './same-data.js';

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

/**
 * How the model of a response was had: parsed and compiled (`parsed`), the last compiled model
 * for the same text (`cached`), or the last compiled model with a retyped constant's new value
 * as an override (`constant`, confirmed by a full parse when typing pauses).
 */
export type BuildPath = 'parsed' | 'cached' | 'constant';

export interface RunResponse {
  /** The parsed model, or null when the text did not parse. */
  project: Project | null;
  /** Errors and warnings from every stage, each with a location when the stage knows one. */
  diagnostics: Diagnostic[];
  runs: SeriesRun[];
  /** Milliseconds spent, for the status line. */
  elapsed: number;
  path?: BuildPath;
}

interface Compiled {
  key: string;
  text: string;
  file: string;
  project: Project | null;
  compiled: CompiledModel | null;
  diagnostics: Diagnostic[];
}

/** A text answered with the compiled model of an earlier one: its parse, and the constants it changed. */
interface Retyped extends ParsedText {
  overrides: Overrides;
  request: RunRequest;
}

interface Built {
  project: Project | null;
  compiled: CompiledModel | null;
  diagnostics: Diagnostic[];
  /** Constants whose text differs from the compiled model's values. */
  overrides: Overrides;
  path: BuildPath;
}

/**
 * Parses, compiles and runs model text, keeping the last compiled model: a slider drag sends
 * the same text with new overrides, and then only the simulation is redone. Typing in a
 * constant's number is answered the same way, with the new value as an override, after a
 * parse of that one number; `confirm` later parses and compiles that text in full and says
 * whether the answer given was exactly the full one.
 */
export class ModelRunner {
  private last: Compiled | null = null;
  private retyped: Retyped | null = null;

  run(request: RunRequest): RunResponse {
    const started = performance.now();
    const built = this.build(request);
    const diagnostics = [...built.diagnostics];
    const runs: SeriesRun[] = [];
    if (built.compiled) {
      for (const spec of request.runs) {
        // The run's own overrides go last, so a slider or scenario still wins over the text.
        const result = simulate(built.compiled, { overrides: { ...built.overrides, ...spec.overrides } });
        if (result.ok) {
          runs.push({ name: spec.name, times: result.value.times, columns: result.value.columns.map((c) => ({ name: c.name, ident: c.ident, values: c.values })) });
          diagnostics.push(...result.warnings.map((d) => tagRun(d, spec.name, request.runs.length)));
        } else {
          diagnostics.push(...result.diagnostics.map((d) => tagRun(d, spec.name, request.runs.length)));
        }
      }
    }
    return { project: built.project, diagnostics: dedupe(diagnostics), runs, elapsed: performance.now() - started, path: built.path };
  }

  /** Whether the last response came from a retyped constant that no full parse has confirmed yet. */
  get unconfirmed(): boolean {
    return this.retyped !== null;
  }

  /**
   * Parse and compile in full the text the last response answered from a retyped constant, and
   * keep that as the compiled model. Returns the full response when it differs from the one
   * given (a constant the compiler reads while compiling, such as a delay's order), else null.
   */
  confirm(): RunResponse | null {
    const retyped = this.retyped;
    const given = this.last;
    if (!retyped || !given?.compiled) return null;
    const full = this.compileText(retyped.request);
    const same =
      full.compiled !== null &&
      sameData(full.project, retyped.project) &&
      sameData(full.diagnostics, given.diagnostics) &&
      sameCompiledModel(full.compiled, given.compiled, retyped.overrides);
    if (!same) return this.run(retyped.request);
    // Equal, so keep the objects already sent: the worker then sends the next change alone.
    this.last = { ...full, project: retyped.project };
    return null;
  }

  private build(request: RunRequest): Built {
    const key = keyOf(request);
    const last = this.last;
    if (last?.key === key) {
      this.retyped = null;
      return { ...last, overrides: {}, path: 'cached' };
    }
    const retyped = last?.compiled && last.project && request.format === 'sluice' && last.file === request.file ? this.retype(request, last) : undefined;
    if (retyped && last) return { project: retyped.project, compiled: last.compiled, diagnostics: last.diagnostics, overrides: retyped.overrides, path: 'constant' };
    return { ...this.compileText(request), overrides: {}, path: 'parsed' };
  }

  /** The request's text as the compiled one (or the last retyped one) with one constant's number retyped. */
  private retype(request: RunRequest, last: Compiled): Retyped | undefined {
    // The same retyped text again (a slider dragged after typing) needs nothing new.
    if (this.retyped?.text === request.text) {
      this.retyped = { ...this.retyped, request };
      return this.retyped;
    }
    const from: ParsedText | undefined = this.retyped ?? (last.project ? { text: last.text, file: last.file, project: last.project } : undefined);
    const r = from && retypedConstant(from, request.text);
    if (!r || !last.compiled?.constants.some((c) => c.ident === r.ident)) return undefined;
    this.retyped = { text: r.text, file: r.file, project: r.project, overrides: { ...this.retyped?.overrides, [r.ident]: r.value }, request };
    return this.retyped;
  }

  private compileText(request: RunRequest): Compiled {
    this.retyped = null;
    const key = keyOf(request);
    const parsed = readModel(request.text, request.format, request.file);
    const base = { key, text: request.text, file: request.file };
    let built: Compiled;
    if (!parsed.ok) {
      built = { ...base, project: null, compiled: null, diagnostics: parsed.diagnostics };
    } else {
      const compiled = compile(parsed.value);
      built = compiled.ok
        ? { ...base, project: parsed.value, compiled: compiled.value, diagnostics: [...parsed.warnings, ...compiled.warnings] }
        : { ...base, project: parsed.value, compiled: null, diagnostics: [...parsed.warnings, ...compiled.diagnostics] };
    }
    this.last = built;
    return built;
  }
}

const keyOf = (request: RunRequest) => `${request.format}\u0000${request.file}\u0000${request.text}`;

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
