import type { Conveyor, Equation, Variable } from '@sluice/ir';
import type { ImportContext } from './context.js';
import { readEquation } from './equation.js';
import { attr, child, type XNode } from './xml-tree.js';

/**
 * A stock's `<conveyor>`: `<len>` (transit time, required), `<capacity>`, `<in_limit>`,
 * `<arrest>`; `discrete`, and how it takes from a queue upstream: `batch_integrity` (whole
 * batches only) and `one_at_a_time` (one batch a DT), each "true" or "false" (the default).
 * Leakage flows are attached later, once the flows are read.
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
  const sample = child(node, 'sample');
  if (sample) {
    // Stella re-reads the transit time only when <sample> is true; that is not compiled.
    ctx.warn('unsupported', `<sample> of conveyor "${variable}" is ignored: the transit time is read every DT; results may differ from Stella's when it changes`, sample, variable);
  }
  const flag = (name: string): boolean => attr(node, name)?.trim().toLowerCase() === 'true';
  if (flag('discrete')) conveyor.discrete = true;
  if (flag('batch_integrity')) conveyor.batchIntegrity = true;
  if (flag('one_at_a_time')) conveyor.oneAtATime = true;
  return conveyor;
}

/**
 * Flows a conveyor or queue drives, which Stella writes without an `<eqn>`: a conveyor's outflow
 * (the belt's end decides it) and a queue's outflows (a queue offers everything; a conveyor
 * downstream, or the flow's equation when it has one, limits what leaves).
 */
export function drivenFlows(variables: readonly Variable[]): Set<string> {
  const byIdent = new Map(variables.map((v) => [v.ident, v] as const));
  const driven = new Set<string>();
  for (const s of variables) {
    if (s.kind !== 'stock') continue;
    for (const ident of s.outflows) {
      const leak = byIdent.get(ident)?.extra?.leak === true;
      if (s.queue || (s.conveyor && !leak)) driven.add(ident);
    }
  }
  return driven;
}

/**
 * A leak flow's zone from its `leak_start` and `leak_end` attributes (fractions of the belt from
 * its entry, XMILE and Stella), or undefined for the whole belt. Values outside [0, 1], or that
 * are not numbers, are clamped or left at their defaults rather than trusted.
 */
export function leakZone(attrs: Record<string, string> | undefined): { zoneStart: number; zoneEnd: number } | undefined {
  const read = (name: string, otherwise: number): number => {
    const x = Number(attrs?.[name]?.trim() || NaN);
    return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : otherwise;
  };
  if (attrs?.leak_start === undefined && attrs?.leak_end === undefined) return undefined;
  return { zoneStart: read('leak_start', 0), zoneEnd: read('leak_end', 1) };
}
