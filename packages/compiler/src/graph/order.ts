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
  let reported = false;
  // Depth-first with a stack of its own, not recursion: a file defining a chain of 50,000
  // variables last-first (about 1 MB) overflowed the call stack. `path` is the chain being
  // visited, for cycle messages.
  const path: Node[] = [];
  const pending: Iterator<Node>[] = [];
  const enter = (n: Node): void => {
    state.set(n, 'visiting');
    path.push(n);
    pending.push(depsOf(n)[Symbol.iterator]());
  };

  for (const root of nodes) {
    if (state.has(root)) continue;
    enter(root);
    while (pending.length > 0) {
      const next = pending[pending.length - 1]!.next();
      if (next.done) {
        pending.pop();
        const n = path.pop()!;
        state.set(n, 'done');
        order.push(n);
        continue;
      }
      const d = next.value;
      if (!inSet.has(d)) continue;
      const s = state.get(d);
      if (s === 'done') continue;
      if (s === 'visiting') {
        if (!reported) {
          reported = true;
          diags.push(cycleDiagnostic(path.slice(path.indexOf(d))));
        }
        continue;
      }
      enter(d);
    }
  }
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
