import type { CstNode, IToken } from 'chevrotain';
import type { ElementEquation, ModuleInstance, Stock, Variable } from '@sluice/ir';
import { canonicalName } from '@sluice/ir';
import { firstToken, onlyChild, nodeOf, nodesOf, readName, tokenOf, unquote, type NameRef } from './cst.js';
import { readFormula, report, type BuildContext } from './context.js';
import { buildGraph } from './build-graph.js';
import { finishConveyor, newConveyorDraft, readConveyorAttr } from './build-conveyor.js';
import { readDataMethod, readDataSource } from './build-data.js';
import { DEFAULT_DATA_METHOD, setDataMethod } from './data-variable.js';

/** A name a declaration refers to, checked once the whole model is read. */
export interface PendingRef {
  ref: NameRef;
  /** What the name must be: a flow of the model, any variable, or a model of the project. */
  want: 'flow' | 'variable' | 'model';
}

/** Keeps one value per attribute: a second `units` or `doc` line is a mistake, not an override. */
function once(ctx: BuildContext, seen: Set<string>, what: string, tok: IToken, variable: string): boolean {
  if (seen.has(what)) {
    report(ctx, 'duplicate-attribute', `${variable} already has ${what}`, tok, variable);
    return false;
  }
  seen.add(what);
  return true;
}

export function readDoc(node: CstNode): string | undefined {
  const tok = tokenOf(node, 'Quoted');
  return tok === undefined ? undefined : unquote(tok.image);
}

export function readUnits(tok: IToken, ctx: BuildContext, variable?: string): string | undefined {
  const text = tok.image.slice('units'.length).trim();
  if (text.length === 0) {
    report(ctx, 'syntax', "expected units after 'units'", tok, variable);
    return undefined;
  }
  return text;
}

function elementNameText(node: CstNode, ctx: BuildContext): string | undefined {
  const num = tokenOf(node, 'Number');
  if (num !== undefined) return num.image;
  return readName(nodeOf(node, 'name'), ctx.file)?.display;
}

export function readElementNames(nodes: CstNode[], ctx: BuildContext): string[] {
  return nodes.map((n) => elementNameText(n, ctx)).filter((s): s is string => s !== undefined);
}

function buildElement(node: CstNode, ctx: BuildContext, variable: string, isStock: boolean): ElementEquation | undefined {
  const formula = tokenOf(node, 'Formula');
  const subscripts = readElementNames(nodesOf(node, 'elementName'), ctx);
  if (formula === undefined || subscripts.length === 0) return undefined;
  const element: ElementEquation = { subscripts, equation: readFormula(formula, ctx, variable) };
  const seen = new Set<string>();
  for (const attr of nodesOf(node, 'elementAttr')) {
    const graph = nodeOf(attr, 'graphDecl');
    const init = nodeOf(attr, 'initAttr');
    const net = nodeOf(attr, 'netFlowAttr');
    const at = firstToken(attr);
    if (at === undefined) continue;
    if (graph && once(ctx, seen, 'a graph', at, variable)) {
      const gf = buildGraph(graph, ctx, variable);
      if (gf) element.gf = gf;
    }
    const initFormula = init && tokenOf(init, 'Formula');
    if (initFormula && once(ctx, seen, 'an init formula', at, variable)) element.initialEquation = readFormula(initFormula, ctx, variable);
    const netFormula = net && tokenOf(net, 'Formula');
    if (netFormula && once(ctx, seen, 'a net_flow formula', at, variable)) {
      if (!isStock) report(ctx, 'invalid-attribute', `only a stock has a net_flow; ${variable} is not a stock`, at, variable);
      else element.netFlow = readFormula(netFormula, ctx, variable);
    }
  }
  return element;
}

/** A `variableDecl` node as a stock, flow or auxiliary. */
export function buildVariable(node: CstNode, ctx: BuildContext, pending: PendingRef[]): Variable | undefined {
  const name = readName(nodeOf(node, 'name'), ctx.file);
  if (name === undefined) return undefined;
  if (name.ident === '') {
    ctx.diagnostics.push({ severity: 'error', code: 'invalid-name', message: 'a name cannot be empty', loc: name.loc });
    return undefined;
  }
  const kindTok = tokenOf(node, 'Kw_stock') ?? tokenOf(node, 'Kw_flow') ?? tokenOf(node, 'Kw_aux') ?? tokenOf(node, 'Kw_const') ?? tokenOf(node, 'Kw_data');
  const display = name.display;
  const base = { name: display, ident: name.ident, loc: name.loc };
  const v: Variable =
    kindTok?.image === 'stock'
      ? { ...base, kind: 'stock', inflows: [], outflows: [], nonNegative: false }
      : kindTok?.image === 'flow'
        ? { ...base, kind: 'flow', nonNegative: false }
        : { ...base, kind: 'aux' };
  const isData = kindTok?.image === 'data';
  if (isData) setDataMethod(v, DEFAULT_DATA_METHOD);

  const dims = nodeOf(node, 'dimensionList');
  if (dims) v.dimensions = nodesOf(dims, 'name').map((n) => readName(n, ctx.file)?.display).filter((s): s is string => s !== undefined);
  const formula = tokenOf(node, 'Formula');
  if (formula) v.equation = readFormula(formula, ctx, display);

  const seen = new Set<string>();
  const elements: ElementEquation[] = [];
  const conveyor = newConveyorDraft();
  for (const attr of nodesOf(node, 'variableAttr')) {
    const at = firstToken(attr);
    if (at === undefined) continue;
    const child = onlyChild(attr);
    const rule = child && 'name' in child && typeof child.name === 'string' ? child.name : undefined;
    switch (rule ?? at.tokenType.name) {
      case 'flowList': {
        const outflow = tokenOf(child as CstNode, 'Kw_outflow') !== undefined;
        const refs = nodesOf(child as CstNode, 'name').map((n) => readName(n, ctx.file)).filter((r): r is NameRef => r !== undefined);
        if (v.kind !== 'stock') {
          report(ctx, 'invalid-attribute', `only a stock has ${outflow ? 'outflows' : 'inflows'}; ${display} is not a stock`, at, display);
          break;
        }
        for (const r of refs) {
          (outflow ? v.outflows : v.inflows).push(r.ident);
          pending.push({ ref: r, want: 'flow' });
        }
        break;
      }
      case 'flagAttr':
        applyFlag(v, at, ctx, seen);
        break;
      case 'accessAttr': {
        const word = tokenOf(child as CstNode, 'Identifier');
        if (word === undefined || !once(ctx, seen, 'an access', at, display)) break;
        if (word.image === 'input' || word.image === 'output') v.access = word.image;
        else report(ctx, 'invalid-attribute', `expected 'input' or 'output' after 'access' but found '${word.image}'`, word, display);
        break;
      }
      case 'initAttr': {
        const f = tokenOf(child as CstNode, 'Formula');
        if (f && once(ctx, seen, 'an init formula', at, display)) v.initialEquation = readFormula(f, ctx, display);
        break;
      }
      case 'netFlowAttr': {
        const f = tokenOf(child as CstNode, 'Formula');
        if (f === undefined || !once(ctx, seen, 'a net_flow formula', at, display)) break;
        if (v.kind !== 'stock') report(ctx, 'invalid-attribute', `only a stock has a net_flow; ${display} is not a stock`, at, display);
        else v.netFlow = readFormula(f, ctx, display);
        break;
      }
      case 'conveyorAttr':
        readConveyorAttr(child as CstNode, ctx, v, conveyor);
        break;
      case 'graphDecl': {
        if (!once(ctx, seen, 'a graph', at, display)) break;
        const gf = buildGraph(child as CstNode, ctx, display);
        if (gf) v.gf = gf;
        break;
      }
      case 'elementDecl': {
        const e = buildElement(child as CstNode, ctx, display, v.kind === 'stock');
        if (e) elements.push(e);
        break;
      }
      case 'dataMethodAttr':
        if (once(ctx, seen, 'a method', at, display)) readDataMethod(child as CstNode, ctx, v, isData, at);
        break;
      case 'dataSourceAttr':
        readDataSource(child as CstNode, ctx, v, readElementNames(nodesOf(child as CstNode, 'elementName'), ctx));
        break;
      case 'Units': {
        if (!once(ctx, seen, 'units', at, display)) break;
        const units = readUnits(at, ctx, display);
        if (units !== undefined) v.units = units;
        break;
      }
      case 'docAttr': {
        const doc = readDoc(child as CstNode);
        if (doc !== undefined && once(ctx, seen, 'a doc', at, display)) v.doc = doc;
        break;
      }
    }
  }
  if (conveyor.conveyor || conveyor.parts.length > 0) finishConveyor(conveyor, v, ctx);
  if (elements.length > 0) {
    if (!v.dimensions || v.dimensions.length === 0) {
      report(ctx, 'invalid-attribute', `${display} has element equations but no dimensions: write ${display}[Dimension]`, kindTok ?? (firstToken(node) as IToken), display);
    } else if (v.equation) {
      report(ctx, 'invalid-attribute', `${display} has both a formula for all elements and element equations`, kindTok ?? (firstToken(node) as IToken), display);
    }
    v.elements = elements;
  }
  return v;
}

function applyFlag(v: Variable, tok: IToken, ctx: BuildContext, seen: Set<string>): void {
  const word = tok.image;
  if (!once(ctx, seen, `the flag ${word}`, tok, v.name)) return;
  if (word === 'hidden') {
    v.hidden = true;
  } else if (word === 'non_negative' && (v.kind === 'stock' || v.kind === 'flow')) {
    v.nonNegative = true;
  } else if (word === 'uniflow' && v.kind === 'flow') {
    v.nonNegative = true;
  } else if (word === 'queue' && v.kind === 'stock') {
    (v as Stock).queue = true;
  } else {
    report(ctx, 'invalid-attribute', `${word} does not apply to ${v.kind === 'aux' ? 'an aux' : `a ${v.kind}`}`, tok, v.name);
  }
}

function qualified(node: CstNode | undefined, ctx: BuildContext): string | undefined {
  if (node === undefined) return undefined;
  const parts = nodesOf(node, 'name').map((n) => readName(n, ctx.file));
  if (parts.length === 0 || parts.some((p) => p === undefined)) return undefined;
  return parts.map((p) => p!.ident).join('.');
}

/** A `moduleDecl` node as a module instance. */
export function buildModule(node: CstNode, ctx: BuildContext, pending: PendingRef[]): ModuleInstance | undefined {
  const [nameNode, modelNode] = nodesOf(node, 'name');
  const name = readName(nameNode, ctx.file);
  const model = readName(modelNode, ctx.file);
  if (name === undefined || model === undefined) return undefined;
  pending.push({ ref: model, want: 'model' });
  const m: ModuleInstance = { kind: 'module', name: name.display, ident: name.ident, loc: name.loc, model: model.ident, connections: [] };
  const seen = new Set<string>();
  for (const attr of nodesOf(node, 'moduleAttr')) {
    const at = firstToken(attr);
    if (at === undefined) continue;
    const connect = nodeOf(attr, 'connectAttr');
    const doc = nodeOf(attr, 'docAttr');
    if (connect) {
      const [to, from] = nodesOf(connect, 'qualifiedName').map((q) => qualified(q, ctx));
      if (to !== undefined && from !== undefined) m.connections.push({ from, to });
    } else if (doc) {
      const text = readDoc(doc);
      if (text !== undefined && once(ctx, seen, 'a doc', at, m.name)) m.doc = text;
    } else if (at.tokenType.name === 'Units' && once(ctx, seen, 'units', at, m.name)) {
      const units = readUnits(at, ctx, m.name);
      if (units !== undefined) m.units = units;
    }
  }
  return m;
}
