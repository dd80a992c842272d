import type { GraphicalFunction, GraphicalFunctionType } from '@sluice/ir';
import { positionIn, type DimInfo } from '../graph/dimensions.js';
import type { Node } from '../graph/nodes.js';
import { FIXED_SLOTS } from './compiled-model.js';

/** How `h.lookupIn` reads a directory entry's type. */
export const TYPE_CODES: Record<GraphicalFunctionType, number> = { continuous: 0, extrapolate: 1, discrete: 2 };

export interface TablePlace {
  offset: number;
  count: number;
  type: GraphicalFunctionType;
}

/**
 * Where every value lives. One Float64Array holds the clock, then all stocks side by side (so
 * integration is a loop over one slice), then every other node, then scratch slots. A node
 * takes `size` consecutive slots from its base, its elements row-major. Graphical-function
 * points and subrange index maps live in a second array, `g`.
 */
export interface Layout {
  slotOf(n: Node): number;
  tableOf(gf: GraphicalFunction): TablePlace;
  /** Offset in `g` of a directory of tables: offset, point count and type code per table. */
  tableDirectory(gfs: readonly GraphicalFunction[]): number;
  /** Offset in `g` of the positions, in `to`, of the elements of subrange `from`. */
  indexMap(from: DimInfo, to: DimInfo): number | undefined;
  /** A dimension by canonical name. */
  dimension(ident: string): DimInfo | undefined;
  /** The number `elementIds` gives element `name` (canonical). */
  elementId(name: string): number;
  /** Offset in `g` of a number per element of `d` that is equal for equal element names. */
  elementIds(d: DimInfo): number;
  /** Offset in `g` of these numbers, written after everything else there. */
  numbers(values: readonly number[]): number;
  stockBase: number;
  stocks: Node[];
  slotCount(): number;
  tables(): Float64Array;
}

export function layOut(nodes: readonly Node[], dimensions: ReadonlyMap<string, DimInfo>): Layout {
  const slots = new Map<Node, number>();
  let next = FIXED_SLOTS;
  const stocks = nodes.filter((n) => n.role === 'stock');
  for (const n of stocks) {
    slots.set(n, next);
    next += n.size;
  }
  for (const n of nodes) {
    if (slots.has(n)) continue;
    slots.set(n, next);
    next += n.size;
  }

  const points: number[] = [];
  const places = new Map<GraphicalFunction, TablePlace>();
  const maps = new Map<string, number>();
  const ids = new Map<string, number>();
  const idTables = new Map<string, number>();
  return {
    slotOf(n) {
      const s = slots.get(n);
      if (s === undefined) throw new Error('internal: node without a slot');
      return s;
    },
    tableOf(gf) {
      let p = places.get(gf);
      if (!p) {
        const count = Math.min(gf.xs.length, gf.ys.length);
        p = { offset: points.length, count, type: gf.type };
        for (let i = 0; i < count; i++) points.push(gf.xs[i]!);
        for (let i = 0; i < count; i++) points.push(gf.ys[i]!);
        places.set(gf, p);
      }
      return p;
    },
    tableDirectory(gfs) {
      const places = gfs.map((gf) => this.tableOf(gf));
      const offset = points.length;
      for (const p of places) points.push(p.offset, p.count, TYPE_CODES[p.type]);
      return offset;
    },
    indexMap(from, to) {
      const key = `${from.ident}\u0000${to.ident}`;
      const known = maps.get(key);
      if (known !== undefined) return known;
      const positions = from.elements.map((e) => positionIn(to, e));
      if (positions.some((p) => p < 0)) return undefined;
      const offset = points.length;
      points.push(...positions);
      maps.set(key, offset);
      return offset;
    },
    dimension: (ident) => dimensions.get(ident),
    elementId(name) {
      if (!ids.has(name)) ids.set(name, ids.size);
      return ids.get(name)!;
    },
    elementIds(d) {
      const known = idTables.get(d.ident);
      if (known !== undefined) return known;
      const offset = points.length;
      for (const e of d.elements) {
        if (!ids.has(e)) ids.set(e, ids.size);
        points.push(ids.get(e)!);
      }
      idTables.set(d.ident, offset);
      return offset;
    },
    numbers(values) {
      const offset = points.length;
      for (const x of values) points.push(x);
      return offset;
    },
    stockBase: FIXED_SLOTS,
    stocks,
    slotCount: () => next,
    tables: () => Float64Array.from(points),
  };
}
