import { error, type Diagnostic, type Flow, type IntegrationMethod, type Project } from '@sluice/ir';
import { dependenciesOf, type Dependencies } from '../graph/dependencies.js';
import type { Node } from '../graph/nodes.js';
import { orderNodes } from '../graph/order.js';
import type { ResolvedModel } from '../graph/resolve.js';
import type { CompiledModel, ConstantInput, OutputVariable, PassFunction, RatesFunction } from './compiled-model.js';
import { emitExpr, slotRef, type ExpressionContext } from './expression.js';
import { lookupHelperName } from './helpers.js';
import { layOut, type Layout } from './layout.js';
import { emitRates, flowsCutInPlace } from './stock-rates.js';

const STEP_ROLES = new Set(['aux', 'flow', 'previous-input', 'delay-input']);
const INITIAL_ROLES = new Set(['stock', 'aux', 'flow', 'init-value', 'previous-value', 'delay-initial']);

/** A literal number (`5`, `-2`) as an equation: such a variable is a constant a run may override. */
function literalValue(n: Node): number | undefined {
  const e = n.role === 'stock' ? n.initExpr : n.stepExpr;
  if (!e) return undefined;
  if (e.kind === 'number') return e.value;
  if (e.kind === 'unary' && e.operand.kind === 'number' && e.op !== 'not') return e.op === '-' ? -e.operand.value : e.operand.value;
  return undefined;
}

/** `v[slot] = expr`, through the variable's graphical function and uniflow clamp when it has them. */
function assignment(n: Node, expr: string, layout: Layout): string {
  let value = expr;
  if (n.gf && (n.role === 'aux' || n.role === 'flow')) {
    const t = layout.tableOf(n.variable);
    value = `h.${lookupHelperName(t.type)}(g, ${t.offset}, ${t.count}, ${value})`;
  }
  if (n.role === 'flow' && (n.variable as Flow).nonNegative) value = `Math.max(0, ${value})`;
  return `${slotRef(layout.slotOf(n))} = ${value};`;
}

function compileFunction<F>(params: string[], body: string): F {
  // The body is built only from slot numbers, printed numbers, operators and helper names.
  return new Function(...params, `'use strict';\n${body}`) as F;
}

/**
 * Order the nodes for both passes, lay out slots and generate the four functions of a compiled
 * model. Returns undefined (with diagnostics) when the model has a circular definition.
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

  const stepDeps = new Map<Node, Dependencies>();
  for (const n of stepNodes) stepDeps.set(n, dependenciesOf(n.stepExpr!, 'step', resolution));
  const initialDeps = new Map<Node, Dependencies>();
  for (const n of initialNodes) initialDeps.set(n, dependenciesOf(n.initExpr!, 'initial', resolution));

  const before = diags.length;
  const stepOrder = orderNodes(stepNodes, (n) => stepDeps.get(n)!.deps, diags);
  if (diags.length === before) orderNodes(initialNodes, (n) => initialDeps.get(n)!.deps, diags);
  if (diags.length > before) return undefined;
  const initialOrder = orderNodes(initialNodes, (n) => initialDeps.get(n)!.deps, []);

  const layout = layOut(nodes, resolved.tables.values());
  const stocks = layout.stocks;
  const cutInPlace = flowsCutInPlace(stocks);

  // Constants: literal equations, unless the value is rewritten during the run.
  const constants: ConstantInput[] = [];
  const constantNodes = new Set<Node>();
  for (const n of nodes) {
    if (n.role !== 'aux' && n.role !== 'flow' && n.role !== 'stock') continue;
    if (n.gf || cutInPlace.has(n.variable.ident)) continue;
    if (n.role === 'flow' && (n.variable as Flow).nonNegative) continue;
    const value = literalValue(n);
    if (value === undefined) continue;
    constantNodes.add(n);
    constants.push({ name: n.variable.name, ident: n.variable.ident, slot: layout.slotOf(n), value });
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

  const ctx = (pass: 'initial' | 'step'): ExpressionContext => ({ pass, dialect: project.dialect, resolution, layout });
  const initialCtx = ctx('initial');
  const stepCtx = ctx('step');
  const initialBody = initialOrder
    .filter((n) => !constantNodes.has(n))
    .map((n) => (n.role === 'stock' ? `${slotRef(layout.slotOf(n))} = ${emitExpr(n.initExpr!, initialCtx)};` : assignment(n, emitExpr(n.initExpr!, initialCtx), layout)))
    .join('\n');
  const stepBody = stepOrder
    .filter((n) => varying.has(n) && !constantNodes.has(n))
    .map((n) => assignment(n, emitExpr(n.stepExpr!, stepCtx), layout))
    .join('\n');
  const flowSlot = (ident: string): number => layout.slotOf(resolved.byIdent.get(ident)!);
  const ratesBody = emitRates(stocks, layout.stockBase, flowSlot, cutInPlace, stepCtx);
  const afterLines: string[] = [];
  for (const r of resolution.values()) {
    if (r.kind !== 'memory') continue;
    const m = r.call;
    if (m.kind === 'previous') afterLines.push(`${slotRef(layout.slotOf(m.value))} = ${slotRef(layout.slotOf(m.input))};`);
    if (m.kind === 'delay') afterLines.push(`h.delayWrite(${m.delayId}, ${slotRef(layout.slotOf(m.input))});`);
  }
  const afterBody = afterLines.join('\n');

  const outputs: OutputVariable[] = [];
  for (const n of nodes) {
    if (n.role !== 'aux' && n.role !== 'flow' && n.role !== 'stock') continue;
    if (n.variable.hidden) continue;
    outputs.push({ name: n.variable.name, ident: n.variable.ident, slot: layout.slotOf(n), kind: n.role, isConstant: constantNodes.has(n) });
  }

  try {
    return {
      dialect: project.dialect,
      simSpecs: { ...project.simSpecs },
      method,
      slotCount: layout.slotCount(),
      stockBase: layout.stockBase,
      stockCount: stocks.length,
      tables: layout.tables(),
      constants,
      outputs,
      delayCount: resolved.delayCount,
      initial: compileFunction<PassFunction>(['v', 'g', 'h'], initialBody),
      step: compileFunction<PassFunction>(['v', 'g', 'h'], stepBody),
      rates: compileFunction<RatesFunction>(['v', 'r', 'g', 'h'], ratesBody),
      afterStep: compileFunction<PassFunction>(['v', 'g', 'h'], afterBody),
      source: { initial: initialBody, step: stepBody, rates: ratesBody, afterStep: afterBody },
    };
  } catch (e) {
    diags.push(error('internal', `code generation failed: ${e instanceof Error ? e.message : String(e)}`));
    return undefined;
  }
}
