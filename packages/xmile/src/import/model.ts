import { canonicalName, type Comments, type Model, type Variable } from '@sluice/ir';
import { readBehavior, type Behavior } from './behavior.js';
import type { ImportContext } from './context.js';
import { readComments, readLoops } from './extensions.js';
import { nameAsWritten } from './names.js';
import { readVariable, VARIABLE_KINDS, type EmptyEquation } from './variable.js';
import { attr, child, childrenNamed, outerXml, textOf, type XNode } from './xml-tree.js';

export interface ReadModel {
  model: Model;
  /** Blank equations, checked against module connections once every model is read. */
  empties: EmptyEquation[];
  /** A model's own `<sim_specs>`, used when the file has none at the top. */
  simSpecs?: XNode;
}

/** Elements a `<model>` may hold besides its variables. */
const MODEL_CHILDREN = new Set(['variables', 'views', 'behavior', 'doc', 'sim_specs', 'display', 'interface']);

/**
 * A `<model>`: its `<variables>` (or, in legacy files, variables written directly inside the
 * model), `<views>` kept raw for export, and its own `<behavior>` defaults.
 */
export function readModel(node: XNode, ctx: ImportContext, fileBehavior: Behavior): ReadModel {
  const behaviorNode = child(node, 'behavior');
  const behavior = behaviorNode ? readBehavior(behaviorNode, ctx.src, fileBehavior) : fileBehavior;
  const model: Model = { variables: [], loc: ctx.locOf(node) };
  const rawName = attr(node, 'name');
  if (rawName !== undefined && rawName.trim() !== '') {
    model.name = nameAsWritten(rawName);
    model.ident = canonicalName(model.name);
  }
  const empties: EmptyEquation[] = [];
  const reader = { ctx, behavior, empties };
  const variablesNode = child(node, 'variables');
  const legacy = !variablesNode;
  const items = variablesNode ? variablesNode.children : node.children.filter((c) => VARIABLE_KINDS.has(c.local) && c.prefix === undefined);
  const seen = new Map<string, Variable>();
  const groups: { name: string; variables: string[] }[] = [];
  for (const item of items) {
    if (item.prefix !== undefined) continue; // isee:dependencies and the like: a cache Stella rebuilds
    if (item.local === 'group') {
      groups.push(readGroup(item, ctx));
      continue;
    }
    if (!VARIABLE_KINDS.has(item.local)) {
      ctx.error('unknown-variable-kind', `<${item.name}> is not a kind of variable (expected stock, flow, aux, gf or module)`, item);
      continue;
    }
    const v = readVariable(item, reader);
    if (!v) continue;
    const earlier = seen.get(v.ident);
    if (earlier) {
      ctx.error('duplicate-variable', `"${v.name}" is defined twice in ${modelLabel(model)} (first on line ${earlier.loc?.line})`, item, v.name);
      continue;
    }
    seen.set(v.ident, v);
    model.variables.push(v);
  }
  if (groups.length > 0) model.groups = groups;
  const loops = readLoops(node, ctx);
  if (loops) model.loops = loops;
  const views = child(node, 'views');
  if (views) model.views = outerXml(views, ctx.src);
  else if (legacy) {
    // Legacy files draw the diagram in <display> and the interface in <interface>.
    const displays = node.children.filter((c) => c.local === 'display' || c.local === 'interface').map((d) => outerXml(d, ctx.src));
    if (displays.length > 0) model.views = displays.join('\n');
  }
  const doc = child(node, 'doc');
  if (doc) {
    const text = textOf(doc, ctx.src).value.trim();
    if (text !== '') model.doc = text;
  }
  readComments(node, model, ctx);
  for (const c of node.children) {
    if (c.prefix !== undefined || MODEL_CHILDREN.has(c.local) || (legacy && VARIABLE_KINDS.has(c.local))) continue;
    if (legacy && c.local === 'group') continue;
    ctx.warn('unknown-element', `<${c.name}> in ${modelLabel(model)} is not understood and was ignored`, c);
  }
  const out: ReadModel = { model, empties };
  const specs = child(node, 'sim_specs');
  if (specs) out.simSpecs = specs;
  return out;
}

/** `<group name="..."><entity name="..."/></group>`. */
function readGroup(node: XNode, ctx: ImportContext): { name: string; variables: string[] } {
  const name = nameAsWritten(attr(node, 'name') ?? '');
  if (name === '') ctx.warn('missing-name', '<group> has no name', node);
  const variables = childrenNamed(node, 'entity')
    .map((e) => attr(e, 'name'))
    .filter((n): n is string => n !== undefined)
    .map(canonicalName);
  const group: { name: string; variables: string[]; comments?: Comments } = { name, variables };
  readComments(node, group, ctx);
  return group;
}

export function modelLabel(model: Model): string {
  return model.name === undefined ? 'the main model' : `model "${model.name}"`;
}
