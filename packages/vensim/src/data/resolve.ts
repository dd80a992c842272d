import {
  canonicalName,
  error,
  fail,
  ok,
  type Diagnostic,
  type Dimension,
  type ElementEquation,
  type Equation,
  type Project,
  type Result,
  type SourceLoc,
  type Variable,
} from '@sluice/ir';
import { tableOf, TIME } from '../data.js';
import { findAnchor, findSheet } from './locate.js';
import { DataFiles, type DataFileAccess } from './open-file.js';
import { readConstants, readSeries } from './read-values.js';

/** One GET call as the importer keeps it in `extra.dataSources`. */
interface DataSource {
  function: string;
  arguments: string[];
  /** The left side's subscripts as written: ranges and elements. */
  subscripts: string[];
}

type Kind = 'CONSTANTS' | 'DATA' | 'LOOKUPS';

/** What one source gives each element it covers, in the order of its elements. */
type Filled = { kind: 'constant'; values: number[] } | { kind: 'series'; series: { times: number[]; values: number[] }[] };

/**
 * Vensim's GET XLS / GET DIRECT CONSTANTS, DATA and LOOKUPS: reads the cells each names and
 * puts plain IR in the call's place, so the compiler needs nothing new. A constant becomes a
 * number; data becomes a graphical function of Time (interpolated unless the variable's keyword
 * says otherwise); a lookup becomes a graphical function. Files are read relative to the
 * model's folder and never from outside it unless `allowOutside` names them.
 */
export function resolveVensimData(project: Project, access: DataFileAccess): Result<Project> {
  const diagnostics: Diagnostic[] = [];
  const files = new DataFiles(access);
  const dims = new Map(project.dimensions.map((d) => [d.ident, d]));
  const models = project.models.map((m) => ({ ...m, variables: m.variables.map((v) => resolveVariable(v, dims, files, diagnostics)) }));
  if (diagnostics.some((d) => d.severity === 'error')) return fail(diagnostics);
  return ok({ ...project, models }, diagnostics);
}

function sourcesOf(v: Variable): DataSource[] {
  const raw = v.extra?.['dataSources'];
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (s): s is DataSource =>
      typeof s === 'object' && s !== null && typeof s.function === 'string' && Array.isArray(s.arguments) && Array.isArray(s.subscripts),
  );
}

const kindOf = (fn: string): Kind | undefined => /^GET_(?:XLS|DIRECT)_(CONSTANTS|DATA|LOOKUPS)$/.exec(fn)?.[1] as Kind | undefined;

/** The GET call an equation is, if it is one. */
function getCall(eq: Equation | undefined): Kind | undefined {
  return eq?.expr?.kind === 'call' ? kindOf(eq.expr.fn) : undefined;
}

function resolveVariable(v: Variable, dims: Map<string, Dimension>, files: DataFiles, diagnostics: Diagnostic[]): Variable {
  const sources = sourcesOf(v);
  if (sources.length === 0) return v;
  const method = dataMethod(v);
  const elementsOf = (name: string): string[] | undefined => dims.get(canonicalName(name))?.elements;
  const cache = new Map<DataSource, Filled | undefined>();
  const fill = (s: DataSource, loc: SourceLoc | undefined): Filled | undefined => {
    if (!cache.has(s)) cache.set(s, readSource(s, elementsOf, files, loc, v.name, diagnostics));
    return cache.get(s);
  };
  const out: Variable = { ...v };

  const kind = getCall(v.equation);
  if (kind && v.equation) {
    const source = sources[0]!;
    const filled = fill(source, v.equation.loc ?? v.loc);
    if (!filled) return v;
    const dimsOfV = v.dimensions ?? [];
    if (dimsOfV.length === 0) {
      if (filled.kind === 'constant') out.equation = numberEquation(filled.values[0]!, v.equation);
      else if (kind === 'DATA') Object.assign(out, { equation: TIME, gf: tableOf(filled.series[0]!, method) });
      else {
        delete out.equation;
        out.gf = tableOf(filled.series[0]!, 'INTERPOLATE');
      }
      return out;
    }
    // Over whole ranges: one element equation per element, in the left side's order.
    let tuples: string[][] = [[]];
    for (const d of dimsOfV) tuples = tuples.flatMap((t) => (elementsOf(d) ?? []).map((e) => [...t, e]));
    delete out.equation;
    out.elements = tuples.map((subscripts, i) => elementOf(subscripts, filled, i, kind, method, v.equation!));
    return out;
  }

  if (v.elements?.some((e) => getCall(e.equation))) {
    out.elements = v.elements.map((el) => {
      const k = getCall(el.equation);
      if (!k) return el;
      const match = sources.map((s) => ({ s, i: positionIn(s.subscripts, el.subscripts, elementsOf) })).find((m) => m.i !== undefined);
      if (!match || match.i === undefined) {
        diagnostics.push(error('data', `no data source found for ${v.name}[${el.subscripts.join(',')}]`, el.equation.loc ?? v.loc, v.name));
        return el;
      }
      const filled = fill(match.s, el.equation.loc ?? v.loc);
      return filled ? elementOf(el.subscripts, filled, match.i, k, method, el.equation) : el;
    });
  }
  return out;
}

function elementOf(subscripts: string[], filled: Filled, i: number, kind: Kind, method: string, written: Equation): ElementEquation {
  if (filled.kind === 'constant') return { subscripts, equation: numberEquation(filled.values[i]!, written) };
  const s = filled.series[i]!;
  if (kind === 'DATA') return { subscripts, equation: TIME, gf: tableOf(s, method) };
  return { subscripts, equation: { text: '', expr: null }, gf: tableOf(s, 'INTERPOLATE') };
}

/** Vensim interpolates data linearly unless the variable says `:HOLD BACKWARD:`, `:LOOK FORWARD:` or `:RAW:`. */
function dataMethod(v: Variable): string {
  const data = v.extra?.['data'];
  return typeof data === 'object' && data !== null && 'method' in data ? String(data.method) : 'INTERPOLATE';
}

function numberEquation(value: number, written: Equation): Equation {
  const eq: Equation = { text: String(value), expr: { kind: 'number', value } };
  if (written.loc) {
    eq.loc = written.loc;
    if (eq.expr) eq.expr.loc = written.loc;
  }
  return eq;
}

/**
 * The place of an element among the elements a left side covers (last subscript fastest), or
 * undefined when that left side does not cover it.
 */
function positionIn(lhs: string[], element: string[], elementsOf: (name: string) => string[] | undefined): number | undefined {
  if (lhs.length !== element.length) return undefined;
  let index = 0;
  for (let k = 0; k < lhs.length; k++) {
    const want = canonicalName(element[k]!);
    const range = elementsOf(lhs[k]!);
    if (range) {
      const j = range.findIndex((e) => canonicalName(e) === want);
      if (j < 0) return undefined;
      index = index * range.length + j;
    } else if (canonicalName(lhs[k]!) !== want) return undefined;
  }
  return index;
}

function readSource(
  s: DataSource,
  elementsOf: (name: string) => string[] | undefined,
  files: DataFiles,
  loc: SourceLoc | undefined,
  name: string,
  diagnostics: Diagnostic[],
): Filled | undefined {
  const kind = kindOf(s.function.trim().replace(/[\s_]+/g, '_').toUpperCase());
  const problem = (message: string): undefined => {
    diagnostics.push(error('data', `${s.function}: ${message}`, loc, name));
    return undefined;
  };
  if (!kind) return problem('not a data function Sluice reads');
  const want = kind === 'CONSTANTS' ? 3 : 4;
  if (s.arguments.length !== want) return problem(`takes ${want} quoted arguments, not ${s.arguments.length}`);
  const [file, sheetName, third, fourth] = s.arguments as [string, string, string, string?];
  if (file.startsWith('?')) return problem(`'${file}' names a file through Vensim's external-data settings, which Sluice does not read; write the file name`);
  const book = files.open(file, sheetName);
  if (!book.ok) return problem(book.message);
  const sheet = findSheet(book.value, sheetName, file);
  if (!sheet.ok) return problem(sheet.message);
  const sizes = s.subscripts.map((x) => elementsOf(x)?.length ?? 1);
  const count = sizes.reduce((a, b) => a * b, 1);
  if (kind === 'CONSTANTS') {
    const transposed = third.trimEnd().endsWith('*');
    const ref = transposed ? third.trimEnd().slice(0, -1) : third;
    const anchor = findAnchor(book.value, sheet.value, ref.trim(), file);
    if (!anchor.ok) return problem(anchor.message);
    const values = readConstants(anchor.value, sizes, transposed, file);
    return values.ok ? { kind: 'constant', values: values.value } : problem(values.message);
  }
  const anchor = findAnchor(book.value, sheet.value, (fourth ?? '').trim(), file);
  if (!anchor.ok) return problem(anchor.message);
  const series = readSeries(book.value, sheet.value, third.trim(), anchor.value, count, file);
  return series.ok ? { kind: 'series', series: series.value } : problem(series.message);
}
