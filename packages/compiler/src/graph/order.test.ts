import { describe, expect, it } from 'vitest';
import type { Diagnostic, Variable } from '@sluice/ir';
import type { Node } from './nodes.js';
import { orderNodes } from './order.js';

const node = (id: number): Node => ({
  id,
  role: 'aux',
  variable: { kind: 'aux', name: `x${id}`, ident: `x${id}` } as Variable,
  dims: [],
  size: 1,
  equations: [],
});

describe('orderNodes', () => {
  it('puts each node after what it depends on, otherwise in model order', () => {
    const [a, b, c, d] = [0, 1, 2, 3].map(node) as [Node, Node, Node, Node];
    const deps = new Map<Node, Node[]>([[a, [c]], [b, []], [c, [d]], [d, []]]);
    const diags: Diagnostic[] = [];
    expect(orderNodes([a, b, c, d], (n) => deps.get(n)!, diags).map((n) => n.id)).toEqual([3, 2, 0, 1]);
    expect(diags).toEqual([]);
  });

  it('names the variables around a cycle once', () => {
    const [a, b, c] = [0, 1, 2].map(node) as [Node, Node, Node];
    const deps = new Map<Node, Node[]>([[a, [b]], [b, [c]], [c, [a]]]);
    const diags: Diagnostic[] = [];
    orderNodes([a, b, c], (n) => deps.get(n)!, diags);
    expect(diags.map((d) => d.message)).toEqual(['circular definition: x0 -> x1 -> x2 -> x0']);
  });

  it('orders a chain of 200,000 variables without running out of stack (recursion failed below 50,000)', () => {
    const nodes = Array.from({ length: 200_000 }, (_, i) => node(i));
    // x0 depends on x1, x1 on x2, ...: the deepest possible walk.
    const order = orderNodes(nodes, (n) => (n.id + 1 < nodes.length ? [nodes[n.id + 1]!] : []), []);
    expect(order[0]!.id).toBe(199_999);
    expect(order[199_999]!.id).toBe(0);
  });
});
