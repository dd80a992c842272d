import { describe, expect, it } from 'vitest';
import { hoistReads } from './hoist.js';
import { emitEquation } from './loops.js';
import type { Node, NodeEquation } from '../graph/nodes.js';
import type { DimInfo } from '../graph/dimensions.js';

const dim = (ident: string, n: number): DimInfo => ({ ident, name: ident, elements: Array.from({ length: n }, (_, i) => `${ident}${i + 1}`) }) as DimInfo;

describe('hoistReads', () => {
  it('moves a scalar read before the loops and a read of the outer index into the outer loop', () => {
    const body = 'v[50 + i0 * 4 + i1] = ((v[7] * v[10 + i0 * 4 + i1]) + (v[30 + i0] - v[7]));';
    const h = hoistReads(body, { sizes: [3, 4], written: [50, 61] });
    expect(h.body).toBe('v[50 + i0 * 4 + i1] = ((hv0 * v[10 + i0 * 4 + i1]) + (hv1 - hv0));');
    expect(h.before).toEqual([['const hv0 = v[7];'], ['const hv1 = v[30 + i0];']]);
  });

  it("leaves reads of the loop's own slots, of indices it does not own and of computed offsets", () => {
    const body = [
      'v[50 + i0] = (v[49 + i0] + v[55]);',
      'let s3 = 0; for (let i4 = 0; i4 < 2; i4++) { s3 += v[20 + i4]; }',
      'x = v[g[3 + i0] + 1] + h.elementAt(v, 10, 1, 3, v[2]);',
    ].join('\n');
    const h = hoistReads(body, { sizes: [3], written: [50, 55] });
    // 49 + i0 reads 49..51, which overlaps 50..55; 55 is written; i4 is not a loop index of the nest.
    expect(h.body).toContain('v[49 + i0]');
    expect(h.body).toContain('v[55]');
    expect(h.body).toContain('v[20 + i4]');
    expect(h.body).toContain('v[g[3 + i0] + 1]');
    // v[2] is a plain read of another variable: hoisted, while the helper still gets v itself.
    expect(h.body).toContain('h.elementAt(v, 10, 1, 3, hv0)');
    expect(h.before).toEqual([['const hv0 = v[2];']]);
  });
});

describe('emitEquation with hoisted reads', () => {
  it('computes the same values as the loop without them', () => {
    // x[a, b] = k * y[a, b] + z[a], with k at slot 2, y at 10.., z at 30.., x at 50..
    const node = { dims: [dim('a', 3), dim('b', 4)], size: 12 } as unknown as Node;
    const eq = { dims: node.dims } as unknown as NodeEquation;
    const code = emitEquation(node, eq, 50, (index, target) => `v[${target}] = ((v[2] * v[10 + ${index[0]} * 4 + ${index[1]}]) + v[30 + ${index[0]}]);`);
    expect(code).toContain('const hv0 = v[2];');
    const v = Float64Array.from({ length: 64 }, (_, i) => i);
    new Function('v', `'use strict';\n${code}`)(v);
    const want = Array.from({ length: 12 }, (_, k) => 2 * (10 + k) + (30 + Math.floor(k / 4)));
    expect(Array.from(v.subarray(50, 62))).toEqual(want);
  });
});
