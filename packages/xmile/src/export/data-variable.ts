import type { Variable } from '@sluice/ir';
import { dataMethodOf, dataSourcesOf } from '@sluice/language';
import { SLUICE_PREFIX } from '../extension.js';
import type { XmlWriter } from './xml-writer.js';

/**
 * A Vensim data variable is an `<aux>` with `<sluice:data method="..."/>` and no `<eqn>` of its
 * own: its values come from a data file at run time. Stella skips the extension and sees an
 * auxiliary with no equation, which it reports as undefined, rather than a made-up equation
 * that would run to wrong numbers. The quoted arguments of GET XLS / GET DIRECT calls, which
 * the `<eqn>` leaves out, are `<sluice:data_source function subscript>` with one
 * `<sluice:arg>` each.
 */
export function writeDataExtensions(w: XmlWriter, v: Variable): void {
  const method = v.kind === 'aux' ? dataMethodOf(v) : undefined;
  if (method !== undefined) w.leaf(`${SLUICE_PREFIX}:data`, { method });
  for (const s of dataSourcesOf(v)) {
    const attrs: Record<string, string> = { function: s.function };
    if (s.subscripts.length > 0) attrs.subscript = s.subscripts.join(', ');
    w.node(`${SLUICE_PREFIX}:data_source`, attrs, () => s.arguments.forEach((a) => w.leaf(`${SLUICE_PREFIX}:arg`, {}, a)));
  }
}
