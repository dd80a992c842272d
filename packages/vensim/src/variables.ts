import {
  canonicalName,
  error,
  type Diagnostic,
  type Dimension,
  type ElementEquation,
  type Equation,
  type Expr,
  type GraphicalFunction,
  type SourceLoc,
  type Variable,
} from '@sluice/ir';
import type { DimensionIndex } from './dimensions.js';
import { definitionOf, mapEquation, rewrite, type Definition } from './equation.js';
import type { ParsedEntry } from './parse-entry.js';
import { displayOf, type LhsAst, type SubscriptAst } from './parser.js';
import { parseUnits } from './units.js';

/**
 * Turns the parsed entries of one model (or macro) into IR variables. A variable may be
 * written as several entries (`x[a1] = 1`, `x[a2] = INTEG(...)`, `x[A] :EXCEPT: [a1] = ...`):
 * those become one variable with per-element equations, each with the subranges and mapped
 * ranges of its left side resolved to the element it computes, as Vensim reads them.
 */
export function buildVariables(entries: ParsedEntry[], dims: DimensionIndex, diagnostics: Diagnostic[]): Variable[] {
  const groups = new Map<string, ParsedEntry[]>();
  for (const e of entries) {
    const lhs = lhsOf(e);
    if (!lhs) continue;
    const ident = canonicalName(lhs.name.raw);
    const list = groups.get(ident) ?? [];
    list.push(e);
    groups.set(ident, list);
  }
  const out: Variable[] = [];
  for (const [ident, group] of groups) {
    const v = buildVariable(ident, group, dims, diagnostics);
    if (v) out.push(v);
  }
  return out;
}

type Body =
  | { kind: 'definition'; def: Definition }
  | { kind: 'list'; values: number[]; loc: SourceLoc | undefined }
  | { kind: 'lookup'; table: GraphicalFunction }
  | { kind: 'data'; method: string };

interface Piece {
  lhs: LhsAst;
  body: Body;
  entry: ParsedEntry;
  /** `:=` marks a data equation and `==` a constant Vensim will not let a user change; both compute like `=`. */
  op?: '=' | '==' | ':=';
}

function lhsOf(e: ParsedEntry): LhsAst | undefined {
  const a = e.ast;
  return a.kind === 'dimension' || a.kind === 'equivalence' ? undefined : a.lhs;
}

function buildVariable(ident: string, group: ParsedEntry[], dims: DimensionIndex, diagnostics: Diagnostic[]): Variable | undefined {
  const first = group[0];
  const firstLhs = first ? lhsOf(first) : undefined;
  if (!first || !firstLhs) return undefined;
  const name = displayOf(firstLhs.name.raw);
  const pieces: Piece[] = [];
  for (const entry of group) {
    const piece = pieceOf(entry, name, dims, diagnostics);
    if (piece) pieces.push(piece);
  }
  if (pieces.length !== group.length) return undefined;

  const base = { name, ident, loc: firstLhs.name.loc };
  const v: Variable = { kind: 'aux', ...base };
  describe(v, group);
  const isStock = pieces.some((p) => p.body.kind === 'definition' && p.body.def.kind === 'stock');
  if (isStock && !pieces.every((p) => p.body.kind === 'definition' && p.body.def.kind === 'stock')) {
    diagnostics.push(error('mixed-definition', `${name} is a stock (INTEG) for some elements but not for others`, firstLhs.name.loc, name));
    return undefined;
  }
  if (pieces.some((p) => p.op === ':=')) v.extra = { ...v.extra, dataEquation: true };
  if (pieces.some((p) => p.op === '==')) v.extra = { ...v.extra, unchangeable: true };
  for (const p of pieces) {
    const method = p.body.kind === 'data' ? p.body.method : p.entry.ast.kind === 'equation' ? p.entry.ast.dataMethod : undefined;
    if (method !== undefined) v.extra = { ...v.extra, data: { method } };
  }

  const arity = firstLhs.subscripts.length;
  if (pieces.some((p) => p.lhs.subscripts.length !== arity)) {
    diagnostics.push(error('subscript-count', `${name} is defined with different numbers of subscripts`, firstLhs.name.loc, name));
    return undefined;
  }
  const result: Variable = isStock ? { ...v, kind: 'stock', inflows: [], outflows: [], nonNegative: false } : v;
  if (arity === 0) {
    if (pieces.length > 1) {
      diagnostics.push(error('duplicate-definition', `${name} is defined more than once`, lhsOf(group[1] ?? first)?.name.loc, name));
      return undefined;
    }
    const only = pieces[0];
    if (only) applyScalar(result, only, diagnostics);
    return result;
  }
  return arrayed(result, pieces, dims, diagnostics);
}

function pieceOf(entry: ParsedEntry, name: string, dims: DimensionIndex, diagnostics: Diagnostic[]): Piece | undefined {
  const a = entry.ast;
  if (a.kind === 'bare') {
    diagnostics.push(error('missing-equation', `${name} has no equation`, a.lhs.name.loc, name));
    return undefined;
  }
  if (a.kind === 'lookup') return { lhs: a.lhs, body: { kind: 'lookup', table: a.table }, entry };
  if (a.kind === 'data') return { lhs: a.lhs, body: { kind: 'data', method: a.method }, entry };
  // Texts come from the expression as parsed; the rewrites apply to the expressions only.
  const resolve = (e: Expr): Expr => elementCounts(withDataSource(e, entry), dims);
  if (a.kind === 'lookup-source') return { lhs: a.lhs, body: { kind: 'definition', def: mapDefinition(definitionOf(a.source, entry), resolve) }, entry };
  if (a.kind !== 'equation') return undefined;
  if (a.rhs.kind === 'list') {
    if (a.rhs.notConstant) {
      diagnostics.push(error('syntax', 'a list of values may hold only numbers', a.rhs.notConstant, name));
      return undefined;
    }
    return { lhs: a.lhs, body: { kind: 'list', values: a.rhs.rows.flat(), loc: entry.rhs?.loc }, entry };
  }
  const def = mapDefinition(definitionOf(a.rhs.expr, entry), resolve);
  if (def.kind === 'invalid') {
    diagnostics.push(error('arguments', `${name}: INTEG and ACTIVE INITIAL take two arguments`, entry.rhs?.loc, name));
    return undefined;
  }
  return { lhs: a.lhs, body: { kind: 'definition', def }, entry, op: a.op };
}

function mapDefinition(def: Definition, f: (e: Expr) => Expr): Definition {
  const m = (eq: Equation): Equation => mapEquation(eq, f);
  if (def.kind === 'stock') return { kind: 'stock', rate: m(def.rate), initial: m(def.initial) };
  if (def.kind === 'aux') {
    const out: Definition = { kind: 'aux', equation: m(def.equation) };
    if (def.initial) out.initial = m(def.initial);
    if (def.gf) out.gf = def.gf;
    return out;
  }
  return def;
}

/** `ELMCOUNT(range)` is the number of elements of the range, known once ranges are read. */
function elementCounts(expr: Expr, dims: DimensionIndex): Expr {
  return rewrite(expr, (e) => {
    const arg = e.kind === 'call' && e.fn === 'ELMCOUNT' && e.args.length === 1 ? e.args[0] : undefined;
    const dim = arg?.kind === 'var' && !arg.subscripts ? dims.get(arg.name) : undefined;
    if (!dim) return e;
    const n: Expr = { kind: 'number', value: dim.elements.length };
    if (e.loc) n.loc = e.loc;
    return n;
  });
}

/** `GET XLS DATA('file', 'sheet', ...)`: string arguments leave the expression for `extra`. */
function withDataSource(expr: Expr, entry: ParsedEntry): Expr {
  if (entry.strings.size === 0) return expr;
  return rewrite(expr, (e) => {
    if (e.kind !== 'call') return e;
    const strings = e.args.filter((a) => entry.strings.has(a));
    if (strings.length === 0) return e;
    return { ...e, args: e.args.filter((a) => !entry.strings.has(a)) };
  });
}

function describe(v: Variable, group: ParsedEntry[]): void {
  for (const e of group) {
    const u = parseUnits(e.part.units.text);
    if (u.units !== undefined && v.units === undefined) v.units = u.units;
    if (u.range && v.extra?.range === undefined) v.extra = { ...v.extra, range: u.range };
    const doc = e.part.comment.text.trim();
    if (doc !== '' && v.doc === undefined) v.doc = doc;
    for (const f of e.part.flags) {
      const flag = f.text.trim().replace(/^:|:$/g, '').toLowerCase();
      if (flag !== '') v.extra = { ...v.extra, [flag]: true };
    }
    if (e.ast.kind === 'equation' && e.ast.rhs.kind === 'expr' && e.ast.rhs.expr.kind === 'call' && e.ast.rhs.expr.fn === 'WITH_LOOKUP')
      v.extra = { ...v.extra, withLookup: true };
    const strings = [...e.strings.values()];
    const source = e.ast.kind === 'equation' && e.ast.rhs.kind === 'expr' ? e.ast.rhs.expr : e.ast.kind === 'lookup-source' ? e.ast.source : undefined;
    const lhs = lhsOf(e);
    if (strings.length > 0 && source && lhs) {
      // One per equation: partial definitions may read different cells for different elements.
      const fn = source.kind === 'call' ? source.display : '';
      const previous = Array.isArray(v.extra?.['dataSources']) ? (v.extra['dataSources'] as unknown[]) : [];
      const entry = { function: fn, arguments: strings, subscripts: lhs.subscripts.map((x) => displayOf(x.raw)) };
      v.extra = { ...v.extra, dataSources: [...previous, entry] };
    }
  }
}

function applyScalar(v: Variable, p: Piece, diagnostics: Diagnostic[]): void {
  const b = p.body;
  if (b.kind === 'lookup') v.gf = b.table;
  else if (b.kind === 'list') {
    if (b.values.length !== 1) diagnostics.push(error('subscript-count', `${v.name} has no subscripts but is given ${b.values.length} values`, b.loc, v.name));
    v.equation = numberEquation(b.values[0] ?? Number.NaN, b.loc);
  } else if (b.kind === 'definition') applyDefinition(v, b.def);
}

function applyDefinition(target: { equation?: Equation; initialEquation?: Equation; netFlow?: Equation; gf?: GraphicalFunction }, def: Definition): void {
  if (def.kind === 'stock') {
    target.equation = def.initial;
    target.netFlow = def.rate;
  } else if (def.kind === 'aux') {
    target.equation = def.equation;
    if (def.initial) target.initialEquation = def.initial;
    if (def.gf) target.gf = def.gf;
  }
}

function numberEquation(value: number, loc: SourceLoc | undefined): Equation {
  const eq: Equation = { text: String(value), expr: { kind: 'number', value } };
  if (loc) {
    eq.loc = loc;
    if (eq.expr) eq.expr.loc = loc;
  }
  return eq;
}

/** One position of a left side: the elements it covers and the range it names, if any. */
interface Position {
  elements: string[];
  dim?: Dimension;
}

function positionsOf(subs: SubscriptAst[], dims: DimensionIndex, name: string, diagnostics: Diagnostic[]): Position[] | undefined {
  const out: Position[] = [];
  for (const s of subs) {
    const dim = dims.get(s.raw);
    if (dim) out.push({ elements: dim.elements, dim });
    else if (dims.familiesOfElement(s.raw).length > 0) out.push({ elements: [elementSpelling(s.raw, dims)] });
    else {
      diagnostics.push(error('unknown-subscript', `${displayOf(s.raw)} is neither a subscript range nor an element of one`, s.loc, name));
      return undefined;
    }
  }
  return out;
}

/** An element as its range spells it. */
function elementSpelling(raw: string, dims: DimensionIndex): string {
  const fam = dims.familiesOfElement(raw)[0];
  const i = fam ? dims.position(fam, raw) : -1;
  return fam && i >= 0 ? (fam.elements[i] ?? displayOf(raw)) : displayOf(raw);
}

function arrayed(v: Variable, pieces: Piece[], dims: DimensionIndex, diagnostics: Diagnostic[]): Variable | undefined {
  const only = pieces.length === 1 ? pieces[0] : undefined;
  if (only && only.lhs.except.length === 0 && only.lhs.subscripts.every((s) => dims.get(s.raw)) && only.body.kind !== 'list') {
    const lhsDims = only.lhs.subscripts.map((s) => dims.get(s.raw)).filter((d): d is Dimension => d !== undefined);
    if (!needsElementwise(only, lhsDims, dims)) {
      v.dimensions = lhsDims.map((d) => d.name);
      applyScalar(v, only, diagnostics);
      return v;
    }
  }
  const arity = pieces[0]?.lhs.subscripts.length ?? 0;
  const families: (Dimension | undefined)[] = new Array<Dimension | undefined>(arity).fill(undefined);
  const elements: ElementEquation[] = [];
  const seen = new Set<string>();
  for (const p of pieces) {
    const positions = positionsOf(p.lhs.subscripts, dims, v.name, diagnostics);
    if (!positions) return undefined;
    positions.forEach((pos, i) => {
      if (pos.dim && !families[i]) families[i] = dims.family(pos.dim);
    });
    const canon = (name: string): string => dims.canonical(name);
    const excluded = p.lhs.except.map((tuple) => tuple.map((s) => new Set((dims.get(s.raw)?.elements ?? [s.raw]).map(canon))));
    const tuples = product(positions.map((pos) => pos.elements)).filter(
      (tuple) => !excluded.some((ex) => ex.every((set, i) => set.has(canon(tuple[i] ?? '')))),
    );
    if (p.body.kind === 'list' && p.body.values.length !== tuples.length) {
      diagnostics.push(error('subscript-count', `${v.name} covers ${tuples.length} elements but is given ${p.body.values.length} values`, p.body.loc, v.name));
      return undefined;
    }
    tuples.forEach((tuple, k) => {
      const key = tuple.map(canon).join(',');
      if (seen.has(key)) {
        diagnostics.push(error('duplicate-definition', `${v.name}[${tuple.join(',')}] is defined more than once`, p.lhs.name.loc, v.name));
        return;
      }
      seen.add(key);
      const subst = substitutionFor(positions, tuple, dims);
      elements.push(elementEquation(tuple, p, k, subst, canon));
    });
  }
  positionsFamilies(families, elements, dims);
  v.dimensions = families.map((d, i) => d?.name ?? `#${i}`);
  v.elements = elements;
  return v;
}

/** Positions given only by elements take the range that holds them. */
function positionsFamilies(families: (Dimension | undefined)[], elements: ElementEquation[], dims: DimensionIndex): void {
  families.forEach((f, i) => {
    if (f) return;
    const el = elements[0]?.subscripts[i];
    const fam = el !== undefined ? dims.familiesOfElement(el)[0] : undefined;
    if (fam) families[i] = fam;
  });
}

function elementEquation(tuple: string[], p: Piece, k: number, subst: Map<string, string>, canon: (name: string) => string): ElementEquation {
  const resolve = (eq: Equation): Equation => mapEquation(eq, (e) => substitute(e, subst, canon));
  const b = p.body;
  if (b.kind === 'list') return { subscripts: tuple, equation: numberEquation(b.values[k] ?? Number.NaN, b.loc) };
  if (b.kind === 'lookup') return { subscripts: tuple, equation: { text: '', expr: null }, gf: b.table };
  if (b.kind === 'data' || b.def.kind === 'invalid') return { subscripts: tuple, equation: { text: '', expr: null } };
  const def = b.def;
  if (def.kind === 'stock') return { subscripts: tuple, equation: resolve(def.initial), netFlow: resolve(def.rate) };
  const out: ElementEquation = { subscripts: tuple, equation: resolve(def.equation) };
  if (def.initial) out.initialEquation = resolve(def.initial);
  if (def.gf) out.gf = def.gf;
  return out;
}

/** For each left-side position that names a range: what every related range means there. */
function substitutionFor(positions: Position[], tuple: string[], dims: DimensionIndex): Map<string, string> {
  const out = new Map<string, string>();
  positions.forEach((pos, i) => {
    const el = tuple[i];
    if (!pos.dim || el === undefined) return;
    for (const [k, v] of dims.correspondents(pos.dim, el)) if (!out.has(k)) out.set(k, v);
  });
  return out;
}

function substitute(e: Expr, subst: Map<string, string>, canon: (name: string) => string): Expr {
  if (subst.size === 0) return e;
  return rewrite(e, (n) => {
    if (n.kind !== 'var' || !n.subscripts) return n;
    return {
      ...n,
      subscripts: n.subscripts.map((s) => {
        if (s.kind !== 'index' || s.expr.kind !== 'var') return s;
        const el = subst.get(s.expr.name);
        if (el === undefined) return s;
        const expr: Expr = { kind: 'var', name: canon(el), display: el };
        if (s.expr.loc) expr.loc = s.expr.loc;
        return { ...s, expr };
      }),
    };
  });
}

/**
 * An equation over whole ranges stays one equation unless its right side names a range that
 * only means something through the left side: a subrange's parent, a mapped or equivalent
 * range. Those are resolved element by element.
 */
function needsElementwise(p: Piece, lhsDims: Dimension[], dims: DimensionIndex): boolean {
  const lhs = new Set(lhsDims.map((d) => d.ident));
  const related = new Set<string>();
  for (const d of lhsDims) {
    const el = d.elements[0];
    if (el !== undefined) for (const k of dims.correspondents(d, el).keys()) if (!lhs.has(k)) related.add(k);
  }
  if (related.size === 0 || p.body.kind !== 'definition') return false;
  let found = false;
  const visit = (e: Expr): Expr => {
    if (e.kind === 'var')
      for (const s of e.subscripts ?? []) if (s.kind === 'index' && s.expr.kind === 'var' && related.has(s.expr.name)) found = true;
    return e;
  };
  const def = p.body.def;
  const eqs = def.kind === 'stock' ? [def.rate, def.initial] : def.kind === 'aux' ? [def.equation, def.initial] : [];
  for (const eq of eqs) if (eq?.expr) rewrite(eq.expr, visit);
  return found;
}

function product(lists: string[][]): string[][] {
  let out: string[][] = [[]];
  for (const list of lists) out = out.flatMap((prefix) => list.map((x) => [...prefix, x]));
  return out;
}
