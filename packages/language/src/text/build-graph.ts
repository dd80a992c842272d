import type { CstNode } from 'chevrotain';
import type { GraphicalFunction, GraphicalFunctionType } from '@sluice/ir';
import { nodesOf, tokenOf, tokensOf } from './cst.js';
import { readNumber, report, type BuildContext } from './context.js';

const graphTypes: readonly GraphicalFunctionType[] = ['continuous', 'extrapolate', 'discrete'];

/** Evenly spaced x values over a scale, as XMILE spreads `<ypts>` over `<xscale>`. */
export function xsFromScale(min: number, max: number, count: number): number[] {
  if (count === 1) return [min];
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? max : min + ((max - min) * i) / (count - 1)));
}

/** A `graphDecl` node as a graphical function; undefined when it is too broken to use. */
export function buildGraph(node: CstNode, ctx: BuildContext, variable: string): GraphicalFunction | undefined {
  const graphTok = tokenOf(node, 'Kw_graph');
  const typeTok = tokenOf(node, 'Identifier');
  let type: GraphicalFunctionType = 'continuous';
  if (typeTok !== undefined) {
    const word = typeTok.image.toLowerCase();
    const known = graphTypes.find((g) => g === word);
    if (known === undefined) {
      report(ctx, 'invalid-graph', `unknown graph type '${typeTok.image}': expected continuous, extrapolate or discrete`, typeTok, variable);
      return undefined;
    }
    type = known;
  }

  // Numbers in source order: xscale min, max, yscale min, max, then the y values.
  const numbers = tokensOf(node, 'Number').sort((a, b) => a.startOffset - b.startOffset);
  const hasX = tokenOf(node, 'Kw_xscale') !== undefined;
  const hasY = tokenOf(node, 'Kw_yscale') !== undefined;
  const scaleCount = (hasX ? 2 : 0) + (hasY ? 2 : 0);
  const scale = numbers.slice(0, scaleCount).map((t) => readNumber(t, ctx));
  if (scale.some((v) => v === undefined) || scale.length < scaleCount) return undefined;
  const gf: GraphicalFunction = { type, xs: [], ys: [] };
  if (hasX) gf.xScale = { min: scale[0]!, max: scale[1]! };
  if (hasY) gf.yScale = { min: scale[hasX ? 2 : 0]!, max: scale[hasX ? 3 : 1]! };

  const points = nodesOf(node, 'point');
  if (points.length > 0) {
    for (const p of points) {
      const [x, y] = tokensOf(p, 'Number').map((t) => readNumber(t, ctx));
      if (x === undefined || y === undefined) return undefined;
      gf.xs.push(x);
      gf.ys.push(y);
    }
  } else {
    const ys = numbers.slice(scaleCount).map((t) => readNumber(t, ctx));
    if (ys.length === 0 || ys.some((v) => v === undefined)) return undefined;
    if (gf.xScale === undefined) {
      if (graphTok) report(ctx, 'invalid-graph', "a graph given as y values alone needs 'xscale min to max'", graphTok, variable);
      return undefined;
    }
    gf.ys = ys as number[];
    gf.xs = xsFromScale(gf.xScale.min, gf.xScale.max, ys.length);
    gf.xFromScale = true;
  }
  for (let i = 1; i < gf.xs.length; i++) {
    if (gf.xs[i]! < gf.xs[i - 1]!) {
      const at = points[i] ? tokenOf(points[i]!, 'LParen') : graphTok;
      if (at) report(ctx, 'invalid-graph', `graph x values must not decrease: ${gf.xs[i]} comes after ${gf.xs[i - 1]}`, at, variable);
      return undefined;
    }
  }
  return gf;
}
