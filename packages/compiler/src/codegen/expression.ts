import { error, type Diagnostic, type Dialect, type Expr, type Variable, type VariableRef } from '@sluice/ir';
import type { EmitContext } from '../builtins/types.js';
import type { Pass } from '../graph/dependencies.js';
import { positionIn, stridesOf, type DimInfo } from '../graph/dimensions.js';
import type { Node, ResolutionMap } from '../graph/nodes.js';
import { SLOT_DT, SLOT_START, SLOT_STOP, SLOT_TIME } from './compiled-model.js';
import { lookupHelperName, lookupModeCode, lookupModeHelper } from './helpers.js';
import type { Layout } from './layout.js';
import { numberLiteral } from './number-literal.js';
import { emitAllocateByPriority } from './allocate.js';
import { emitAllocateAvailable } from './allocate-available.js';
import { emitInvertMatrix } from './invert-matrix.js';
import { emitVectorOrder } from './vector-order.js';
import { emitVectorSelect, loopContext, wildcardDimensions } from './vector-select.js';

export interface ExpressionContext {
  pass: Pass;
  dialect: Dialect;
  resolution: ResolutionMap;
  layout: Layout;
  /** Dimensions of the place the equation is written, and JS source of each current index. */
  dims: DimInfo[];
  index: string[];
  /** The variable whose equation this is, for messages. */
  owner: Variable;
  diags: Diagnostic[];
  /** Statements that must run before the expression (loops of a reduction over an expression). */
  pre: string[];
  /** Numbers the temporaries of one generated function, so their names never collide. */
  temps: { next: number };
  /** Inside a reduction: the index of each dimension its wildcards (`d!`, `*`) run over. */
  wildcards?: Map<string, string>;
}

export const slotRef = (slot: number | string): string => `v[${slot}]`;

const builtinContext = (dialect: Dialect): EmitContext => ({
  dialect,
  time: slotRef(SLOT_TIME),
  dt: slotRef(SLOT_DT),
  start: slotRef(SLOT_START),
  stop: slotRef(SLOT_STOP),
});

const truth = (s: string): string => `(${s}) !== 0`;

/** Whether `s` is digits only (an element's position), by character codes: this runs for every subscript of every element equation. */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `base + i0 * 3 + 2`, folding the parts that are numbers. */
export function offsetSource(base: number, parts: { index: string; stride: number }[]): string {
  let constant = base;
  const terms: string[] = [];
  for (const p of parts) {
    if (isDigits(p.index)) constant += Number(p.index) * p.stride;
    else terms.push(p.stride === 1 ? p.index : `${p.index} * ${p.stride}`);
  }
  return terms.length === 0 ? String(constant) : `${constant} + ${terms.join(' + ')}`;
}

/** One dimension of a reference: a position (JS source), or every element (`*`). */
type Selector = { index: string } | { all: true; from?: number; count?: number } | { computed: string };

const REDUCERS: Record<string, 'sum' | 'prod' | 'mean' | 'stddev' | 'min' | 'max'> = {
  SUM: 'sum',
  PROD: 'prod',
  VMIN: 'min',
  VMAX: 'max',
  MEAN: 'mean',
  STDDEV: 'stddev',
  MIN: 'min',
  MAX: 'max',
};

/**
 * JS source computing `e` at the current element. Only slot indices, loop indices, numbers
 * printed from parsed values, operators and helper calls are written: never a name or any other
 * text from the model.
 */
export function emitExpr(e: Expr, ctx: ExpressionContext): string {
  const emit = (x: Expr): string => emitExpr(x, ctx);
  const fail = (message: string, at: Expr, code = 'dimension-mismatch'): string => {
    ctx.diags.push(error(code, message, at.loc ?? ctx.owner.equation?.loc ?? ctx.owner.loc, ctx.owner.name));
    return '0';
  };

  /** Which element of dimension `d` the current place means, or undefined. */
  const currentIndexIn = (d: DimInfo): string | undefined => {
    const k = ctx.dims.findIndex((c) => c.ident === d.ident);
    if (k >= 0) return ctx.index[k];
    // A subrange of `d` in the current place maps through its positions in `d`.
    for (let j = 0; j < ctx.dims.length; j++) {
      const c = ctx.dims[j]!;
      const map = ctx.layout.indexMap(c, d);
      if (map !== undefined) return `g[${map} + ${ctx.index[j]}]`;
    }
    return undefined;
  };

  const selectors = (node: Pick<Node, 'dims'>, ref: VariableRef): Selector[] | undefined => {
    const dims = node.dims;
    const subs = ref.subscripts ?? [];
    if (subs.length === 0) {
      const out: Selector[] = [];
      for (const d of dims) {
        const i = currentIndexIn(d);
        if (i === undefined) return undefined;
        out.push({ index: i });
      }
      return out;
    }
    if (subs.length !== dims.length) {
      fail(`'${ref.display}' has ${dims.length} dimensions but ${subs.length} subscripts`, ref);
      return undefined;
    }
    const out: Selector[] = [];
    for (let k = 0; k < dims.length; k++) {
      const d = dims[k]!;
      const s = subs[k]!;
      if (s.kind === 'wildcard') {
        const bound = ctx.wildcards?.get(s.dimension ?? d.ident);
        if (bound === undefined) out.push({ all: true });
        else if (s.dimension === undefined || s.dimension === d.ident) out.push({ index: bound });
        else {
          const sub = ctx.dims.find((c) => c.ident === s.dimension);
          const map = sub ? ctx.layout.indexMap(sub, d) : undefined;
          if (map === undefined) {
            fail(`'${s.dimension}' is not a subrange of '${d.name}' ('${ref.display}')`, ref);
            return undefined;
          }
          out.push({ index: `g[${map} + ${bound}]` });
        }
        continue;
      }
      if (s.kind === 'range') {
        // from:to, by positions or element names, inclusive.
        const at = (x: Expr): number => (x.kind === 'number' ? x.value - 1 : x.kind === 'var' ? positionIn(d, x.name) : -1);
        const from = at(s.from);
        const to = at(s.to);
        if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to >= d.elements.length || to < from) {
          fail(`range outside dimension '${d.name}' ('${ref.display}')`, ref);
          return undefined;
        }
        out.push({ all: true, from, count: to - from + 1 });
        continue;
      }
      const x = s.expr;
      if (x.kind === 'number') {
        const p = x.value - 1;
        if (!Number.isInteger(p) || p < 0 || p >= d.elements.length) {
          fail(`position ${x.value} is outside dimension '${d.name}' of '${ref.display}'`, ref);
          return undefined;
        }
        out.push({ index: String(p) });
        continue;
      }
      if (x.kind === 'var' && !x.subscripts) {
        const element = positionIn(d, x.name);
        if (element >= 0 && !ctx.dims.some((c) => c.ident === x.name)) {
          out.push({ index: String(element) });
          continue;
        }
        // A dimension the current place does not loop over means all of its elements.
        if (x.name === d.ident && currentIndexIn(d) === undefined) {
          out.push({ all: true });
          continue;
        }
        const j = ctx.dims.findIndex((c) => c.ident === x.name);
        if (j >= 0) {
          // The dimension being looped over, or a subrange of this one (mapped by element).
          const c = ctx.dims[j]!;
          const map = c.ident === d.ident ? undefined : ctx.layout.indexMap(c, d);
          if (c.ident === d.ident || map !== undefined) {
            out.push({ index: map === undefined ? ctx.index[j]! : `g[${map} + ${ctx.index[j]}]` });
            continue;
          }
        }
        if (ctx.resolution.get(x)?.kind === 'node') {
          out.push({ computed: emit(x) });
          continue;
        }
        fail(`'${x.display}' is not an element of '${d.name}' here ('${ref.display}')`, ref);
        return undefined;
      }
      // A computed position (1-based), checked against the dimension when the step runs.
      out.push({ computed: emit(x) });
      continue;
    }
    return out;
  };

  const elementOf = (node: Node, ref: VariableRef): string => {
    const sel = selectors(node, ref);
    if (!sel) {
      const missing = node.dims.find((d) => currentIndexIn(d) === undefined);
      if (ref.subscripts?.length) return '0';
      return fail(`'${ref.display}' has dimension '${missing?.name ?? '?'}', which '${ctx.owner.name}' does not have`, ref);
    }
    if (sel.some((s) => 'all' in s)) return fail(`'${ref.display}' is a whole array here; use it inside SUM, MEAN, MIN or MAX`, ref);
    const strides = stridesOf(node.dims);
    const computed = sel.findIndex((s) => 'computed' in s);
    // A loop, not flatMap: this runs for every reference of every element equation, and V8's
    // flatMap over arrays it allocates per element was the largest part of it.
    const fixed: { index: string; stride: number }[] = [];
    sel.forEach((s, k) => {
      if ('index' in s) fixed.push({ index: s.index, stride: strides[k]! });
    });
    if (computed < 0) return slotRef(offsetSource(ctx.layout.slotOf(node), fixed));
    if (sel.filter((s) => 'computed' in s).length > 1) return fail(`'${ref.display}' has more than one computed subscript`, ref, 'unsupported');
    // NaN outside the dimension: never a read of some other variable's slot.
    const pos = (sel[computed] as { computed: string }).computed;
    return `h.elementAt(v, ${offsetSource(ctx.layout.slotOf(node), fixed)}, ${strides[computed]}, ${node.dims[computed]!.elements.length}, ${pos})`;
  };

  /** SUM(a[*]) and friends: a helper over a run of equally spaced slots. */
  const reduce = (fn: string, arg: Expr, extra?: string): string => {
    const r = arg.kind === 'var' ? ctx.resolution.get(arg) : undefined;
    if (arg.kind !== 'var' || r?.kind !== 'node') return fn === 'RANK' ? fail('RANK needs an array variable', arg, 'unsupported') : reduceExpression(fn, arg);
    const node = r.node;
    const strides = stridesOf(node.dims);
    const sel: Selector[] | undefined = arg.subscripts?.length ? selectors(node, arg) : node.dims.map(() => ({ all: true }));
    if (!sel) return '0';
    if (sel.some((s) => 'computed' in s)) return fn === 'RANK' ? fail('RANK needs an array variable', arg, 'unsupported') : reduceExpression(fn, arg);
    const free = sel.map((s, k) => ('all' in s ? k : -1)).filter((k) => k >= 0);
    const fixedParts = sel.flatMap((s, k) =>
      'index' in s ? [{ index: s.index, stride: strides[k]! }] : 'from' in s && s.from !== undefined ? [{ index: String(s.from), stride: strides[k]! }] : [],
    );
    const start = offsetSource(ctx.layout.slotOf(node), fixedParts);
    let count = 1;
    for (const k of free) count *= (sel[k] as { count?: number }).count ?? node.dims[k]!.elements.length;
    if (fn === 'SIZE') return String(count);
    const whole = (k: number): boolean => (sel[k] as { count?: number }).count === undefined || k === free[0];
    const suffix = free.every((k, i) => k === node.dims.length - free.length + i && whole(k));
    let stride: number;
    if (free.length === 0 || suffix) stride = 1;
    else if (free.length === 1) stride = strides[free[0]!]!;
    // Not one evenly spaced run of slots: loop over the wildcards instead.
    else if (fn === 'RANK') return fail('RANK over these subscripts is not compiled yet', arg, 'unsupported');
    else return reduceExpression(fn, arg);
    if (fn === 'RANK') return `h.rank(v, ${start}, ${stride}, ${count}, ${extra})`;
    return `h.${REDUCERS[fn]}(v, ${start}, ${stride}, ${count})`;
  };

  /**
   * SUM(a[d!] * b[d!]): a loop, written before the statement, over the dimensions the wildcards
   * name; the expression is evaluated at each of their elements.
   */
  const reduceExpression = (fn: string, arg: Expr): string => {
    const loops = wildcardDimensions([arg], ctx);
    if (loops.length === 0 || fn === 'STDDEV') return fail(`${fn} of an expression needs wildcard subscripts (a[dim!] or a[*])`, arg, 'unsupported');
    const t = `s${ctx.temps.next++}`;
    const { inner, index } = loopContext(loops, ctx);
    const count = loops.reduce((n, d) => n * d.elements.length, 1);
    if (fn === 'SIZE') return String(count);
    const value = emitExpr(arg, inner);
    const kind = REDUCERS[fn];
    const start = kind === 'min' ? '(1 / 0)' : kind === 'max' ? '(-1 / 0)' : kind === 'prod' ? '1' : '0';
    const step =
      kind === 'min' ? `${t} = Math.min(${t}, ${value});`
      : kind === 'max' ? `${t} = Math.max(${t}, ${value});`
      : kind === 'prod' ? `${t} *= ${value};`
      : `${t} += ${value};`;
    const open = loops.map((d, k) => `for (let ${index[k]} = 0; ${index[k]} < ${d.elements.length}; ${index[k]}++) {`).join(' ');
    ctx.pre.push(`let ${t} = ${start};`, `${open} ${step} ${loops.map(() => '}').join(' ')}`);
    return fn === 'MEAN' ? `(${t} / ${count})` : t;
  };

  switch (e.kind) {
    case 'number':
      return numberLiteral(e.value);
    case 'var': {
      const r = ctx.resolution.get(e);
      if (r?.kind === 'node') return elementOf(r.node, e);
      if (r?.kind === 'builtin' && r.spec.emit) return r.spec.emit([], builtinContext(ctx.dialect));
      const k = ctx.dims.findIndex((d) => d.ident === e.name);
      if (k >= 0) return `(${ctx.index[k]} + 1)`;
      // An element name as a value: its position in the current place's dimension.
      const j = ctx.dims.findIndex((d) => positionIn(d, e.name) >= 0);
      if (j >= 0) return String(positionIn(ctx.dims[j]!, e.name) + 1);
      throw new Error('internal: unresolved reference reached code generation');
    }
    case 'call': {
      const r = ctx.resolution.get(e);
      if (!r) throw new Error('internal: unresolved call reached code generation');
      switch (r.kind) {
        case 'builtin': {
          const name = r.spec.name;
          if (name === 'VECTOR_SELECT') return emitVectorSelect(e.args, ctx, emitExpr);
          if (name === 'ALLOCATE_BY_PRIORITY') return emitAllocateByPriority(e.args, ctx, emitExpr, (m, at) => fail(m, at, 'unsupported'));
          if (name === 'ALLOCATE_AVAILABLE') return emitAllocateAvailable(e.args, ctx, emitExpr, (m, at) => fail(m, at, 'unsupported'));
          if (name === 'VECTOR_SORT_ORDER' || name === 'VECTOR_RANK' || name === 'VECTOR_ELM_MAP') return emitVectorOrder(name, e.args, ctx, emitExpr, (m, at) => fail(m, at, 'unsupported'));
          if (name === 'INVERT_MATRIX') return emitInvertMatrix(e.args, ctx, emitExpr, (m, at) => fail(m, at, 'unsupported'));
          if (r.spec.family === 'array') return reduce(name, e.args[0]!, e.args[1] ? emit(e.args[1]) : undefined);
          if ((name === 'MIN' || name === 'MAX') && e.args.length === 1) {
            // One argument: the extreme of an array, when it names more than one element here.
            const a = e.args[0]!;
            const ar = a.kind === 'var' ? ctx.resolution.get(a) : undefined;
            if (a.kind === 'var' && ar?.kind === 'node' && ar.node.dims.length > 0) {
              const sel = a.subscripts?.length ? selectors(ar.node, a) : ar.node.dims.every((d) => currentIndexIn(d) !== undefined) ? [] : undefined;
              if (!sel || sel.some((s) => 'all' in s)) return reduce(name, a);
            }
          }
          if (!r.spec.emit) throw new Error('internal: builtin without code');
          return r.spec.emit(e.args.map(emit), builtinContext(ctx.dialect));
        }
        case 'lookup': {
          let gf = r.gf;
          if (r.array && r.array.gfs.some((x) => x !== r.array!.gfs[0])) {
            // Each element has its own table: pick it by the subscripts, or by the current place.
            const { dims, gfs } = r.array;
            const ref: VariableRef = r.array.ref ?? { kind: 'var', name: '', display: ctx.owner.name };
            const sel = selectors({ dims }, ref);
            if (!sel || sel.some((s) => 'all' in s)) return fail(`'${ref.display}' needs one table here: subscript it or call it inside its dimensions`, e);
            const strides = stridesOf(dims);
            const k = offsetSource(0, sel.map((s, j) => ({ index: (s as { index: string }).index, stride: strides[j]! })));
            if (!/^\d+$/.test(k)) return `h.lookupIn(g, ${ctx.layout.tableDirectory(gfs)}, ${k}, ${emit(r.x)}, ${lookupModeCode(r.mode)})`;
            gf = gfs[Number(k)]!;
          }
          const t = ctx.layout.tableOf(gf);
          return `h.${r.mode ? lookupModeHelper(r.mode) : lookupHelperName(t.type)}(g, ${t.offset}, ${t.count}, ${emit(r.x)})`;
        }
        case 'memory': {
          const m = r.call;
          const cell = m.kind === 'delay' ? m.initial : m.value;
          const at = (n: Node): string =>
            slotRef(n.dims.length === 0 ? String(ctx.layout.slotOf(n)) : offsetSource(ctx.layout.slotOf(n), ctx.index.map((index, k) => ({ index, stride: stridesOf(ctx.dims)[k]! }))));
          if (m.kind !== 'delay' || ctx.pass === 'initial') return at(cell);
          const id = m.input.dims.length === 0 ? String(m.delayId) : offsetSource(m.delayId, ctx.index.map((index, k) => ({ index, stride: stridesOf(ctx.dims)[k]! })));
          return `h.delayRead(${id}, ${slotRef(SLOT_TIME)}, ${emit(e.args[1]!)}, ${at(m.initial)})`;
        }
        case 'node':
          throw new Error('internal: call resolved to a node');
      }
      throw new Error('internal: unknown resolution');
    }
    case 'unary':
      if (e.op === '-') return `(-${emit(e.operand)})`;
      if (e.op === '+') return emit(e.operand);
      return `(${truth(emit(e.operand))} ? 0 : 1)`;
    case 'binary': {
      // Vensim compares dimensions that share element names by element (dim1 = dim3 holds
      // where both are at B, whatever the order), others by position (sec1 = secb1).
      if ((e.op === '=' || e.op === '<>') && ctx.dialect === 'vensim') {
        const dimOf = (x: Expr): number =>
          x.kind === 'var' && !x.subscripts && !ctx.resolution.has(x) ? ctx.dims.findIndex((d) => d.ident === x.name) : -1;
        const isElement = (x: Expr): boolean =>
          x.kind === 'var' && !x.subscripts && !ctx.resolution.has(x) && dimOf(x) < 0 && ctx.dims.some((d) => positionIn(d, x.name) >= 0);
        const [kl, kr] = [dimOf(e.left), dimOf(e.right)];
        const byName =
          (kl >= 0 && kr >= 0 && ctx.dims[kl]!.elements.some((n) => positionIn(ctx.dims[kr]!, n) >= 0)) ||
          (kl >= 0 && isElement(e.right)) ||
          (kr >= 0 && isElement(e.left));
        if (byName) {
          const side = (x: Expr, k: number): string =>
            k >= 0 ? `g[${ctx.layout.elementIds(ctx.dims[k]!)} + ${ctx.index[k]}]` : String(ctx.layout.elementId((x as VariableRef).name));
          return `(${side(e.left, kl)} ${e.op === '=' ? '===' : '!=='} ${side(e.right, kr)} ? 1 : 0)`;
        }
      }
      const a = emit(e.left);
      const b = emit(e.right);
      switch (e.op) {
        case '+':
        case '-':
        case '*':
        case '/':
          return `(${a} ${e.op} ${b})`;
        case '^':
          return `Math.pow(${a}, ${b})`;
        case 'mod':
          return ctx.dialect === 'vensim' ? `(${a} % ${b})` : `h.mod(${a}, ${b})`;
        case '<':
        case '<=':
        case '>':
        case '>=':
          return `(${a} ${e.op} ${b} ? 1 : 0)`;
        case '=':
          return `(${a} === ${b} ? 1 : 0)`;
        case '<>':
          return `(${a} !== ${b} ? 1 : 0)`;
        case 'and':
          return `(${truth(a)} && ${truth(b)} ? 1 : 0)`;
        case 'or':
          return `(${truth(a)} || ${truth(b)} ? 1 : 0)`;
      }
      throw new Error('internal: unknown operator');
    }
    case 'if':
      return `(${truth(emit(e.condition))} ? ${emit(e.then)} : ${emit(e.else)})`;
    case 'transpose': {
      // a' at [i, j] is a at [j, i]: the operand's dimensions read the current place backwards.
      const x = e.operand;
      const r = x.kind === 'var' && !x.subscripts ? ctx.resolution.get(x) : undefined;
      if (x.kind !== 'var' || r?.kind !== 'node') return fail('only a variable can be transposed', e, 'unsupported');
      const n = r.node.dims.length;
      const ok = n === ctx.dims.length && r.node.dims.every((d, k) => d.ident === ctx.dims[n - 1 - k]!.ident);
      if (!ok) return fail(`'${x.display}'' does not have the dimensions of '${ctx.owner.name}' reversed`, e);
      const strides = stridesOf(r.node.dims);
      return slotRef(offsetSource(ctx.layout.slotOf(r.node), r.node.dims.map((_, k) => ({ index: ctx.index[n - 1 - k]!, stride: strides[k]! }))));
    }
    case 'table':
      throw new Error('internal: unsupported expression reached code generation');
  }
}
