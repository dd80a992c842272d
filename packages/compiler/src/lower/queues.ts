import { error } from '@sluice/ir';
import type { Aux, Diagnostic, Expr, Flow, Model, Stock, Variable } from '@sluice/ir';
import { call, num, ref } from './expr-build.js';

/** A conveyor inflow as conveyor lowering wrote it: what a queue upstream needs to feed it. */
export interface ConveyorFeed {
  /** The conveyor's belt number (for an arrayed conveyor, an expression of the element). */
  id: Expr;
  /** The flow's place among the conveyor's inflows. */
  j: number;
  limit: Expr;
  capacity: Expr;
  /** The conveyor's hidden belt auxiliary. */
  belt: Expr;
  batchIntegrity: boolean;
  oneAtATime: boolean;
  arrayed: boolean;
}

/**
 * Pass (after conveyors, `conveyors.ts`): each Stella queue becomes an ordinary stock whose flows
 * read a queue of batches kept by the run (`codegen/queues.ts`):
 *
 * - a hidden auxiliary `#queue_<k>` = `#QUEUE(k, stock)`: what the queue holds this DT;
 * - outflow j = `#QUEUE_OUTFLOW(k, j, want, room, whole, one, overflow, before)`, `want` its
 *   equation (everything, if it has none or it feeds a conveyor), `room` what the conveyor it
 *   feeds can accept (`#CONVEYOR_ROOM`; no limit otherwise), `before` the outflow before it (the
 *   queue's auxiliary for the first); an outflow into a conveyor is then that conveyor's inflow;
 * - inflow j = `#QUEUE_INFLOW(k, j, its equation, #queue_<k>)`.
 *
 * The stock integrates inflows minus outflows, which is what the batches add up to.
 */
export function lowerQueues(model: Model, feeds: Map<string, ConveyorFeed>, number: () => number, diagnostics: Diagnostic[]): Model {
  if (!model.variables.some((v) => v.kind === 'stock' && v.queue)) return model;
  const byIdent = new Map(model.variables.map((v) => [v.ident, v] as const));
  const replaced = new Map<string, Variable>();
  const hidden: Aux[] = [];
  const inflows: (() => void)[] = [];
  for (const s of model.variables) {
    if (s.kind !== 'stock' || !s.queue) continue;
    const refuse = (why: string): void => {
      diagnostics.push(error('unsupported', `queue '${s.name}': ${why}`, s.loc, s.name));
    };
    if (s.dimensions?.length) {
      refuse('arrayed queues are not compiled yet');
      continue;
    }
    const flows = [...s.inflows, ...s.outflows].map((ident) => replaced.get(ident) ?? byIdent.get(ident));
    const arrayed = flows.find((f) => f?.kind === 'flow' && (f.dimensions?.length || f.elements));
    if (arrayed) {
      refuse(`its flow '${arrayed.name}' is arrayed`);
      continue;
    }
    const k = number();
    const queueIdent = `#queue_${k}`;
    const queue = ref(queueIdent, queueIdent, undefined, s.loc);
    let before: Expr = queue;
    s.outflows.forEach((ident, j) => {
      const f = replaced.get(ident) ?? byIdent.get(ident);
      if (f?.kind !== 'flow') return; // left for resolution to report
      const original = byIdent.get(ident) as Flow;
      const feed = feeds.get(ident);
      if (feed?.arrayed) {
        refuse(`its outflow '${f.name}' feeds an arrayed conveyor`);
        return;
      }
      const overflow = original.extra?.overflow === true;
      const own = original.equation?.expr;
      const want = feed || overflow || !own ? num(Infinity) : own;
      const room = feed ? call('#CONVEYOR_ROOM', [feed.id, num(feed.j), feed.limit, feed.capacity, feed.belt]) : num(Infinity);
      const whole = num(feed?.batchIntegrity ? 1 : 0);
      const one = num(feed?.oneAtATime ? 1 : 0);
      const out = call('#QUEUE_OUTFLOW', [num(k), num(j), want, room, whole, one, num(overflow ? 1 : 0), before]);
      const expr = feed ? call('#CONVEYOR_INFLOW', [feed.id, num(feed.j), out, feed.limit, feed.capacity, feed.belt]) : out;
      replaced.set(ident, withExpr(f, expr));
      before = ref(f.ident, f.name, undefined, f.loc);
    });
    s.inflows.forEach((ident, j) => {
      // Wrapped last: an inflow that is another queue's outflow wraps that queue's call.
      inflows.push(() => {
        const f = replaced.get(ident) ?? byIdent.get(ident);
        const value = f?.kind === 'flow' ? f.equation?.expr : undefined;
        if (f?.kind !== 'flow' || !value) return; // left for resolution to report
        replaced.set(ident, withExpr(f, call('#QUEUE_INFLOW', [num(k), num(j), value, queue])));
      });
    });
    const aux: Aux = { kind: 'aux', name: queueIdent, ident: queueIdent, hidden: true, equation: { text: '', expr: call('#QUEUE', [num(k), ref(s.ident, s.name, undefined, s.loc)], s.loc) } };
    if (s.loc) aux.loc = s.loc;
    hidden.push(aux);
    const { queue: _lowered, ...stock } = s;
    replaced.set(s.ident, { ...stock, nonNegative: false } satisfies Stock);
  }
  for (const wrap of inflows) wrap();
  return { ...model, variables: [...model.variables.map((v) => replaced.get(v.ident) ?? v), ...hidden] };
}

function withExpr(f: Flow, expr: Expr): Flow {
  const equation = { text: f.equation?.text ?? '', expr, ...(f.equation?.loc ? { loc: f.equation.loc } : {}) };
  // The queue decides these flows and never makes them negative; a uniflow clamp adds nothing.
  return { ...f, equation, nonNegative: false };
}
