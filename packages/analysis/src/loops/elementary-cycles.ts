/**
 * Johnson's algorithm (1975): every elementary cycle of a directed graph, each once, in time
 * O((n + e)(c + 1)). `limit` bounds the count so a huge model cannot hang the caller.
 */
export function elementaryCycles(
  nodes: string[],
  successors: (node: string) => string[],
  limit: number,
): { cycles: string[][]; truncated: boolean } {
  const index = new Map(nodes.map((n, i) => [n, i]));
  const adj: number[][] = nodes.map((n) => successors(n).map((s) => index.get(s)).filter((i): i is number => i !== undefined));
  const cycles: string[][] = [];
  let truncated = false;

  for (let s = 0; s < nodes.length && !truncated; s++) {
    // The strongly connected component holding s, in the subgraph of nodes >= s.
    const component = componentOf(s, adj);
    if (component.size < 2 && !adj[s]!.includes(s)) continue;
    const blocked = new Set<number>();
    const blockMap = new Map<number, Set<number>>();
    const stack: number[] = [];
    const unblock = (u: number): void => {
      const pending = [u];
      while (pending.length > 0) {
        const w = pending.pop()!;
        if (!blocked.delete(w)) continue;
        const b = blockMap.get(w);
        if (b) {
          for (const x of b) pending.push(x);
          b.clear();
        }
      }
    };
    const circuit = (v: number): boolean => {
      let found = false;
      stack.push(v);
      blocked.add(v);
      for (const w of adj[v]!) {
        if (!component.has(w)) continue;
        if (truncated) break;
        if (w === s) {
          cycles.push(stack.map((i) => nodes[i]!));
          if (cycles.length >= limit) truncated = true;
          found = true;
        } else if (!blocked.has(w) && circuit(w)) {
          found = true;
        }
      }
      if (found) unblock(v);
      else {
        for (const w of adj[v]!) {
          if (!component.has(w)) continue;
          const b = blockMap.get(w) ?? new Set<number>();
          b.add(v);
          blockMap.set(w, b);
        }
      }
      stack.pop();
      return found;
    };
    circuit(s);
  }
  return { cycles, truncated };
}

/** Tarjan's strongly connected component of `s`, among nodes with index >= s. */
function componentOf(s: number, adj: number[][]): Set<number> {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  let counter = 0;
  let result = new Set<number>([s]);
  const strong = (v: number): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of adj[v]!) {
      if (w < s) continue;
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const comp = new Set<number>();
      let w: number;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.add(w);
      } while (w !== v);
      if (comp.has(s)) result = comp;
    }
  };
  strong(s);
  return result;
}
