import {
  canonicalName,
  error,
  fail,
  ok,
  type Diagnostic,
  type ElementEquation,
  type Equation,
  type GraphicalFunction,
  type Project,
  type Result,
  type Variable,
} from '@sluice/ir';

/**
 * Vensim data variables (`x :INTERPOLATE:`, `:HOLD BACKWARD:`, `:LOOK FORWARD:`, `:RAW:`) take
 * their values from a data file given at run time: a `.tab` or `.csv` table of time series,
 * such as Vensim writes for a run. This fills each data variable (and each of its elements)
 * with a graphical function of Time built from its series, so the compiler needs nothing new.
 * A variable the model defines by an equation keeps its equation, as in Vensim.
 */
export interface DataFile {
  /** Name used in diagnostics. */
  file: string;
  text: string;
}

interface Series {
  times: number[];
  values: number[];
}

export function applyVensimData(project: Project, files: DataFile[]): Result<Project> {
  const diagnostics: Diagnostic[] = [];
  const series = new Map<string, Series>();
  for (const f of files) readTable(f, series, diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return fail(diagnostics);
  const ranges = new Map(project.dimensions.map((d) => [d.ident, d.elements]));
  const elementsOf = (dim: string): string[] => ranges.get(canonicalName(dim)) ?? [];
  const models = project.models.map((m) => ({ ...m, variables: m.variables.map((v) => withData(v, series, elementsOf, diagnostics)) }));
  if (diagnostics.some((d) => d.severity === 'error')) return fail(diagnostics);
  return ok({ ...project, models }, diagnostics);
}

/** A column (or row) key: the variable's canonical name and its elements, `x[a,b]`. */
function key(name: string): string {
  const open = name.indexOf('[');
  if (open < 0 || !name.endsWith(']')) return canonicalName(name);
  const elements = name
    .slice(open + 1, -1)
    .split(',')
    .map((e) => canonicalName(e));
  return `${canonicalName(name.slice(0, open))}[${elements.join(',')}]`;
}

function unquote(cell: string): string {
  const s = cell.trim();
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s;
}

/** A number, or undefined for a blank, `NA` or anything else that is no value. */
function value(cell: string | undefined): number | undefined {
  const s = unquote(cell ?? '');
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/**
 * Time down the first column and one variable per column, or (as Vensim also writes) time
 * across the first row and one variable per row. Blank cells are times without data.
 */
function readTable(f: DataFile, out: Map<string, Series>, diagnostics: Diagnostic[]): void {
  const lines = f.text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  const sep = (lines[0] ?? '').includes('\t') ? '\t' : ',';
  const rows = lines.map((l) => l.split(sep));
  const header = rows[0];
  if (!header || header.length < 2) {
    diagnostics.push(error('data', 'a data file needs a header row and at least two columns', { file: f.file, line: 1, column: 1 }));
    return;
  }
  const acrossRow = header.slice(1).every((c) => value(c) !== undefined);
  const names = acrossRow ? rows.slice(1).map((r) => r[0] ?? '') : header.slice(1);
  const times = acrossRow ? header.slice(1).map((c) => value(c)) : rows.slice(1).map((r) => value(r[0]));
  names.forEach((raw, j) => {
    const s: Series = { times: [], values: [] };
    times.forEach((t, i) => {
      const cell = acrossRow ? rows[j + 1]?.[i + 1] : rows[i + 1]?.[j + 1];
      const v = value(cell);
      if (t !== undefined && v !== undefined) {
        s.times.push(t);
        s.values.push(v);
      }
    });
    const k = key(unquote(raw));
    if (s.times.length > 0 && !out.has(k)) out.set(k, s);
  });
}

export const TIME: Equation = { text: 'Time', expr: { kind: 'var', name: 'time', display: 'Time' } };

function withData(v: Variable, series: Map<string, Series>, elementsOf: (dim: string) => string[], diagnostics: Diagnostic[]): Variable {
  const data = v.extra?.['data'];
  const method = typeof data === 'object' && data !== null && 'method' in data ? String(data.method) : undefined;
  if (method === undefined || v.equation?.expr || (v.elements ?? []).some((e) => e.equation.expr)) return v;
  const dims = v.dimensions ?? [];
  if (dims.length === 0) {
    const s = series.get(v.ident);
    if (!s) {
      diagnostics.push(error('missing-data', `no data file holds values for the data variable ${v.name}`, v.loc, v.name));
      return v;
    }
    return { ...v, equation: TIME, gf: tableOf(s, method) };
  }
  // A data variable over whole ranges reads one series per element.
  let tuples: string[][] = [[]];
  for (const d of dims) tuples = tuples.flatMap((t) => elementsOf(d).map((e) => [...t, e]));
  const given = v.elements && v.elements.length > 0 ? v.elements : tuples.map((subscripts): ElementEquation => ({ subscripts, equation: TIME }));
  const elements: ElementEquation[] = [];
  for (const el of given) {
    const k = `${v.ident}[${el.subscripts.map((e) => canonicalName(e)).join(',')}]`;
    const s = series.get(k);
    if (!s) {
      diagnostics.push(error('missing-data', `no data file holds values for ${v.name}[${el.subscripts.join(',')}]`, v.loc, v.name));
      return v;
    }
    elements.push({ ...el, equation: TIME, gf: tableOf(s, method) });
  }
  return { ...v, elements };
}

/**
 * INTERPOLATE: straight lines between data points. HOLD BACKWARD (and RAW, whose gaps Sluice
 * fills the same way): the last value until the next point. LOOK FORWARD: the next point's
 * value from just after the point before it, placed a hair (1e-9 of the time) past each point.
 */
export function tableOf(s: Series, method: string): GraphicalFunction {
  if (method === 'INTERPOLATE') return { type: 'continuous', xs: [...s.times], ys: [...s.values] };
  if (method === 'LOOK_FORWARD' && s.times.length > 1) {
    const xs = [s.times[0] ?? 0, ...s.times.slice(0, -1).map((t) => t + 1e-9 * Math.max(1, Math.abs(t)))];
    return { type: 'discrete', xs, ys: [...s.values] };
  }
  return { type: 'discrete', xs: [...s.times], ys: [...s.values] };
}
