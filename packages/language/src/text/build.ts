import type { CstNode, IToken } from 'chevrotain';
import { error, warning, type Comments, type Macro, type Model, type Project, type Variable } from '@sluice/ir';
import { childrenInOrder, firstToken, onlyChild, nodeOf, nodesOf, readName, tokenLoc, tokenOf, unquote, type NameRef } from './cst.js';
import { readFormula, report, type BuildContext } from './context.js';
import { buildModule, buildVariable, readDoc, type PendingRef } from './build-variable.js';
import { describeFound } from './messages.js';
import { buildSim, completeSim, type SimExtras } from './build-sim.js';
import { buildDimension } from './build-dimension.js';
import { buildUnit } from './build-unit.js';
import { checkDataDialect } from './build-data.js';

/** Turns the concrete syntax tree of a whole file into the IR project. */

function isNode(e: unknown): e is CstNode {
  return typeof e === 'object' && e !== null && 'children' in e;
}

/** Statements of a file, model or macro body, in order, reporting the first stray token of each run. */
function statements(body: CstNode, ctx: BuildContext): CstNode[] {
  const topLevel = body.name === 'file';
  const out: CstNode[] = [];
  let inStrayRun = false;
  for (const child of childrenInOrder(body)) {
    if (!isNode(child)) {
      // In the file's own loop, `end` has nothing to close; in a model it is the model's end.
      if (!topLevel) continue;
      if (!inStrayRun) report(ctx, 'syntax', "unexpected 'end': there is no model or macro to end here", child);
      inStrayRun = true;
      continue;
    }
    if (child.name === 'stray') {
      const tok = firstToken(child);
      if (!inStrayRun && tok) {
        const found = describeFound(tok);
        report(ctx, 'syntax', `unexpected ${found}: expected an attribute of the declaration above or a new declaration (stock, flow, aux, const, ...)`, tok);
      }
      inStrayRun = true;
    } else if (child.name === 'statement' || child.name === 'modelStatement') {
      inStrayRun = false;
      const only = child.name === 'statement' ? onlyChild(child) : child;
      const inner = only !== undefined && isNode(only) ? only : undefined;
      if (inner) out.push(inner);
    }
  }
  return out;
}

/** Gives an IR object the comments written at its declaration. */
function attachComments(target: { comments?: Comments }, node: CstNode, ctx: BuildContext): void {
  const comments = ctx.comments?.at(node);
  if (comments) target.comments = comments;
}

function modelStatementInner(node: CstNode): CstNode | undefined {
  if (node.name !== 'modelStatement') return node;
  const only = onlyChild(node);
  return only !== undefined && isNode(only) ? only : undefined;
}

/** Variables, modules, loops and groups of one model (or macro) body. */
function buildModelBody(nodes: CstNode[], model: Model, ctx: BuildContext, modelRefs: NameRef[]): void {
  const pending: PendingRef[] = [];
  const declared = new Map<string, Variable>();
  for (const n of nodes) {
    const inner = modelStatementInner(n);
    if (inner === undefined) continue;
    if (inner.name === 'variableDecl' || inner.name === 'moduleDecl') {
      const v = inner.name === 'variableDecl' ? buildVariable(inner, ctx, pending) : buildModule(inner, ctx, pending);
      if (v === undefined) continue;
      if (declared.has(v.ident)) {
        const first = declared.get(v.ident)!;
        const line = first.loc ? ` (first declared on line ${first.loc.line})` : '';
        ctx.diagnostics.push(error('duplicate-variable', `${v.name} is declared twice${line}`, v.loc, v.name));
        continue;
      }
      declared.set(v.ident, v);
      attachComments(v, inner, ctx);
      model.variables.push(v);
    } else if (inner.name === 'loopDecl' || inner.name === 'groupDecl') {
      const [nameNode, ...memberNodes] = nodesOf(inner, 'name');
      const name = readName(nameNode, ctx.file);
      if (name === undefined) continue;
      const members = memberNodes.map((m) => readName(m, ctx.file)).filter((r): r is NameRef => r !== undefined);
      for (const ref of members) pending.push({ ref, want: 'variable' });
      const variables = members.map((m) => m.ident);
      if (inner.name === 'loopDecl') {
        const docTok = tokenOf(inner, 'Quoted');
        const loop: NonNullable<Model['loops']>[number] = { name: name.display, variables };
        if (docTok) loop.doc = unquote(docTok.image);
        attachComments(loop, inner, ctx);
        (model.loops ??= []).push(loop);
      } else {
        const group: NonNullable<Model['groups']>[number] = { name: name.display, variables };
        attachComments(group, inner, ctx);
        (model.groups ??= []).push(group);
      }
    } else {
      const tok = firstToken(inner);
      if (tok) report(ctx, 'misplaced', `'${tok.image}' belongs at the top of the file, not inside a model or macro`, tok);
    }
  }
  for (const { ref, want } of pending) {
    if (want === 'model') {
      modelRefs.push(ref);
      continue;
    }
    const v = declared.get(ref.ident);
    if (v === undefined) {
      ctx.diagnostics.push(error('unknown-variable', `${ref.display} is not declared in this model`, ref.loc, ref.display));
    } else if (want === 'flow' && v.kind !== 'flow') {
      ctx.diagnostics.push(error('not-a-flow', `${ref.display} is ${v.kind === 'aux' ? 'an aux' : `a ${v.kind}`}, not a flow`, ref.loc, ref.display));
    }
  }
}

function buildSubModel(node: CstNode, ctx: BuildContext, modelRefs: NameRef[]): Model | undefined {
  const name = readName(nodeOf(node, 'name'), ctx.file);
  if (name === undefined) return undefined;
  const model: Model = { name: name.display, ident: name.ident, variables: [], loc: name.loc };
  const doc = nodeOf(node, 'docAttr');
  if (doc) {
    const text = readDoc(doc);
    if (text !== undefined) model.doc = text;
  }
  attachComments(model, node, ctx);
  buildModelBody(statements(node, ctx), model, ctx, modelRefs);
  return model;
}

function buildMacro(node: CstNode, ctx: BuildContext, modelRefs: NameRef[]): Macro | undefined {
  const [nameNode, ...paramNodes] = nodesOf(node, 'name');
  const name = readName(nameNode, ctx.file);
  if (name === undefined) return undefined;
  const parameters = paramNodes.map((n) => readName(n, ctx.file)?.ident).filter((s): s is string => s !== undefined);
  const holder: Model = { variables: [] };
  const macro: Macro = { name: name.display, ident: name.ident, parameters, variables: holder.variables, loc: name.loc };
  const formula = tokenOf(node, 'Formula');
  if (formula) macro.equation = readFormula(formula, ctx, name.display);
  for (const attr of nodesOf(node, 'macroAttr')) {
    const doc = nodeOf(attr, 'docAttr');
    const outputs = nodeOf(attr, 'outputsAttr');
    const sim = nodeOf(attr, 'simDecl');
    if (doc) {
      const text = readDoc(doc);
      if (text !== undefined) macro.doc = text;
    } else if (outputs) {
      macro.outputs = nodesOf(outputs, 'name').map((n) => readName(n, ctx.file)?.ident).filter((s): s is string => s !== undefined);
    } else if (sim) {
      const dialect: SimExtras = {};
      macro.simSpecs = buildSim(sim, ctx, dialect);
      const at = firstToken(sim);
      if (dialect.value && at) report(ctx, 'misplaced', "a macro follows the project's dialect: write 'dialect' on the project's sim line", at);
    }
  }
  attachComments(macro, node, ctx);
  buildModelBody(statements(node, ctx), holder, ctx, modelRefs);
  return macro;
}

/** The project a parsed file describes. Diagnostics go to `ctx`; the project is built as far as the file allows. */
export function buildProject(fileNode: CstNode, ctx: BuildContext): Project {
  const main: Model = { variables: [] };
  const project: Project = {
    dialect: 'xmile',
    source: ctx.file === undefined ? { format: 'sluice' } : { file: ctx.file, format: 'sluice' },
    simSpecs: { start: 0, stop: 0, dt: 1, method: 'euler' },
    units: [],
    dimensions: [],
    models: [main],
    macros: [],
  };
  const mainBody: CstNode[] = [];
  const modelRefs: NameRef[] = [];
  let simSeen: IToken | undefined;
  let titleSeen = false;
  for (const node of statements(fileNode, ctx)) {
    const first = firstToken(node);
    switch (node.name) {
      case 'titleDecl': {
        const name = readName(nodeOf(node, 'name'), ctx.file);
        if (titleSeen && first) report(ctx, 'duplicate-attribute', 'the file already has a title', first);
        titleSeen = true;
        // `title ""` is how the printer writes a model that has a doc but no name.
        if (name && name.display !== '') project.name = name.display;
        const doc = nodeOf(node, 'docAttr');
        const text = doc && readDoc(doc);
        if (text !== undefined) main.doc = text;
        attachComments(main, node, ctx);
        break;
      }
      case 'simDecl':
        if (simSeen && first) {
          report(ctx, 'duplicate-attribute', `the file already has a sim line (line ${simSeen.startLine})`, first);
          break;
        }
        if (first) {
          simSeen = first;
          const dialect: SimExtras = {};
          const spec = buildSim(node, ctx, dialect);
          project.simSpecs = completeSim(spec, first, ctx, dialect);
          attachComments(project.simSpecs, node, ctx);
          if (dialect.value) project.dialect = dialect.value;
        }
        break;
      case 'dimensionDecl': {
        const dim = buildDimension(node, ctx);
        if (dim === undefined) break;
        attachComments(dim, node, ctx);
        if (project.dimensions.some((d) => d.ident === dim.ident)) ctx.diagnostics.push(error('duplicate-dimension', `dimension ${dim.name} is declared twice`, dim.loc));
        else project.dimensions.push(dim);
        break;
      }
      case 'unitDecl': {
        // An indented `unit people` under a variable is almost always a misspelt `units people`.
        if (first && (first.startColumn ?? 1) > 1) {
          ctx.diagnostics.push(warning('unit-declaration', "'unit' declares a unit of measure; to give a variable its units, write 'units'", tokenLoc(first, ctx.file)));
        }
        const unit = buildUnit(node, ctx);
        if (unit) {
          attachComments(unit, node, ctx);
          project.units.push(unit);
        }
        break;
      }
      case 'modelDecl': {
        const model = buildSubModel(node, ctx, modelRefs);
        if (model === undefined) break;
        if (project.models.some((m) => m.ident === model.ident)) ctx.diagnostics.push(error('duplicate-model', `model ${model.name} is declared twice`, model.loc));
        else project.models.push(model);
        break;
      }
      case 'macroDecl': {
        const macro = buildMacro(node, ctx, modelRefs);
        if (macro) project.macros.push(macro);
        break;
      }
      default:
        mainBody.push(node);
    }
  }
  buildModelBody(mainBody, main, ctx, modelRefs);
  const fileEnd = ctx.comments?.at(fileNode)?.end;
  if (fileEnd) main.comments = { ...main.comments, end: fileEnd };
  if (simSeen === undefined) {
    ctx.diagnostics.push(error('missing-sim-specs', "the file needs a sim line, e.g. 'sim start 0 stop 100 dt 1'", tokenLocAtStart(ctx)));
  }
  checkDataDialect(project, ctx);
  for (const ref of modelRefs) {
    if (!project.models.some((m, i) => i > 0 && m.ident === ref.ident)) {
      ctx.diagnostics.push(error('unknown-model', `there is no model ${ref.display} in this file`, ref.loc, ref.display));
    }
  }
  return project;
}

function tokenLocAtStart(ctx: BuildContext): { file?: string; line: number; column: number } {
  return ctx.file === undefined ? { line: 1, column: 1 } : { file: ctx.file, line: 1, column: 1 };
}
