import { describe, expect, it } from 'vitest';
import { sortOrder, vectorRank } from './vector-order.js';

const ASCENDING = 1;
const DESCENDING = -1;

/** VECTOR SORT ORDER and VECTOR RANK of `xs` at every element, read from slots 2, 4, 6, ... (stride 2). */
function orders(xs: number[], direction: number): { order: number[]; rank: number[] } {
  const v = new Float64Array(2 + xs.length * 2);
  xs.forEach((x, k) => (v[2 + k * 2] = x));
  const n = xs.length;
  return {
    order: xs.map((_, i) => sortOrder(v, 2, 2, n, direction, i)),
    rank: xs.map((_, i) => vectorRank(v, 2, 2, n, direction, i)),
  };
}

describe('VECTOR SORT ORDER and VECTOR RANK', () => {
  it("gives the ranks of Vensim's reference example: 5000, 3000, 8000 rank 2, 1, 3", () => {
    expect(orders([5000, 3000, 8000], ASCENDING)).toEqual({ order: [1, 0, 2], rank: [2, 1, 3] });
    expect(orders([5000, 3000, 8000], DESCENDING)).toEqual({ order: [2, 0, 1], rank: [2, 3, 1] });
  });

  it('ties take contiguous ranks, in element order ascending and in reverse element order descending', () => {
    // Elements 0, 2 and 3 tie at 4; element 1 is smallest, element 4 largest.
    const xs = [4, 1, 4, 4, 9];
    expect(orders(xs, ASCENDING)).toEqual({ order: [1, 0, 2, 3, 4], rank: [2, 1, 3, 4, 5] });
    expect(orders(xs, DESCENDING)).toEqual({ order: [4, 3, 2, 0, 1], rank: [4, 5, 3, 2, 1] });
  });

  it('a direction of 0 sorts descending, as any direction that is not positive', () => {
    expect(orders([2, 2, 1], 0)).toEqual(orders([2, 2, 1], DESCENDING));
    expect(orders([2, 2, 1], 0).rank).toEqual([2, 1, 3]);
  });

  it('the rank is the inverse of the sort order, ties included, in both directions', () => {
    const xs = [3, 3, 0, 7, 3, 0, -1];
    for (const direction of [ASCENDING, DESCENDING]) {
      const { order, rank } = orders(xs, direction);
      expect([...rank].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      order.forEach((k, i) => expect(rank[k]).toBe(i + 1));
    }
  });
});
