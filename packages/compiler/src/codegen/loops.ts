import { stridesOf } from '../graph/dimensions.js';
import type { Node, NodeEquation } from '../graph/nodes.js';
import { offsetSource } from './expression.js';
import { hoistReads } from './hoist.js';

/**
 * Code for one equation of a node: once for a scalar or an element's own equation, or nested
 * `for` loops over the equation's dimensions for an apply-to-all array (never unrolled), with
 * the reads that do not change inside a loop taken out of it (`hoist.ts`).
 * `body` gets the JS source of each dimension's index and of the target slot.
 */
export function emitEquation(node: Node, eq: NodeEquation, base: number, body: (index: string[], target: string) => string): string {
  const strides = stridesOf(eq.dims);
  if (eq.fixed || eq.dims.length === 0) {
    const index = (eq.fixed ?? []).map(String);
    // A memory node called from an element's own equation is a single slot.
    const target = node.dims.length === 0 ? String(base) : offsetSource(base, index.map((i, k) => ({ index: i, stride: strides[k]! })));
    return body(index, target);
  }
  const index = eq.dims.map((_, k) => `i${k}`);
  const target = offsetSource(base, index.map((i, k) => ({ index: i, stride: strides[k]! })));
  const sizes = eq.dims.map((d) => d.elements.length);
  const { body: inner, before } = hoistReads(body(index, target), { sizes, written: [base, base + node.size - 1] });
  const open = sizes.map((n, k) => [...before[k]!, `for (let i${k} = 0; i${k} < ${n}; i${k}++) {`].join(' ')).join(' ');
  const close = eq.dims.map(() => '}').join(' ');
  // A block, so the hoisted names of one equation never meet another's.
  return before[0]!.length ? `{ ${open}\n${inner}\n${close} }` : `${open}\n${inner}\n${close}`;
}
