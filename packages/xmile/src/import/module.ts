import { canonicalName, type ModuleInstance } from '@sluice/ir';
import { canonicalPath } from './names.js';
import type { VariableReader } from './variable.js';
import { attr, type XNode } from './xml-tree.js';

/**
 * A `<module>`: an instance of another model of the file (its `model` attribute, else its own
 * name), with `<connect>`/`<connect2>` wiring outside values to its ports.
 */
export function readModule(node: XNode, base: Pick<ModuleInstance, 'name' | 'ident' | 'loc'>, r: VariableReader): ModuleInstance {
  const { ctx } = r;
  const connections: { from: string; to: string }[] = [];
  const tags: string[] = [];
  for (const c of node.children.filter((n) => n.local === 'connect' || n.local === 'connect2')) {
    const to = attr(c, 'to');
    const from = attr(c, 'from');
    if (to === undefined || from === undefined || to.trim() === '' || from.trim() === '') {
      ctx.error('bad-connection', `<${c.name}> in module "${base.name}" needs both "to" and "from"`, c, base.name);
      continue;
    }
    connections.push({ from: canonicalPath(from), to: canonicalPath(to) });
    tags.push(c.local);
  }
  const resource = attr(node, 'resource');
  if (resource !== undefined) {
    ctx.error('unsupported-resource', `module "${base.name}" instantiates a model from another file ("${resource}"), which is not read`, node, base.name);
  }
  const model = canonicalName(attr(node, 'model') ?? base.name);
  const m: ModuleInstance = { ...base, kind: 'module', model, connections };
  if (tags.includes('connect2')) m.extra = { connectTags: tags };
  return m;
}
