import { canonicalName, error, type Diagnostic, type Dimension, type SourceLoc } from '@sluice/ir';

/** A dimension as the compiler uses it: canonical element names, in order. */
export interface DimInfo {
  ident: string;
  name: string;
  /** Canonical element names. */
  elements: string[];
  /** Element names as written, for result columns. */
  display: string[];
  /** The dimension this is a subrange of (Vensim), canonical. */
  parent?: string;
}

export type DimensionTable = Map<string, DimInfo>;

/** Dimensions by canonical name; an alias (`A <-> B`) resolves to the dimension it names. */
export function dimensionTable(dims: readonly Dimension[], diags: Diagnostic[]): DimensionTable {
  const table: DimensionTable = new Map();
  for (const d of dims) {
    if (d.aliasOf) continue;
    const info: DimInfo = { ident: d.ident, name: d.name, elements: d.elements.map(canonicalName), display: d.elements.slice() };
    if (d.parent) info.parent = canonicalName(d.parent);
    if (info.elements.length === 0) diags.push(error('invalid-dimension', `dimension '${d.name}' has no elements`, d.loc));
    table.set(d.ident, info);
  }
  for (const d of dims) {
    if (!d.aliasOf) continue;
    const target = table.get(canonicalName(d.aliasOf));
    if (target) table.set(d.ident, target);
    else diags.push(error('unknown-dimension', `dimension '${d.name}' is an alias of unknown '${d.aliasOf}'`, d.loc));
  }
  return table;
}

/** The dimensions of a variable, or undefined (with a diagnostic) when one is unknown. */
export function shapeOf(
  names: readonly string[] | undefined,
  table: DimensionTable,
  where: { loc?: SourceLoc; name: string },
  diags: Diagnostic[],
): DimInfo[] | undefined {
  const out: DimInfo[] = [];
  for (const n of names ?? []) {
    const d = table.get(canonicalName(n));
    if (!d) {
      diags.push(error('unknown-dimension', `'${where.name}' has unknown dimension '${n}'`, where.loc, where.name));
      return undefined;
    }
    out.push(d);
  }
  return out;
}

export const sizeOf = (dims: readonly DimInfo[]): number => dims.reduce((n, d) => n * d.elements.length, 1);

// Positions and strides are asked for once per element equation and per output: with
// thousands of elements a scan (indexOf) or a fresh array each time made compile quadratic.
const positionMaps = new WeakMap<DimInfo, Map<string, number>>();
const stridesCache = new WeakMap<readonly DimInfo[], readonly number[]>();

/** Position of a canonical element name in `d`, or -1; `d.elements.indexOf` without the scan. */
export function positionIn(d: DimInfo, element: string): number {
  let map = positionMaps.get(d);
  if (!map) {
    map = new Map();
    // The first of two equal names wins, as indexOf would.
    for (let i = d.elements.length - 1; i >= 0; i--) map.set(d.elements[i]!, i);
    positionMaps.set(d, map);
  }
  return map.get(element) ?? -1;
}

/** Row-major strides: the last dimension varies fastest. */
export function stridesOf(dims: readonly DimInfo[]): number[] {
  const s = new Array<number>(dims.length).fill(1);
  for (let k = dims.length - 2; k >= 0; k--) s[k] = s[k + 1]! * dims[k + 1]!.elements.length;
  return s;
}

/** `stridesOf`, computed once per dimension list (callers must not change the result). */
function sharedStrides(dims: readonly DimInfo[]): readonly number[] {
  let s = stridesCache.get(dims);
  if (!s) {
    s = stridesOf(dims);
    stridesCache.set(dims, s);
  }
  return s;
}

/** `name[e1,e2]` for the element at row-major offset `offset`. */
export function elementName(name: string, dims: readonly DimInfo[], offset: number): string {
  if (dims.length === 0) return name;
  const strides = sharedStrides(dims);
  let out = `${name}[`;
  for (let k = 0; k < dims.length; k++) {
    const d = dims[k]!;
    if (k > 0) out += ',';
    out += d.display[Math.floor(offset / strides[k]!) % d.elements.length]!;
  }
  return `${out}]`;
}
