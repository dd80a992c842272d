import type { CstNode } from 'chevrotain';
import type { UnitDefinition } from '@sluice/ir';
import { nodesOf, readName, tokenOf } from './cst.js';
import { report, type BuildContext } from './context.js';

/** A `unit` declaration: a unit of measure, its defining formula and its aliases. */
export function buildUnit(node: CstNode, ctx: BuildContext): UnitDefinition | undefined {
  const [nameNode, ...aliasNodes] = nodesOf(node, 'name');
  const name = readName(nameNode, ctx.file);
  if (name === undefined) return undefined;
  const unit: UnitDefinition = { name: name.display, aliases: aliasNodes.map((n) => readName(n, ctx.file)?.display).filter((s): s is string => s !== undefined) };
  const formula = tokenOf(node, 'Formula');
  if (formula) {
    const text = formula.image.slice(1).trim();
    if (text.length === 0) report(ctx, 'syntax', "expected a units formula after '='", formula);
    else unit.equation = text;
  }
  return unit;
}
