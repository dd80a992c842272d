import { error, type Diagnostic } from '@sluice/ir';
import type { Node } from './nodes.js';

/**
 * Order `nodes` so each comes after what it depends on, keeping model order where the
 * dependencies allow (so generated code reads like the model). A cycle is reported once, as
 * `circular`, naming the variables around the loop in order.
 */
export function orderNodes(nodes: readonly Node[], depsOf: (n: Node) => Iterable<Node>, diags: Diagnostic[]): Node[] {
  const inSet = new Set(nodes);
  const state = new Map<Node, 'visiting' | 'done'>();
  const order: Node[] = [];
  const stack: Node[] = [];
  let reported = false;

  const visit = (n: Node): void => {
    const s = state.get(n);
    if (s === 'done') return;
    if (s === 'visiting') {
      if (!reported) {
        reported = true;
        diags.push(cycleDiagnostic(stack.slice(stack.indexOf(n))));
      }
      return;
    }
    state.set(n, 'visiting');
    stack.push(n);
    for (const d of depsOf(n)) if (inSet.has(d)) visit(d);
    stack.pop();
    state.set(n, 'done');
    order.push(n);
  };
  for (const n of nodes) visit(n);
  return order;
}

function cycleDiagnostic(loop: Node[]): Diagnostic {
  // Memory call sites are named by the variable whose equation holds them.
  const names: string[] = [];
  for (const n of loop) {
    const name = n.variable.name;
    if (names[names.length - 1] !== name) names.push(name);
  }
  if (names.length > 1 && names[0] === names[names.length - 1]) names.pop();
  const first = loop[0]!;
  const path = [...names, names[0]!].join(' -> ');
  return error('circular', `circular definition: ${path}`, first.variable.loc ?? first.loc ?? first.variable.equation?.loc, first.variable.name);
}
