import { describe, expect, it } from 'vitest';
import { elementaryCycles } from './elementary-cycles.js';

function cyclesOf(edges: Record<string, string[]>, limit = 100) {
  return elementaryCycles(Object.keys(edges), (n) => edges[n] ?? [], limit);
}

describe('elementary cycles (Johnson)', () => {
  it('finds each cycle once, including self-loops', () => {
    const { cycles, truncated } = cyclesOf({ a: ['b'], b: ['c', 'a'], c: ['a', 'c'] });
    expect(truncated).toBe(false);
    expect(cycles.map((c) => c.join('>')).sort()).toEqual(['a>b', 'a>b>c', 'c']);
  });

  it('finds none in a tree', () => {
    expect(cyclesOf({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }).cycles).toEqual([]);
  });

  it('counts every cycle of a complete graph, and stops at the limit', () => {
    const nodes = ['a', 'b', 'c', 'd'];
    const complete = Object.fromEntries(nodes.map((n) => [n, nodes.filter((m) => m !== n)]));
    // K4 has 6 two-cycles, 8 three-cycles and 6 four-cycles.
    expect(cyclesOf(complete).cycles.length).toBe(20);
    const bounded = cyclesOf(complete, 5);
    expect(bounded.cycles.length).toBe(5);
    expect(bounded.truncated).toBe(true);
  });
});
