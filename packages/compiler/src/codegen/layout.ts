import type { GraphicalFunction, GraphicalFunctionType, Variable } from '@sluice/ir';
import type { Node } from '../graph/nodes.js';
import { FIXED_SLOTS } from './compiled-model.js';

export interface TablePlace {
  offset: number;
  count: number;
  type: GraphicalFunctionType;
}

/**
 * Where every value lives. One Float64Array holds the clock, then all stocks side by side (so
 * integration is a loop over one slice), then every other node, then scratch slots. A variable
 * is a base slot plus its size; today every node has size 1, and arrays will take a row-major
 * block of slots at the same place.
 */
export interface Layout {
  slotOf(n: Node): number;
  tableOf(v: Variable): TablePlace;
  /** A fresh slot for intermediate values (a non-negative stock's cut flows). */
  scratch(): number;
  stockBase: number;
  stocks: Node[];
  slotCount(): number;
  tables(): Float64Array;
}

export function layOut(nodes: readonly Node[], tableVariables: Iterable<Variable>): Layout {
  const slots = new Map<Node, number>();
  let next = FIXED_SLOTS;
  const stocks = nodes.filter((n) => n.role === 'stock');
  for (const n of stocks) slots.set(n, next++);
  for (const n of nodes) if (!slots.has(n)) slots.set(n, next++);

  const points: number[] = [];
  const places = new Map<Variable, TablePlace>();
  const place = (v: Variable, gf: GraphicalFunction): void => {
    const count = Math.min(gf.xs.length, gf.ys.length);
    places.set(v, { offset: points.length, count, type: gf.type });
    for (let i = 0; i < count; i++) points.push(gf.xs[i]!);
    for (let i = 0; i < count; i++) points.push(gf.ys[i]!);
  };
  for (const v of tableVariables) if (v.gf) place(v, v.gf);
  for (const n of nodes) if (n.variable.gf && !places.has(n.variable)) place(n.variable, n.variable.gf);

  return {
    slotOf(n) {
      const s = slots.get(n);
      if (s === undefined) throw new Error('internal: node without a slot');
      return s;
    },
    tableOf(v) {
      const p = places.get(v);
      if (!p) throw new Error('internal: graphical function without a table');
      return p;
    },
    scratch: () => next++,
    stockBase: FIXED_SLOTS,
    stocks,
    slotCount: () => next,
    tables: () => Float64Array.from(points),
  };
}
