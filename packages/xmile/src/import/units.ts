import type { UnitDefinition } from '@sluice/ir';
import type { ImportContext } from './context.js';
import { readComments } from './extensions.js';
import { attr, child, childrenNamed, textOf, type XNode } from './xml-tree.js';

/**
 * `<model_units>`: `<unit name="..."><eqn>1000 * person</eqn><alias>..</alias></unit>`.
 * Legacy files hold nameless `<units><eqn>` entries (a cache of units seen in equations): they
 * define nothing and are skipped.
 */
export function readUnits(node: XNode, ctx: ImportContext): UnitDefinition[] {
  const out: UnitDefinition[] = [];
  for (const u of childrenNamed(node, 'unit')) {
    const name = attr(u, 'name')?.trim();
    if (!name) {
      ctx.warn('missing-name', '<unit> has no name; skipped', u);
      continue;
    }
    const def: UnitDefinition = { name, aliases: [] };
    const eqn = child(u, 'eqn');
    const equation = eqn ? textOf(eqn, ctx.src).value.trim() : '';
    if (equation !== '') def.equation = equation;
    for (const a of childrenNamed(u, 'alias')) {
      const alias = textOf(a, ctx.src).value.trim();
      if (alias !== '') def.aliases.push(alias);
    }
    readComments(u, def, ctx);
    out.push(def);
  }
  return out;
}
