import { canonicalName, type Macro } from '@sluice/ir';
import { DEFAULT_BEHAVIOR } from './behavior.js';
import type { ImportContext } from './context.js';
import { readEquation } from './equation.js';
import { readComments } from './extensions.js';
import { nameAsWritten } from './names.js';
import { readSimSpecs } from './sim-specs.js';
import { readVariable, VARIABLE_KINDS, type EmptyEquation } from './variable.js';
import { attr, child, childrenNamed, textOf, type XNode } from './xml-tree.js';

/**
 * A `<macro name="...">`: `<parm>` names in call order, an `<eqn>` giving its value (in terms of
 * the parameters and its own `<variables>`), optional `<sim_specs>` and `<doc>`.
 */
export function readMacro(node: XNode, ctx: ImportContext): Macro | undefined {
  const rawName = attr(node, 'name');
  if (rawName === undefined || rawName.trim() === '') {
    ctx.error('missing-name', '<macro> has no name', node);
    return undefined;
  }
  const name = nameAsWritten(rawName);
  const macro: Macro = { name, ident: canonicalName(name), parameters: [], variables: [], loc: ctx.locOf(node) };
  for (const p of childrenNamed(node, 'parm')) {
    const parm = textOf(p, ctx.src).value.trim();
    if (parm === '') ctx.error('missing-name', `a <parm> of macro "${name}" is empty`, p);
    else macro.parameters.push(canonicalName(parm));
  }
  const eqn = child(node, 'eqn');
  if (eqn) {
    const read = readEquation(eqn, ctx, name);
    if (read.empty) ctx.error('empty-equation', `macro "${name}" has an empty <eqn>`, eqn, name);
    else if (read.equation) macro.equation = read.equation;
  }
  const variables = child(node, 'variables');
  if (variables) {
    const reader = { ctx, behavior: DEFAULT_BEHAVIOR, empties: [] as EmptyEquation[] };
    for (const item of variables.children) {
      if (item.prefix !== undefined) continue;
      if (!VARIABLE_KINDS.has(item.local)) {
        ctx.error('unknown-variable-kind', `<${item.name}> is not a kind of variable (expected stock, flow, aux, gf or module)`, item);
        continue;
      }
      const v = readVariable(item, reader);
      if (v) macro.variables.push(v);
    }
    // A macro is never a module: nothing can connect a blank equation, so each one is an error.
    for (const e of reader.empties) {
      ctx.error('missing-equation', `"${e.variable.name}" in macro "${name}" has no equation`, e.node, e.variable.name);
    }
  }
  if (!macro.equation && macro.variables.length === 0) {
    ctx.error('missing-equation', `macro "${name}" has no <eqn>`, node, name);
  }
  const specs = child(node, 'sim_specs');
  if (specs) macro.simSpecs = readSimSpecs(specs, ctx, true);
  const doc = child(node, 'doc');
  if (doc) {
    const text = textOf(doc, ctx.src).value.trim();
    if (text !== '') macro.doc = text;
  }
  readComments(node, macro, ctx);
  return macro;
}
