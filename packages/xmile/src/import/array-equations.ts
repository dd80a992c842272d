import type { ElementEquation, Equation, Variable } from '@sluice/ir';
import type { ImportContext } from './context.js';
import { readEquation, type ReadEquation } from './equation.js';
import { readActiveInitial } from './extensions.js';
import { readGraphicalFunction } from './graphical-function.js';
import { parseNumber } from './numbers.js';
import { trimMapped } from './source-text.js';
import type { VariableReader } from './variable.js';
import { attr, child, textOf, type XNode } from './xml-tree.js';

/** One `<element subscript="a, b">` of a non-apply-to-all array, with its own equation and/or gf. */
export function readElement(node: XNode, v: Variable, shared: ReadEquation | undefined, r: VariableReader): ElementEquation[] {
  const { ctx } = r;
  const subscript = attr(node, 'subscript');
  if (subscript === undefined || subscript.trim() === '') {
    ctx.error('missing-subscript', `an <element> of "${v.name}" has no subscript`, node, v.name);
    return [];
  }
  const subscripts = subscript.split(',').map((s) => s.trim());
  const eqnNode = child(node, 'eqn');
  let equation: Equation | undefined;
  if (eqnNode) {
    const read = readEquation(eqnNode, ctx, v.name);
    if (read.empty) ctx.error('empty-equation', `element [${subscripts.join(', ')}] of "${v.name}" has an empty equation`, eqnNode, v.name);
    equation = read.equation;
  } else if (shared?.equation && !shared.empty) {
    // Each element gets its own tree: a later stage may rewrite one element's without touching the others.
    equation = structuredClone(shared.equation);
  }
  const gfNode = child(node, 'gf');
  const gf = gfNode ? readGraphicalFunction(gfNode, ctx, v.name) : undefined;
  // An element that is only a lookup, called by name: no equation, as the IR keeps such elements.
  if (!equation && !eqnNode && gf) equation = { text: '', expr: null };
  if (!equation) {
    if (!eqnNode) ctx.error('missing-equation', `element [${subscripts.join(', ')}] of "${v.name}" has no <eqn>`, node, v.name);
    return [];
  }
  const out: ElementEquation = { subscripts, equation };
  if (gf) out.gf = gf;
  const initial = readActiveInitial(node, ctx, v.name);
  if (initial) out.initialEquation = initial;
  const netFlowNode = ctx.sluiceChildren(node, 'net_flow')[0];
  const netFlow = netFlowNode ? readEquation(netFlowNode, ctx, v.name).equation : undefined;
  if (netFlow) out.netFlow = netFlow;
  return [out];
}

/**
 * `1, 2, -3.5`: a list of at least two plain numbers, or undefined. Rows of a two-dimensional
 * list may end in `;` (as Vensim writes them and converters copy): `0.1, 0.2; 0.4, 0.5;`.
 */
export function constantList(text: string): number[] | undefined {
  const parts = text.replace(/;\s*$/, '').split(/[,;]/);
  if (parts.length < 2) return undefined;
  const values = parts.map((p) => parseNumber(p));
  return values.every((x): x is number => x !== undefined) ? values : undefined;
}

/**
 * Stella's `1, 2, 3` for an array: one constant per element in order. Kept as text with the
 * values in `extra.constantList`; the project reader expands it once the dimensions are known.
 */
export function readConstantList(eqnNode: XNode, v: Variable, ctx: ImportContext): boolean {
  const text = trimMapped(textOf(eqnNode, ctx.src));
  const list = constantList(text.value);
  if (!list) return false;
  v.equation = { text: text.value, expr: null, loc: ctx.src.loc(text.offsets[0] ?? eqnNode.contentStart) };
  v.extra = { ...v.extra, constantList: list };
  return true;
}

/**
 * Several `<eqn>` in one arrayed variable, without `<element>` wrappers: one equation per
 * element in order (as some converters write). Subscripts are filled in by the project reader
 * once the dimensions are known; on a scalar it is an error.
 */
export function readEquationPerElement(eqnNodes: XNode[], v: Variable, ctx: ImportContext): void {
  if (!v.dimensions || v.dimensions.length === 0) {
    ctx.error('duplicate-equation', `"${v.name}" has ${eqnNodes.length} <eqn> elements; a scalar has one`, eqnNodes[1] as XNode, v.name);
    return;
  }
  const elements: ElementEquation[] = [];
  for (const n of eqnNodes) {
    const read = readEquation(n, ctx, v.name);
    if (read.empty) ctx.error('empty-equation', `an <eqn> of "${v.name}" is empty`, n, v.name);
    else if (read.equation) elements.push({ subscripts: [], equation: read.equation });
  }
  v.elements = elements;
  v.extra = { ...v.extra, equationPerElement: true };
}
