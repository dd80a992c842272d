import type { GraphicalFunction, GraphicalFunctionType } from '@sluice/ir';
import type { ImportContext } from './context.js';
import { parseNumber, readNumberAttr } from './numbers.js';
import { attr, child, textOf, type XNode } from './xml-tree.js';

const TYPES: GraphicalFunctionType[] = ['continuous', 'extrapolate', 'discrete'];

/**
 * A `<gf>`: points always come out materialised in `xs`/`ys`; `xscale` becomes evenly spaced x
 * points when the file gives no `<xpts>`. Returns undefined after reporting an error.
 */
export function readGraphicalFunction(node: XNode, ctx: ImportContext, variable?: string): GraphicalFunction | undefined {
  const type = gfType(node, ctx, variable);
  const yNode = child(node, 'ypts');
  if (!yNode) {
    ctx.error('gf-missing-points', 'graphical function has no <ypts>', node, variable);
    return undefined;
  }
  const ys = readPoints(yNode, ctx, variable);
  if (!ys) return undefined;
  if (ys.length === 0) {
    ctx.error('gf-missing-points', 'graphical function has an empty <ypts>', yNode, variable);
    return undefined;
  }
  const xScale = readScale(child(node, 'xscale'), ctx);
  const yScale = readScale(child(node, 'yscale'), ctx);
  const xNode = child(node, 'xpts');
  let xs: number[];
  let xFromScale = false;
  if (xNode) {
    const read = readPoints(xNode, ctx, variable);
    if (!read) return undefined;
    if (read.length !== ys.length) {
      ctx.error('gf-point-count', `graphical function has ${read.length} x points but ${ys.length} y points`, xNode, variable);
      return undefined;
    }
    xs = read;
  } else if (xScale) {
    const n = ys.length;
    xs = ys.map((_, i) => (n === 1 ? xScale.min : xScale.min + ((xScale.max - xScale.min) * i) / (n - 1)));
    xFromScale = true;
  } else {
    ctx.error('gf-missing-points', 'graphical function has neither <xpts> nor <xscale>', node, variable);
    return undefined;
  }
  for (let i = 1; i < xs.length; i++) {
    if ((xs[i] as number) < (xs[i - 1] as number)) {
      ctx.error('gf-unsorted', `graphical function x points must not decrease (${xs[i - 1]} then ${xs[i]})`, xNode ?? node, variable);
      return undefined;
    }
  }
  const gf: GraphicalFunction = { type, xs, ys };
  if (xScale) gf.xScale = xScale;
  if (yScale) gf.yScale = yScale;
  if (xFromScale) gf.xFromScale = true;
  return gf;
}

function gfType(node: XNode, ctx: ImportContext, variable?: string): GraphicalFunctionType {
  const written = attr(node, 'type');
  if (written !== undefined) {
    const t = written.trim().toLowerCase();
    if ((TYPES as string[]).includes(t)) return t as GraphicalFunctionType;
    ctx.error('gf-type', `unknown graphical function type "${written}" (expected continuous, extrapolate or discrete)`, node, variable);
    return 'continuous';
  }
  // Older files write discrete="true" instead of a type.
  return attr(node, 'discrete')?.trim().toLowerCase() === 'true' ? 'discrete' : 'continuous';
}

function readPoints(node: XNode, ctx: ImportContext, variable?: string): number[] | undefined {
  const sep = attr(node, 'sep') ?? ',';
  const text = textOf(node, ctx.src);
  const parts = sep.trim() === '' ? text.value.trim().split(/\s+/) : text.value.split(sep);
  if (text.value.trim() === '') return [];
  const out: number[] = [];
  let offset = 0;
  for (const part of parts) {
    const value = parseNumber(part);
    if (value === undefined) {
      const at = text.offsets[text.value.indexOf(part, offset)] ?? node.contentStart;
      ctx.error('not-a-number', `graphical function point "${part.trim()}" is not a number`, at, variable);
      return undefined;
    }
    offset = text.value.indexOf(part, offset) + part.length;
    out.push(value);
  }
  return out;
}

function readScale(node: XNode | undefined, ctx: ImportContext): { min: number; max: number } | undefined {
  if (!node) return undefined;
  const minRaw = attr(node, 'min');
  const maxRaw = attr(node, 'max');
  if (minRaw === undefined || maxRaw === undefined) {
    ctx.error('gf-scale', `<${node.name}> needs both min and max`, node);
    return undefined;
  }
  const min = readNumberAttr(node, 'min', minRaw, ctx, `<${node.name}> min`);
  const max = readNumberAttr(node, 'max', maxRaw, ctx, `<${node.name}> max`);
  return min === undefined || max === undefined ? undefined : { min, max };
}
