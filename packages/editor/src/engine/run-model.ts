import { ok, type Diagnostic, type Project, type Result } from '@sluice/ir';
import { compile, type CompiledModel } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import { retypedEquation, type ParsedText } from './retyped-equation.js';
import { readModel, type ModelFormat } from './model-format.js';
import type { Overrides } from './overrides.js';
import { sameCompiledModel } from './same-compiled.js';
import { sameData } from './same-data.js';
import { FixedConstantCompiles } from './fixed-constants.js';

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
 * for the same text (`cached`), the last compiled model with a retyped constant's new value as
 * an override (`constant`), or the last parsed model with a retyped formula read again and
 * compiled (`formula`). The last two are confirmed by a full parse when typing pauses.
 */
export type BuildPath = 'parsed' | 'cached' | 'constant' | 'formula';

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
  /** The parser's messages, then the compiler's. */
  parsing: Diagnostic[];
  compiling: Diagnostic[];
}

/** Constants retyped since the compiled model, answered by overriding their values in it. */
interface Retyped extends ParsedText {
  overrides: Overrides;
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
 * the same text with new overrides, and then only the simulation is redone. Typing inside one
 * formula is answered without parsing the file: a constant's new value runs the compiled model
 * as an override, another formula is read alone and the model compiled again. `confirm` later
 * parses (and compiles) that text in full and says whether the answer given was exact.
 */
export class ModelRunner {
  private last: Compiled | null = null;
  private retyped: Retyped | null = null;
  /** The newest request answered from a retyped formula and not yet confirmed by a full parse. */
  private toConfirm: RunRequest | null = null;
  private readonly fixedConstants = new FixedConstantCompiles();

  run(request: RunRequest): RunResponse {
    const started = performance.now();
    const built = this.build(request);
    const diagnostics = [...built.diagnostics];
    const runs: SeriesRun[] = [];
    if (built.compiled) {
      for (const spec of request.runs) {
        // The run's own overrides go last, so a slider or scenario still wins over the text.
        const wanted = { ...built.overrides, ...spec.overrides };
        const split = built.project ? this.fixedConstants.split(built.project, built.compiled, wanted) : { runnable: wanted, fixed: [] };
        const model = split.fixed.length > 0 && built.project ? this.fixedConstants.compiledWith(built.project, built.compiled, split.fixed) : ok(built.compiled);
        if (!model.ok) {
          diagnostics.push(...model.diagnostics.map((d) => tagRun(d, spec.name, request.runs.length)));
          continue;
        }
        const result = simulate(model.value, { overrides: split.runnable });
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

  /** Whether the last response came from a retyped formula that no full parse has confirmed yet. */
  get unconfirmed(): boolean {
    return this.toConfirm !== null;
  }

  /**
   * Parse in full the text the last response answered from a retyped formula (and compile it,
   * for a constant's override), and keep that. Returns the full response when it differs from
   * the one given (a constant the compiler reads while compiling, such as a delay's order, or a
   * formula the text parser reads otherwise), else null.
   */
  confirm(): RunResponse | null {
    const request = this.toConfirm;
    const given = this.last;
    this.toConfirm = null;
    if (!request || !given) return null;
    const retyped = this.retyped;
    const parsed = readModel(request.text, request.format, request.file);
    const sameParse = parsed.ok && sameData(parsed.value, retyped?.project ?? given.project) && sameData(parsed.warnings, given.parsing);
    if (sameParse && !retyped) return null;
    const full = this.compileParsed(request, parsed);
    if (sameParse && retyped && full.compiled && given.compiled && sameData(full.compiling, given.compiling) && sameCompiledModel(full.compiled, given.compiled, retyped.overrides)) {
      // Equal, so keep the objects already sent: the worker then sends the next change alone.
      this.last = { ...full, project: retyped.project };
      return null;
    }
    return this.run(request);
  }

  private build(request: RunRequest): Built {
    const last = this.last;
    if (last?.key === keyOf(request)) {
      this.retyped = null;
      if (this.toConfirm) this.toConfirm = request;
      return { ...this.answer(last), path: 'cached' };
    }
    if (last && this.retyped?.text === request.text) {
      // The same retyped text again: a slider dragged after typing.
      this.toConfirm = request;
      return { ...this.answer(last), project: this.retyped.project, path: 'constant' };
    }
    const from: ParsedText | undefined = this.retyped ?? (last?.project ? { text: last.text, file: last.file, project: last.project } : undefined);
    const r = last && from && request.format === 'sluice' && last.file === request.file ? retypedEquation(from, request.text) : undefined;
    if (!r || !last) {
      this.toConfirm = null;
      return { ...this.answer(this.compileParsed(request, readModel(request.text, request.format, request.file))), path: 'parsed' };
    }
    this.toConfirm = request;
    if (r.constant !== undefined && last.compiled?.constants.some((c) => c.ident === r.ident)) {
      this.retyped = { text: r.text, file: r.file, project: r.project, overrides: { ...this.retyped?.overrides, [r.ident]: r.constant } };
      return { ...this.answer(last), project: r.project, path: 'constant' };
    }
    // The parser's messages are the last text's: the edit stayed inside one formula that reads cleanly.
    return { ...this.answer(this.compileParsed(request, ok(r.project, last.parsing))), path: 'formula' };
  }

  private answer(c: Compiled): Omit<Built, 'path'> {
    return { project: c.project, compiled: c.compiled, diagnostics: [...c.parsing, ...c.compiling], overrides: this.retyped?.overrides ?? {} };
  }

  /** Compile a parse of the request's text and keep it as the last compiled model. */
  private compileParsed(request: RunRequest, parsed: Result<Project>): Compiled {
    this.retyped = null;
    const base = { key: keyOf(request), text: request.text, file: request.file };
    let built: Compiled;
    if (!parsed.ok) {
      built = { ...base, project: null, compiled: null, parsing: parsed.diagnostics, compiling: [] };
    } else {
      const compiled = compile(parsed.value);
      built = { ...base, project: parsed.value, compiled: compiled.ok ? compiled.value : null, parsing: parsed.warnings, compiling: compiled.ok ? compiled.warnings : compiled.diagnostics };
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
