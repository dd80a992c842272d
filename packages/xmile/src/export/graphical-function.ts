import type { GraphicalFunction } from '@sluice/ir';
import { formatNumber, type Attrs, type XmlWriter } from './xml-writer.js';

/** A `<gf>` element; points that came from `xscale` are written back as the scale. */
export function writeGraphicalFunction(w: XmlWriter, gf: GraphicalFunction, attrs: Attrs = {}): void {
  const all: Attrs = { ...attrs };
  if (gf.type !== 'continuous') all.type = gf.type;
  w.node('gf', all, () => {
    if (gf.xScale) w.leaf('xscale', { min: formatNumber(gf.xScale.min), max: formatNumber(gf.xScale.max) });
    if (gf.yScale) w.leaf('yscale', { min: formatNumber(gf.yScale.min), max: formatNumber(gf.yScale.max) });
    if (!gf.xFromScale || !gf.xScale) w.leaf('xpts', {}, gf.xs.map(formatNumber).join(','));
    w.leaf('ypts', {}, gf.ys.map(formatNumber).join(','));
  });
}
