import { canonicalName, type Model } from '@sluice/ir';
import { buildCausalGraph } from '../graph/causal-graph.js';

export interface DependencyNode {
  ident: string;
  name: string;
  kind: string;
  /** The sign of the link to the parent (cause → effect). */
  sign?: string;
  children: DependencyNode[];
  /** Set when this variable was already shown higher in the tree (a loop or a shared cause). */
  repeated?: boolean;
}

/**
 * The causes (or uses) tree of a variable, to `depth` levels. A variable met again on the
 * same branch is marked and not expanded, so loops do not repeat forever.
 */
export function dependencyTree(
  model: Model,
  variable: string,
  options: { uses?: boolean; depth?: number } = {},
): DependencyNode | undefined {
  const graph = buildCausalGraph(model);
  const root = canonicalName(variable);
  if (!graph.nodes.has(root)) return undefined;
  const depth = options.depth ?? 3;
  const expand = (ident: string, level: number, path: Set<string>, sign?: string): DependencyNode => {
    const v = graph.nodes.get(ident)!;
    const node: DependencyNode = { ident, name: v.name, kind: v.kind, children: [] };
    if (sign !== undefined) node.sign = sign;
    if (path.has(ident)) {
      node.repeated = true;
      return node;
    }
    if (level >= depth) return node;
    const links = options.uses ? graph.out.get(ident)! : graph.in.get(ident)!;
    const next = new Set(path).add(ident);
    for (const l of links) node.children.push(expand(options.uses ? l.to : l.from, level + 1, next, l.sign));
    node.children.sort((a, b) => a.name.localeCompare(b.name));
    return node;
  };
  return expand(root, 0, new Set());
}

/** The tree as indented text, one variable a line, with link signs. */
export function formatDependencyTree(tree: DependencyNode): string {
  const lines: string[] = [];
  const walk = (n: DependencyNode, indent: string): void => {
    const sign = n.sign !== undefined ? `(${n.sign}) ` : '';
    lines.push(`${indent}${sign}${n.name} [${n.kind}]${n.repeated ? ' …' : ''}`);
    for (const c of n.children) walk(c, indent + '  ');
  };
  walk(tree, '');
  return lines.join('\n');
}
