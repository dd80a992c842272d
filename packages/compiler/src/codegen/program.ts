import { error, foldConstant, type Diagnostic, type Expr, type Flow, type IntegrationMethod, type Project } from '@sluice/ir';
import { dependenciesOf } from '../graph/dependencies.js';
import { elementName, sizeOf, stridesOf, type DimInfo } from '../graph/dimensions.js';
import type { Node, NodeEquation } from '../graph/nodes.js';
import { orderNodes } from '../graph/order.js';
import type { ResolvedModel } from '../graph/resolve.js';
import type { CompiledModel, ConstantInput, OutputVariable, PassFunction, RatesFunction } from './compiled-model.js';
import { emitExpr, slotRef, type ExpressionContext } from './expression.js';
import { lookupHelperName } from './helpers.js';
import { layOut, type Layout } from './layout.js';
import { groupStatements } from './element-groups.js';
import { emitEquation } from './loops.js';
import { emitRates, flowsCutInPlace } from './stock-rates.js';

/** At most this many slots in the state array (400 MB of Float64). */
const MAX_SLOTS = 50_000_000;

const STEP_ROLES = new Set(['aux', 'flow', 'previous-input', 'delay-input']);
const INITIAL_ROLES = new Set(['stock', 'aux', 'flow', 'init-value', 'previous-value', 'delay-initial']);

/** An equation of numbers and arithmetic only, folded at compile time: a constant a run may override. */
const foldConstantOf = (e: Expr | undefined): number | undefined => (e ? foldConstant(e) : undefined);

/** Row-major offset of an element's own equation. */
function offsetOfFixed(node: Node, fixed: number[]): number {
  const strides = stridesOf(node.dims);
  return fixed.reduce((o, i, k) => o + i * strides[k]!, 0);
}

/**
 * Which equation of a node writes each offset last (later equations win): a loop equation
 * writes every offset, an element's own one its offset. Kept as the last loop and a map of
 * element equations, not a map of every offset: arrays of 100,000 elements made that slow.
 */
function lastWriters(node: Node): (offset: number) => NodeEquation | undefined {
  let loop = -1;
  const fixed = new Map<number, number>();
  node.equations.forEach((eq, k) => {
    if (node.dims.length === 0 || !eq.fixed) loop = k;
    else fixed.set(offsetOfFixed(node, eq.fixed), k);
  });
  return (offset) => node.equations[Math.max(loop, fixed.get(offset) ?? -1)];
}

/** Row-major offsets an equation writes: one for an element's own equation, all for a loop. */
function offsetsOf(node: Node, eq: NodeEquation): number[] {
  if (node.dims.length === 0) return [0];
  if (eq.fixed) return [offsetOfFixed(node, eq.fixed)];
  return Array.from({ length: node.size }, (_, i) => i);
}

function compileFunction<F>(params: string[], body: string): F {
  // The body is built only from slot numbers, printed numbers, operators and helper names.
  return new Function(...params, `'use strict';\n${body}`) as F;
}

/**
 * A pass longer than this many lines is cut into functions of about this size: V8 does not
 * optimise a function of thousands of statements (it stays interpreted, tens of times slower),
 * but optimises each piece early.
 */
const PIECE_LINES = 200;

/**
 * A pass: its body, or, when long, a factory body that defines the pieces as functions and
 * returns the pass calling them in order (`split`).
 */
interface PassBody {
  source: string;
  split: boolean;
}

function splitBody(parts: string[]): PassBody {
  const pieces: string[] = [];
  let current: string[] = [];
  let count = 0;
  for (const p of parts) {
    const n = p.split('\n').length;
    if (count > 0 && count + n > PIECE_LINES) {
      pieces.push(current.join('\n'));
      current = [];
      count = 0;
    }
    current.push(p);
    count += n;
  }
  if (current.length) pieces.push(current.join('\n'));
  if (pieces.length <= 1) return { source: pieces[0] ?? '', split: false };
  const defined = pieces.map((body, i) => `function p${i}(v, g, h) {\n${body}\n}`).join('\n');
  const calls = pieces.map((_, i) => `p${i}(v, g, h);`).join(' ');
  return { source: `${defined}\nreturn function pass(v, g, h) { ${calls} };`, split: true };
}

/** One pass as a function `(v, g, h)`; the pieces of a long one are made once, so a call allocates nothing. */
function compilePass(body: PassBody): PassFunction {
  if (!body.split) return compileFunction<PassFunction>(['v', 'g', 'h'], body.source);
  return compileFunction<() => PassFunction>([], body.source)();
}

/**
 * Order the nodes for both passes, lay out slots and generate the four functions of a compiled
 * model. Returns undefined (with diagnostics) when the model has a circular definition or a
 * reference that does not fit its place.
 */
export function generateProgram(
  project: Project,
  resolved: ResolvedModel,
  method: IntegrationMethod,
  diags: Diagnostic[],
): CompiledModel | undefined {
  const { nodes, resolution } = resolved;
  const stepNodes = nodes.filter((n) => STEP_ROLES.has(n.role));
  const initialNodes = nodes.filter((n) => INITIAL_ROLES.has(n.role));

  const union = (n: Node, pass: 'step' | 'initial'): { deps: Set<Node>; timeVarying: boolean } => {
    const out = { deps: new Set<Node>(), timeVarying: false };
    for (const eq of n.equations) {
      const e = pass === 'step' ? eq.stepExpr : eq.initExpr;
      if (!e) continue;
      const d = dependenciesOf(e, pass, resolution);
      for (const x of d.deps) if (x !== n || !eq.fixed) out.deps.add(x);
      out.timeVarying ||= d.timeVarying;
    }
    return out;
  };
  const stepDeps = new Map(stepNodes.map((n) => [n, union(n, 'step')]));
  const initialDeps = new Map(initialNodes.map((n) => [n, union(n, 'initial')]));

  const before = diags.length;
  const stepOrder = orderNodes(stepNodes, (n) => stepDeps.get(n)!.deps, diags);
  if (diags.length === before) orderNodes(initialNodes, (n) => initialDeps.get(n)!.deps, diags);
  if (diags.length > before) return undefined;
  const initialOrder = orderNodes(initialNodes, (n) => initialDeps.get(n)!.deps, []);

  const total = nodes.reduce((n, x) => n + x.size, 0);
  if (total > MAX_SLOTS) {
    diags.push(error('too-large', `the model needs ${total} values per step (at most ${MAX_SLOTS})`));
    return undefined;
  }
  const layout: Layout = layOut(nodes, resolved.dimensions);
  const temps = { next: 0 };
  const stocks = layout.stocks;
  const cutInPlace = flowsCutInPlace(stocks);

  // Constants: literal equations, unless the value is rewritten during the run.
  const constants: ConstantInput[] = [];
  const constantEquations = new Set<NodeEquation>();
  const constantNodes = new Set<Node>();
  for (const n of nodes) {
    if (n.role !== 'aux' && n.role !== 'flow' && n.role !== 'stock') continue;
    if (cutInPlace.has(n.variable.ident)) continue;
    if (n.role === 'flow' && (n.variable as Flow).nonNegative) continue;
    // A delay's order was read when compiling: overriding it in a run would silently change nothing.
    if (n.variable.fixedAtCompile) continue;
    const writer = lastWriters(n);
    for (const eq of n.equations) {
      const value = foldConstantOf(n.role === 'stock' ? eq.initExpr : eq.stepExpr);
      if (value === undefined || eq.gf || (n.role !== 'stock' && eq.initExpr !== eq.stepExpr)) continue;
      constantEquations.add(eq);
      for (const o of offsetsOf(n, eq)) {
        if (writer(o) !== eq) continue;
        constants.push({ name: elementName(n.variable.name, n.dims, o), ident: elementName(n.variable.ident, n.dims, o), slot: layout.slotOf(n) + o, value });
      }
    }
    if (n.equations.every((eq) => constantEquations.has(eq))) constantNodes.add(n);
  }

  // Nodes whose value cannot change during a run are computed once, in the initial pass.
  const varying = new Set<Node>();
  for (const n of stepOrder) {
    const d = stepDeps.get(n)!;
    const memoryInput = n.role === 'previous-input' || n.role === 'delay-input';
    // A flow a non-negative stock cuts in place must be recomputed before it is cut again.
    const rewritten = n.role === 'flow' && cutInPlace.has(n.variable.ident);
    if (memoryInput || rewritten || d.timeVarying || [...d.deps].some((x) => varying.has(x))) varying.add(n);
  }

  const contextFor = (pass: 'initial' | 'step', owner: Node['variable'], dims: DimInfo[], index: string[]): ExpressionContext => ({
    pass,
    dialect: project.dialect,
    resolution,
    layout,
    dims,
    index,
    owner,
    diags,
    pre: [],
    temps,
  });

  /** One self-contained piece of code per equation (its temporaries stay inside it). */
  const emitNode = (n: Node, pass: 'initial' | 'step'): string[] => {
    const base = layout.slotOf(n);
    const parts: string[] = [];
    for (const eq of n.equations) {
      const expr = pass === 'step' ? eq.stepExpr : eq.initExpr;
      if (!expr || constantEquations.has(eq)) continue;
      parts.push(
        emitEquation(n, eq, base, (index, target) => {
          const c = contextFor(pass, n.variable, eq.dims, index);
          let value = emitExpr(expr, c);
          if (eq.gf && (n.role === 'aux' || n.role === 'flow')) {
            const t = layout.tableOf(eq.gf);
            value = `h.${lookupHelperName(t.type)}(g, ${t.offset}, ${t.count}, ${value})`;
          }
          if (n.role === 'flow' && (n.variable as Flow).nonNegative) value = `Math.max(0, ${value})`;
          return [...c.pre, `${slotRef(target)} = ${value};`].join('\n');
        }),
      );
    }
    return groupStatements(parts.filter(Boolean), (values) => layout.numbers(values));
  };

  const initialBody = splitBody(initialOrder.flatMap((n) => emitNode(n, 'initial')));
  const stepBody = splitBody(stepOrder.filter((n) => varying.has(n) && !constantNodes.has(n)).flatMap((n) => emitNode(n, 'step')));
  const ratesBody = emitRates(stocks, layout.stockBase, (ident) => resolved.byIdent.get(ident)!, cutInPlace, (index, dims) =>
    contextFor('step', stocks[0]!.variable, dims, index),
  );
  const afterLines: string[] = [];
  for (const r of resolution.values()) {
    if (r.kind !== 'memory') continue;
    const m = r.call;
    if (m.kind === 'previous') {
      const [from, to, size] = [layout.slotOf(m.input), layout.slotOf(m.value), m.input.size];
      afterLines.push(size === 1 ? `${slotRef(to)} = ${slotRef(from)};` : `for (let e = 0; e < ${size}; e++) v[${to} + e] = v[${from} + e];`);
    }
    if (m.kind === 'delay') {
      const [from, size] = [layout.slotOf(m.input), m.input.size];
      afterLines.push(size === 1 ? `h.delayWrite(${m.delayId}, ${slotRef(from)});` : `for (let e = 0; e < ${size}; e++) h.delayWrite(${m.delayId} + e, v[${from} + e]);`);
    }
  }
  const afterBody = afterLines.join('\n');
  if (diags.length > before) return undefined;

  const outputs: OutputVariable[] = [];
  const constantSlots = new Set(constants.map((c) => c.slot));
  for (const n of nodes) {
    if (n.role !== 'aux' && n.role !== 'flow' && n.role !== 'stock') continue;
    if (n.variable.hidden) continue;
    for (let o = 0; o < sizeOf(n.dims); o++) {
      const slot = layout.slotOf(n) + o;
      outputs.push({
        name: elementName(n.variable.name, n.dims, o),
        ident: elementName(n.variable.ident, n.dims, o),
        slot,
        kind: n.role,
        isConstant: constantSlots.has(slot),
      });
    }
  }

  try {
    const step = compilePass(stepBody);
    const rates = compileFunction<RatesFunction>(['v', 'r', 'g', 'h'], ratesBody);
    return {
      dialect: project.dialect,
      simSpecs: { ...project.simSpecs },
      method,
      slotCount: layout.slotCount(),
      stockBase: layout.stockBase,
      stockCount: stocks.reduce((s, n) => s + n.size, 0),
      tables: layout.tables(),
      constants,
      fixedConstants: nodes.filter((n) => n.variable.fixedAtCompile).map((n) => n.variable.ident),
      outputs,
      delayCount: resolved.delayCount,
      initial: compilePass(initialBody),
      step,
      rates,
      evaluate: stepBody.split ? (v, r, g, h) => (step(v, g, h), rates(v, r, g, h)) : compileFunction<RatesFunction>(['v', 'r', 'g', 'h'], `{\n${stepBody.source}\n}\n{\n${ratesBody}\n}`),
      afterStep: compileFunction<PassFunction>(['v', 'g', 'h'], afterBody),
      keepsHistory: afterLines.length > 0,
      source: { initial: initialBody.source, step: stepBody.source, rates: ratesBody, afterStep: afterBody },
    };
  } catch (e) {
    diags.push(error('internal', `code generation failed: ${e instanceof Error ? e.message : String(e)}`));
    return undefined;
  }
}
