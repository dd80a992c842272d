import { canonicalName, error, type Diagnostic, type Dimension, type DimensionMapping } from '@sluice/ir';
import type { ElementDefAst, EntryAst, NameAst } from './parser.js';
import { displayOf } from './parser.js';

/**
 * Vensim subscript ranges (dimensions): `A: a1, a2`, numbered ranges `(a1-a10)`, ranges built
 * from other ranges (`All: Sub1, Sub2`), mappings `-> B` and equivalences `A <-> B`. A range
 * whose elements all belong to a larger range is a subrange of it (`parent`).
 */

type DimensionEntry = Extract<EntryAst, { kind: 'dimension' | 'equivalence' }>;

/**
 * The most elements a subscript range may have, checked before a numbered range `(a1-aN)` is
 * counted out: an untrusted file could otherwise ask for billions. The compiler's per-variable
 * element limit applies later; these keep the importer itself bounded.
 */
export const MAX_RANGE_ELEMENTS = 1_000_000;
/** The most elements all ranges of a model may list together (ranges built from ranges copy theirs). */
export const MAX_MODEL_RANGE_ELEMENTS = 10_000_000;

/** Reads `GET XLS SUBSCRIPT(...)` elements from a data file, reporting its own problems. */
export type SubscriptReader = (call: Extract<ElementDefAst, { kind: 'file' }>, diagnostics: Diagnostic[]) => string[];

export function buildDimensions(entries: DimensionEntry[], diagnostics: Diagnostic[], readSubscript?: SubscriptReader): Dimension[] {
  const defs = new Map<string, DimensionEntry>();
  for (const e of entries) {
    const ident = canonicalName(e.name.raw);
    if (defs.has(ident)) diagnostics.push(error('duplicate-dimension', `subscript range ${displayOf(e.name.raw)} is defined twice`, e.name.loc));
    else defs.set(ident, e);
  }
  const resolved = new Map<string, string[]>();
  const resolving = new Set<string>();
  let listed = 0;
  // Adds `count` elements one by one (spreading a huge list into `push` overflows the call
  // stack), checking the limits before making any; false, with the range reported, if over.
  const append = (out: string[], count: number, at: (i: number) => string, def: DimensionEntry): boolean => {
    if (out.length + count > MAX_RANGE_ELEMENTS || listed + count > MAX_MODEL_RANGE_ELEMENTS) {
      const why = out.length + count > MAX_RANGE_ELEMENTS ? `more than ${MAX_RANGE_ELEMENTS} elements` : `the model's ranges more than ${MAX_MODEL_RANGE_ELEMENTS} elements in all`;
      diagnostics.push(error('too-large', `subscript range ${displayOf(def.name.raw)} would have ${why}`, def.name.loc));
      return false;
    }
    listed += count;
    for (let i = 0; i < count; i++) out.push(at(i));
    return true;
  };
  const appendAll = (out: string[], items: readonly string[], def: DimensionEntry): boolean => append(out, items.length, (i) => items[i] ?? '', def);

  const elementsOf = (ident: string): string[] => {
    const done = resolved.get(ident);
    if (done) return done;
    const def = defs.get(ident);
    if (!def || resolving.has(ident)) return [];
    resolving.add(ident);
    const out: string[] = [];
    if (def.kind === 'equivalence') appendAll(out, elementsOf(canonicalName(def.other.raw)), def);
    else
      for (const el of def.elements) {
        let fits = true;
        if (el.kind === 'range') {
          const r = numberedRange(el.from, el.to, diagnostics);
          if (r) fits = append(out, r.count, (i) => `${r.prefix}${r.first + i}`, def);
        }
        else if (el.kind === 'file') {
          if (readSubscript) fits = appendAll(out, readSubscript(el, diagnostics), def);
          else
            diagnostics.push(
              error('data', `subscript range ${displayOf(def.name.raw)} takes its elements from a data file (${el.function}); import the model with access to its folder`, el.loc),
            );
        } else {
          const inner = canonicalName(el.name.raw);
          if (inner !== ident && defs.has(inner)) fits = appendAll(out, elementsOf(inner), def);
          else fits = appendAll(out, [displayOf(el.name.raw)], def);
        }
        if (!fits) break;
      }
    resolving.delete(ident);
    resolved.set(ident, out);
    return out;
  };

  const dims: Dimension[] = [];
  for (const [ident, def] of defs) {
    const dim: Dimension = { name: displayOf(def.name.raw), ident, elements: elementsOf(ident), loc: def.name.loc };
    if (def.kind === 'equivalence') dim.aliasOf = canonicalName(def.other.raw);
    else if (def.mappings.length > 0) dim.mappings = def.mappings.map(mappingOf);
    dims.push(dim);
  }
  for (const dim of dims) {
    const parent = parentOf(dim, dims);
    if (parent) dim.parent = parent.ident;
    for (const m of dim.mappings ?? [])
      if (!defs.has(m.to)) diagnostics.push(error('unknown-dimension', `mapping to unknown subscript range ${m.to}`, dim.loc));
  }
  return dims;
}

function mappingOf(m: { to: NameAst; elements?: NameAst[] }): DimensionMapping {
  const out: DimensionMapping = { to: canonicalName(m.to.raw) };
  if (m.elements) out.elements = m.elements.map((e) => displayOf(e.raw));
  return out;
}

/** `(a1-a10)`: the same prefix, numbers counted from the first to the last (made by the caller, within its limits). */
function numberedRange(from: NameAst, to: NameAst, diagnostics: Diagnostic[]): { prefix: string; first: number; count: number } | undefined {
  const a = /^(.*?)(\d+)$/.exec(displayOf(from.raw));
  const b = /^(.*?)(\d+)$/.exec(displayOf(to.raw));
  if (!a || !b || a[1] !== b[1] || Number(a[2]) > Number(b[2])) {
    diagnostics.push(error('syntax', `subscript range (${from.raw}-${to.raw}) must count up from one numbered element to another`, from.loc));
    return undefined;
  }
  const first = Number(a[2]);
  const count = Number(b[2]) - first + 1;
  if (count > MAX_RANGE_ELEMENTS) {
    diagnostics.push(error('too-large', `subscript range (${from.raw}-${to.raw}) would have ${count} elements (at most ${MAX_RANGE_ELEMENTS})`, from.loc));
    return undefined;
  }
  return { prefix: a[1] ?? '', first, count };
}

/** The largest other range holding every element of `dim` and more. */
function parentOf(dim: Dimension, dims: Dimension[]): Dimension | undefined {
  if (dim.aliasOf !== undefined) return undefined;
  const mine = dim.elements.map(canonicalName);
  let best: Dimension | undefined;
  for (const other of dims) {
    if (other === dim || other.elements.length <= dim.elements.length || other.aliasOf !== undefined) continue;
    const theirs = new Set(other.elements.map(canonicalName));
    if (!mine.every((e) => theirs.has(e))) continue;
    if (!best || other.elements.length > best.elements.length) best = other;
  }
  return best;
}

/** Finds dimensions and elements by any spelling of their names. */
export class DimensionIndex {
  private readonly byIdent = new Map<string, Dimension>();
  // Element positions and families are asked for once per element of every arrayed equation:
  // scanning a range each time made import quadratic in its size.
  private readonly positions = new Map<Dimension, { elements: string[]; length: number; at: Map<string, number> }>();
  private familiesByElement: Map<string, Dimension[]> | undefined;
  // The same element names are canonicalised for every element equation of every variable.
  private readonly canonicalNames = new Map<string, string>();

  constructor(readonly dimensions: Dimension[]) {
    for (const d of dimensions) this.byIdent.set(d.ident, d);
  }

  /** Canonical element name to its first position in `dim`, rebuilt if the range's elements were replaced. */
  private positionsIn(dim: Dimension): Map<string, number> {
    const known = this.positions.get(dim);
    if (known && known.elements === dim.elements && known.length === dim.elements.length) return known.at;
    const at = new Map<string, number>();
    dim.elements.forEach((x, i) => {
      const e = canonicalName(x);
      if (!at.has(e)) at.set(e, i);
    });
    this.positions.set(dim, { elements: dim.elements, length: dim.elements.length, at });
    return at;
  }

  /** `canonicalName`, remembered for the names of this model. */
  canonical(name: string): string {
    let c = this.canonicalNames.get(name);
    if (c === undefined) this.canonicalNames.set(name, (c = canonicalName(name)));
    return c;
  }

  get(name: string): Dimension | undefined {
    return this.byIdent.get(this.canonical(name));
  }

  /** The outermost range a range belongs to: its parent's parent, and so on. An equivalent range stands for itself. */
  family(dim: Dimension): Dimension {
    let d = dim;
    for (let i = 0; i < 20; i++) {
      const up = d.parent !== undefined ? this.byIdent.get(d.parent) : undefined;
      if (!up) return d;
      d = up;
    }
    return d;
  }

  /** Top-level ranges holding an element, the first defined first. */
  familiesOfElement(element: string): Dimension[] {
    if (!this.familiesByElement) {
      const by = new Map<string, Dimension[]>();
      for (const d of this.dimensions) {
        if (d.parent !== undefined || d.aliasOf !== undefined) continue;
        for (const e of this.positionsIn(d).keys()) {
          const list = by.get(e);
          if (list) list.push(d);
          else by.set(e, [d]);
        }
      }
      this.familiesByElement = by;
    }
    return [...(this.familiesByElement.get(this.canonical(element)) ?? [])];
  }

  /** Position of an element in a range, or -1. */
  position(dim: Dimension, element: string): number {
    return this.positionsIn(dim).get(this.canonical(element)) ?? -1;
  }

  /**
   * For an equation written over range `lhs` and evaluated at `element`, the element each
   * related range stands for: the range itself and its ancestors give the element; an
   * equivalent range or one mapped to or from `lhs` gives the element at the same position
   * (or the one its mapping lists).
   */
  correspondents(lhs: Dimension, element: string): Map<string, string> {
    const out = new Map<string, string>();
    const k = this.position(lhs, element);
    out.set(lhs.ident, element);
    for (let d = lhs; d.parent !== undefined; ) {
      const up = this.byIdent.get(d.parent);
      if (!up) break;
      out.set(up.ident, element);
      d = up;
    }
    for (const other of this.dimensions) {
      if (out.has(other.ident)) continue;
      if (other.aliasOf === lhs.ident || lhs.aliasOf === other.ident) {
        const el = other.elements[k];
        if (el !== undefined) out.set(other.ident, el);
        continue;
      }
      for (const m of other.mappings ?? []) {
        if (m.to !== lhs.ident) continue;
        // `other -> lhs`: other's j-th element goes to lhs's j-th (or the listed) element.
        const j = m.elements ? m.elements.findIndex((x) => this.canonical(x) === this.canonical(element)) : k;
        const el = j >= 0 ? other.elements[j] : undefined;
        if (el !== undefined) out.set(other.ident, el);
      }
    }
    for (const m of lhs.mappings ?? []) {
      const target = this.byIdent.get(m.to);
      if (!target || out.has(target.ident)) continue;
      const el = m.elements ? m.elements[k] : target.elements[k];
      if (el !== undefined) out.set(target.ident, el);
    }
    return out;
  }
}
