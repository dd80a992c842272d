import type { ElementEquation, Variable } from '@sluice/ir';

/**
 * The two `extra` keys of a Vensim data variable that change its numbers, as the Vensim
 * importer sets them and `@sluice/vensim`'s data step reads them: `data: { method }` (the
 * values come from a data file given at run time, filled in by `method`) and `dataSources`
 * (the quoted arguments of GET XLS / GET DIRECT calls, which the IR's formulas leave out).
 * The text language and XMILE write both, so a converted model reads its data as before.
 */

/** How Vensim fills the times between data points; the IR spells them as Vensim's keywords. */
export const DATA_METHODS = ['INTERPOLATE', 'HOLD_BACKWARD', 'LOOK_FORWARD', 'RAW'] as const;
export type DataMethod = (typeof DATA_METHODS)[number];
export const DEFAULT_DATA_METHOD: DataMethod = 'INTERPOLATE';

/** One GET call: its function as written, its quoted arguments, and the left side's subscripts it was written for. */
export interface DataSource {
  function: string;
  arguments: string[];
  subscripts: string[];
}

export function isDataMethod(word: string): word is DataMethod {
  return (DATA_METHODS as readonly string[]).includes(word);
}

/** The data method of a data variable, or undefined for any other variable. */
export function dataMethodOf(v: Variable): string | undefined {
  const data = v.extra?.['data'];
  return typeof data === 'object' && data !== null && 'method' in data ? String(data.method) : undefined;
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** The GET calls a variable reads, skipping any entry not of that shape. */
export function dataSourcesOf(v: Variable): DataSource[] {
  const raw = v.extra?.['dataSources'];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((s: unknown): DataSource[] => {
    if (typeof s !== 'object' || s === null) return [];
    const { function: fn, arguments: args, subscripts } = s as Record<string, unknown>;
    return typeof fn === 'string' && isStrings(args) && isStrings(subscripts) ? [{ function: fn, arguments: args, subscripts }] : [];
  });
}

/** Marks `v` as a data variable filled by `method`. */
export function setDataMethod(v: Variable, method: string): void {
  v.extra = { ...v.extra, data: { method } };
}

/** Appends one GET call to the ones `v` reads. */
export function addDataSource(v: Variable, source: DataSource): void {
  v.extra = { ...v.extra, dataSources: [...dataSourcesOf(v), source] };
}

/**
 * An element of a data variable with no formula, graph or initial value of its own: the data
 * file fills it, as it fills a data variable declared without elements, so formats write nothing for it.
 */
export function isDataElement(v: Variable, e: ElementEquation): boolean {
  const empty = e.equation.expr === null && e.equation.text.trim() === '' && !e.gf && !e.initialEquation && !e.netFlow;
  return empty && v.kind === 'aux' && dataMethodOf(v) !== undefined;
}
