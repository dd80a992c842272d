import { stridesOf } from '../graph/dimensions.js';
import type { Node, NodeEquation } from '../graph/nodes.js';
import { offsetSource } from './expression.js';

/**
 * Code for one equation of a node: once for a scalar or an element's own equation, or nested
 * `for` loops over the equation's dimensions for an apply-to-all array (never unrolled).
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
  const open = eq.dims.map((d, k) => `for (let i${k} = 0; i${k} < ${d.elements.length}; i${k}++) {`).join(' ');
  const close = eq.dims.map(() => '}').join(' ');
  const target = offsetSource(base, index.map((i, k) => ({ index: i, stride: strides[k]! })));
  return `${open}\n${body(index, target)}\n${close}`;
}
