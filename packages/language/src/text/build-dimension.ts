import type { CstNode } from 'chevrotain';
import type { Dimension } from '@sluice/ir';
import { firstToken, nodeOf, nodesOf, readName, tokenOf } from './cst.js';
import { report, type BuildContext } from './context.js';
import { readElementNames } from './build-variable.js';

/** A `dimension` declaration: named or numbered elements, and Vensim's subranges, mappings and aliases. */
export function buildDimension(node: CstNode, ctx: BuildContext): Dimension | undefined {
  const name = readName(nodeOf(node, 'name'), ctx.file);
  if (name === undefined) return undefined;
  const elementNodes = nodesOf(node, 'elementName');
  const dim: Dimension = { name: name.display, ident: name.ident, elements: [], loc: name.loc };
  const sizeTok = elementNodes.length === 1 ? tokenOf(elementNodes[0]!, 'Number') : undefined;
  if (sizeTok !== undefined) {
    const size = Number(sizeTok.image);
    if (!Number.isInteger(size) || size < 1 || size > 1_000_000) {
      report(ctx, 'invalid-value', `a numbered dimension's size must be a whole number from 1 to 1000000, not ${sizeTok.image}`, sizeTok);
      return undefined;
    }
    dim.numbered = true;
    dim.elements = Array.from({ length: size }, (_, i) => String(i + 1));
  } else {
    dim.elements = readElementNames(elementNodes, ctx);
  }
  for (const attr of nodesOf(node, 'dimensionAttr')) {
    const key = firstToken(attr);
    const target = readName(nodeOf(attr, 'name'), ctx.file);
    if (key === undefined || target === undefined) continue;
    if (key.image === 'subrange_of') dim.parent = target.display;
    else if (key.image === 'alias_of') dim.aliasOf = target.display;
    else {
      const mapping: { to: string; elements?: string[] } = { to: target.ident };
      const elements = readElementNames(nodesOf(attr, 'elementName'), ctx);
      if (tokenOf(attr, 'Colon')) mapping.elements = elements;
      (dim.mappings ??= []).push(mapping);
    }
  }
  return dim;
}
