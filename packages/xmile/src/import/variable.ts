import { canonicalName, type Aux, type Flow, type Stock, type Variable } from '@sluice/ir';
import { readConstantList, readElement, readEquationPerElement } from './array-equations.js';
import type { Behavior } from './behavior.js';
import { nonNegativeFlag } from './behavior.js';
import type { ImportContext } from './context.js';
import { readConveyor } from './conveyor.js';
import { readEquation, type ReadEquation } from './equation.js';
import { readActiveInitial, readComments, readDataExtensions } from './extensions.js';
import { readGraphicalFunction } from './graphical-function.js';
import { readModule } from './module.js';
import { canonicalPath, nameAsWritten } from './names.js';
import { attr, child, childrenNamed, textOf, type XNode } from './xml-tree.js';

export const VARIABLE_KINDS = new Set(['stock', 'flow', 'aux', 'gf', 'module']);

/** Children every variable may have that the reader handles itself. */
const COMMON = new Set(['eqn', 'units', 'doc', 'dimensions', 'element', 'gf']);
const OWN: Record<string, Set<string>> = {
  stock: new Set(['inflow', 'outflow', 'non_negative', 'conveyor', 'queue']),
  flow: new Set(['non_negative', 'leak', 'leak_integers', 'leak_start', 'leak_end', 'overflow']),
  aux: new Set(),
  gf: new Set(['xscale', 'yscale', 'xpts', 'ypts']),
  module: new Set(['connect', 'connect2']),
};
/** Display-only children: they change nothing in a run and are kept raw for export. */
const DISPLAY = new Set(['display', 'range', 'scale', 'format', 'event_poster']);
const KNOWN_ATTRS = new Set(['name', 'access', 'model', 'type', 'discrete', 'resource']);

/** An equation that was empty: allowed only for a module port that every instance connects. */
export interface EmptyEquation {
  variable: Variable;
  node: XNode;
}

export interface VariableReader {
  ctx: ImportContext;
  behavior: Behavior;
  /** Collects blank equations for the check made once all modules are known. */
  empties: EmptyEquation[];
}

export function readVariable(node: XNode, r: VariableReader): Variable | undefined {
  const { ctx } = r;
  const rawName = attr(node, 'name');
  if (rawName === undefined || rawName.trim() === '') {
    ctx.error('missing-name', `<${node.name}> has no name`, node);
    return undefined;
  }
  const name = nameAsWritten(rawName);
  const base = { name, ident: canonicalName(name), loc: ctx.locOf(node) };
  let v: Variable;
  switch (node.local) {
    case 'stock':
      v = readStock(node, base, r);
      break;
    case 'flow': {
      const flow: Flow = { ...base, kind: 'flow', nonNegative: nonNegativeFlag(child(node, 'non_negative'), ctx.src) ?? r.behavior.flowNonNegative };
      v = flow;
      break;
    }
    case 'module':
      v = readModule(node, base, r);
      break;
    default: {
      const aux: Aux = { ...base, kind: 'aux' };
      v = aux;
    }
  }
  readCommon(node, v, r);
  checkChildren(node, v, r);
  return v;
}

function readStock(node: XNode, base: Pick<Stock, 'name' | 'ident' | 'loc'>, r: VariableReader): Stock {
  const { ctx } = r;
  const names = (local: string): string[] =>
    childrenNamed(node, local).map((n) => canonicalPath(textOf(n, ctx.src).value)).filter((s) => s !== '');
  const stock: Stock = {
    ...base,
    kind: 'stock',
    inflows: names('inflow'),
    outflows: names('outflow'),
    nonNegative: nonNegativeFlag(child(node, 'non_negative'), ctx.src) ?? r.behavior.stockNonNegative,
  };
  const conveyorNode = child(node, 'conveyor');
  if (conveyorNode) {
    const conveyor = readConveyor(conveyorNode, ctx, base.name);
    if (conveyor) stock.conveyor = conveyor;
    if (attr(conveyorNode, 'exponential_leak')?.trim().toLowerCase() === 'true') stock.extra = { ...stock.extra, exponentialLeak: true };
    // A conveyor holds material in transit: it cannot go negative whatever the file says.
    stock.nonNegative = true;
  }
  if (child(node, 'queue')) stock.queue = true;
  return stock;
}

/** Equations, graphical functions, arrays, units, docs, ports: shared by every kind. */
function readCommon(node: XNode, v: Variable, r: VariableReader): void {
  const { ctx } = r;
  const units = child(node, 'units');
  if (units) {
    const u = textOf(units, ctx.src).value.trim();
    if (u !== '') v.units = u;
  }
  const doc = child(node, 'doc');
  if (doc) readDoc(doc, v, ctx);
  const access = attr(node, 'access');
  if (access !== undefined) {
    const a = access.trim().toLowerCase();
    if (a === 'input' || a === 'output') v.access = a;
    else ctx.error('bad-access', `access must be "input" or "output", not "${access}"`, node, v.name);
  }
  const dims = child(node, 'dimensions');
  if (dims) {
    const names = childrenNamed(dims, 'dim').map((d) => attr(d, 'name')?.trim() ?? '');
    if (names.some((n) => n === '')) ctx.error('missing-name', `a <dim> of "${v.name}" has no name`, dims, v.name);
    v.dimensions = names.filter((n) => n !== '');
  }
  keepExtras(node, v, ctx);
  readComments(node, v, ctx);
  if (v.kind === 'flow' && ctx.sluicePrefix !== undefined && node.attrs[`${ctx.sluicePrefix}:net_flow`] === 'true') {
    v.extra = { ...v.extra, netFlowOfStock: true };
  }
  const initial = readActiveInitial(node, ctx, v.name);
  if (initial) v.initialEquation = initial;
  if (v.kind === 'module') return;
  readDataExtensions(node, v, ctx);

  const standalone = node.local === 'gf';
  const gfNode = standalone ? node : child(node, 'gf');
  if (gfNode) {
    const gf = readGraphicalFunction(gfNode, ctx, v.name);
    if (gf) v.gf = gf;
    if (standalone) v.extra = { ...v.extra, standaloneGf: true };
  }
  const eqnNodes = childrenNamed(node, 'eqn');
  if (eqnNodes.length > 1) {
    readEquationPerElement(eqnNodes, v, ctx);
    return;
  }
  const eqnNode = eqnNodes[0];
  if (eqnNode && v.dimensions && v.dimensions.length > 0 && readConstantList(eqnNode, v, ctx)) return;
  const shared: ReadEquation | undefined = eqnNode ? readEquation(eqnNode, ctx, v.name) : undefined;
  const elementNodes = childrenNamed(node, 'element');
  if (elementNodes.length > 0) {
    if (!v.dimensions || v.dimensions.length === 0) {
      ctx.error('element-without-dimensions', `"${v.name}" has <element> equations but no <dimensions>`, elementNodes[0] as XNode, v.name);
    }
    v.elements = elementNodes.flatMap((e) => readElement(e, v, shared, r));
    if (shared?.equation) v.extra = { ...v.extra, sharedElementEquation: true };
    return;
  }
  if (shared?.equation && !shared.empty) {
    v.equation = shared.equation;
    return;
  }
  // A data variable has no equation: a data file gives its values at run time.
  if (!eqnNode && !gfNode && v.extra?.['data'] !== undefined) return;
  if (shared?.empty || (!eqnNode && !gfNode)) {
    // A blank equation may be a module port filled by a connection: decided once modules are known.
    if (shared?.equation) v.equation = shared.equation;
    if (eqnNode || !gfNode) r.empties.push({ variable: v, node: eqnNode ?? node });
  }
}

/** A `<doc>` is text, or HTML markup kept as written. */
function readDoc(doc: XNode, v: Variable, ctx: ImportContext): void {
  if (doc.children.length > 0) {
    v.doc = ctx.src.text.slice(doc.contentStart, doc.contentEnd);
    v.extra = { ...v.extra, docIsMarkup: true };
    return;
  }
  const text = textOf(doc, ctx.src).value;
  if (text.trim() !== '') v.doc = text;
}

/** Display children and attributes the IR does not model, kept verbatim for export. */
function keepExtras(node: XNode, v: Variable, ctx: ImportContext): void {
  const text = ctx.src.text;
  // Sluice's own extensions are read into the IR, and written again from it.
  const raw = node.children.filter((c) => !ctx.isSluice(c) && (DISPLAY.has(c.local) || c.prefix !== undefined)).map((c) => text.slice(c.start, c.end));
  const own = ctx.sluicePrefix === undefined ? undefined : `${ctx.sluicePrefix}:`;
  const attrs = Object.fromEntries(Object.entries(node.attrs).filter(([k]) => !KNOWN_ATTRS.has(k) && !(own && k.startsWith(own))));
  if (raw.length > 0) v.extra = { ...v.extra, raw };
  if (Object.keys(attrs).length > 0) v.extra = { ...v.extra, attrs };
}

function checkChildren(node: XNode, v: Variable, r: VariableReader): void {
  const own = OWN[node.local] ?? new Set<string>();
  for (const c of node.children) {
    if (c.prefix !== undefined || DISPLAY.has(c.local) || own.has(c.local)) continue;
    if (COMMON.has(c.local) && !(node.local === 'gf' && c.local === 'gf')) continue;
    r.ctx.warn(
      'unknown-element',
      `<${c.name}> in ${node.local} "${v.name}" is not understood and was ignored; results may differ from the tool that wrote the file`,
      c,
      v.name,
    );
  }
  if (node.local === 'flow' && (child(node, 'leak') || child(node, 'leak_integers'))) {
    v.extra = { ...v.extra, leak: true, ...(child(node, 'leak_integers') ? { leakIntegers: true } : {}) };
  }
  if (node.local === 'flow' && child(node, 'overflow')) v.extra = { ...v.extra, overflow: true };
}

