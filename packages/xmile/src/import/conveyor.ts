import type { Conveyor, Equation } from '@sluice/ir';
import type { ImportContext } from './context.js';
import { readEquation } from './equation.js';
import { attr, child, type XNode } from './xml-tree.js';

/**
 * A stock's `<conveyor>`: `<len>` (transit time, required), `<capacity>`, `<in_limit>`,
 * `<arrest>`; `discrete="true"`. Leakage flows are attached later, once the flows are read.
 */
export function readConveyor(node: XNode, ctx: ImportContext, variable: string): Conveyor | undefined {
  const part = (local: string): Equation | undefined => {
    const n = child(node, local);
    if (!n) return undefined;
    const read = readEquation(n, ctx, variable);
    if (read.empty) ctx.error('empty-equation', `<${local}> of conveyor "${variable}" is empty`, n, variable);
    return read.equation;
  };
  const transitTime = part('len');
  if (!transitTime) {
    if (!child(node, 'len')) ctx.error('missing-equation', `conveyor "${variable}" has no <len> (transit time)`, node, variable);
    return undefined;
  }
  const conveyor: Conveyor = { transitTime };
  const capacity = part('capacity');
  const inflowLimit = part('in_limit');
  const arrest = part('arrest');
  if (capacity) conveyor.capacity = capacity;
  if (inflowLimit) conveyor.inflowLimit = inflowLimit;
  if (arrest) conveyor.arrest = arrest;
  if (attr(node, 'discrete')?.trim().toLowerCase() === 'true') conveyor.discrete = true;
  return conveyor;
}
