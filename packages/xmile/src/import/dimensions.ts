import { canonicalName, type Dimension } from '@sluice/ir';
import type { ImportContext } from './context.js';
import { readDimensionExtensions } from './extensions.js';
import { parseNumber } from './numbers.js';
import { attr, childrenNamed, type XNode } from './xml-tree.js';

/**
 * A numbered dimension's elements are made when the file is read, so an untrusted `size` is
 * bounded before anything is allocated (the same limit the Vensim importer sets on a range).
 */
export const MAX_DIMENSION_SIZE = 1_000_000;

/** `<dimensions>`: each `<dim>` lists named `<elem>`s or gives `size="n"` (elements "1".."n"). */
export function readDimensions(node: XNode, ctx: ImportContext): Dimension[] {
  const out: Dimension[] = [];
  const seen = new Set<string>();
  for (const dim of childrenNamed(node, 'dim')) {
    const name = attr(dim, 'name')?.trim();
    if (!name) {
      ctx.error('missing-name', '<dim> has no name', dim);
      continue;
    }
    const ident = canonicalName(name);
    if (seen.has(ident)) {
      ctx.error('duplicate-dimension', `dimension "${name}" is defined twice`, dim);
      continue;
    }
    seen.add(ident);
    const d: Dimension = { name, ident, elements: [], loc: ctx.locOf(dim) };
    const elems = childrenNamed(dim, 'elem');
    const sizeRaw = attr(dim, 'size');
    if (elems.length > 0) {
      for (const e of elems) {
        const en = attr(e, 'name')?.trim();
        if (!en) ctx.error('missing-name', `an <elem> of dimension "${name}" has no name`, e);
        else d.elements.push(en);
      }
    } else if (sizeRaw !== undefined) {
      const size = parseNumber(sizeRaw);
      if (size === undefined || !Number.isInteger(size) || size < 1) {
        ctx.error('bad-dimension-size', `dimension "${name}" has size "${sizeRaw}"; it must be a whole number of at least 1`, dim);
        continue;
      }
      if (size > MAX_DIMENSION_SIZE) {
        ctx.error('too-large', `dimension "${name}" has size ${sizeRaw}, more than the ${MAX_DIMENSION_SIZE} elements a dimension may have`, dim);
        continue;
      }
      d.elements = Array.from({ length: size }, (_, i) => String(i + 1));
      d.numbered = true;
    } else {
      ctx.error('empty-dimension', `dimension "${name}" has neither <elem> children nor a size`, dim);
      continue;
    }
    readDimensionExtensions(dim, d, ctx);
    out.push(d);
  }
  return out;
}
