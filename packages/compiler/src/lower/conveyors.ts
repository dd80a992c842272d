import { canonicalName, error, fail, ok, warning } from '@sluice/ir';
import type { Aux, Diagnostic, Dimension, Equation, Expr, Flow, Model, Project, Result, Stock, Variable } from '@sluice/ir';
import { add, call, mul, num, ref, sub } from './expr-build.js';
import { lowerQueues, type ConveyorFeed } from './queues.js';

/**
 * Pass: each Stella conveyor becomes an ordinary stock whose flows read a belt kept by the run
 * (`codegen/conveyor-belts.ts`); then each queue likewise (`queues.ts`):
 *
 * - a hidden auxiliary `#conveyor_<k>` = `#CONVEYOR(id, stock, transit time, arrest, has outflow,
 *   leak specs, discrete)`: the rate leaving the end of the belt this DT;
 * - the conveyor's outflow (the one outflow that is not a leak) = that auxiliary;
 * - leak j = `#CONVEYOR_LEAK(id, j, #conveyor_<k>)`, its own equation (the leak fraction) moved
 *   into the leak specs;
 * - inflow j = `#CONVEYOR_INFLOW(id, j, its equation, inflow limit, capacity, #conveyor_<k>)`.
 *
 * An arrayed conveyor (apply-to-all) is one belt per element: the auxiliary and the flows are
 * arrayed like the stock, and `id` is the conveyor's first belt number plus the element's
 * row-major offset, written with the dimensions' positions so each element reads its own belt
 * (transit time, capacity, leak fraction per element as their equations give them).
 *
 * The stock then integrates inflows minus outflow and leaks, which is exactly what the belt
 * holds. It is no longer non-negative: the belt never holds less than nothing, and a cut would
 * fight it.
 */
export function lowerConveyors(project: Project): Result<Project> {
  const diagnostics: Diagnostic[] = [];
  let next = 0;
  let queues = 0;
  const dims = new Map(project.dimensions.map((d) => [d.ident, d] as const));
  const models = project.models.map((m) => {
    const lowered = m.variables.some((v) => v.kind === 'stock' && v.conveyor) ? lowerModel(m, dims, (size) => (next += size) - size, diagnostics) : { model: m, feeds: new Map<string, ConveyorFeed>() };
    const q = lowerQueues(lowered.model, lowered.feeds, () => queues++, diagnostics);
    return q;
  });
  if (diagnostics.length > 0) return fail(diagnostics);
  const warnings: Diagnostic[] = [];
  if ((next > 0 || queues > 0) && project.simSpecs.method !== 'euler') {
    // The belt moves once per DT; a Runge-Kutta stage at the end of the step moves it there and
    // records the stage's inflows, which differ from Euler's when the inflow varies in the step.
    warnings.push(warning('conveyor-method', `conveyors and queues are computed in Euler steps, as Stella does; with ${project.simSpecs.method} the other stocks are integrated by it`));
  }
  return ok({ ...project, models }, warnings);
}

/** Where an arrayed conveyor's elements are: dimension idents and row-major strides. */
interface Shape {
  dims: Dimension[];
  strides: number[];
  size: number;
}

function shapeOf(names: string[] | undefined, dims: Map<string, Dimension>): Shape | undefined {
  const found = (names ?? []).map((n) => dims.get(canonicalName(n)));
  if (found.some((d) => !d || d.elements.length === 0)) return undefined;
  const list = found as Dimension[];
  const strides = list.map((_, k) => list.slice(k + 1).reduce((n, d) => n * d.elements.length, 1));
  return { dims: list, strides, size: list.reduce((n, d) => n * d.elements.length, 1) };
}

/** The belt number of the element an apply-to-all equation is at: `first` plus its offset. */
function beltIdAt(first: number, shape: Shape): Expr {
  let id: Expr = num(first);
  shape.dims.forEach((d, k) => {
    id = add(id, mul(sub(ref(d.ident, d.name), num(1)), num(shape.strides[k]!)));
  });
  return id;
}

/** The belt number of one named element, or undefined if a subscript is not an element. */
function beltIdOf(first: number, shape: Shape, subscripts: string[]): number | undefined {
  if (subscripts.length !== shape.dims.length) return undefined;
  let id = first;
  for (let k = 0; k < subscripts.length; k++) {
    const at = shape.dims[k]!.elements.findIndex((e) => canonicalName(e) === canonicalName(subscripts[k]!));
    if (at < 0) return undefined;
    id += at * shape.strides[k]!;
  }
  return id;
}

const sameDims = (a: string[] | undefined, b: string[] | undefined): boolean =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((d, i) => canonicalName(d) === canonicalName(b![i]!));

function lowerModel(model: Model, dims: Map<string, Dimension>, number: (size: number) => number, diagnostics: Diagnostic[]): { model: Model; feeds: Map<string, ConveyorFeed> } {
  const replaced = new Map<string, Variable>();
  const hidden: Variable[] = [];
  const feeds = new Map<string, ConveyorFeed>();
  const byIdent = new Map(model.variables.map((v) => [v.ident, v] as const));
  const inflows: (() => void)[] = [];
  for (const s of model.variables) {
    if (s.kind !== 'stock' || !s.conveyor) continue;
    const c = s.conveyor;
    const refuse = (why: string): void => {
      diagnostics.push(error('unsupported', `conveyor '${s.name}': ${why}`, s.loc, s.name));
    };
    const arrayed = (s.dimensions?.length ?? 0) > 0;
    const shape = arrayed ? shapeOf(s.dimensions, dims) : { dims: [], strides: [], size: 1 };
    if (!shape) continue; // an unknown dimension: resolution reports it at the stock
    const leaks = c.leaks ?? [];
    const leakIdents = new Set(leaks.map((l) => l.flow));
    const outflows = s.outflows.filter((f) => !leakIdents.has(f));
    if (outflows.length > 1) {
      refuse(`it has ${outflows.length} outflows that are not leaks (a conveyor has one)`);
      continue;
    }
    const flowOf = (ident: string): Flow | undefined => {
      const f = byIdent.get(ident);
      if (f?.kind !== 'flow') return undefined;
      if (!sameDims(f.dimensions, s.dimensions)) {
        refuse(arrayed ? `its flow '${f.name}' is not arrayed like the conveyor (${(s.dimensions ?? []).join(', ')})` : `its flow '${f.name}' is arrayed`);
        return undefined;
      }
      return f;
    };
    // A leak's fraction moves into the belt's one equation, which cannot differ per element.
    const perElement = leaks.map((l) => flowOf(l.flow)).find((f) => f?.elements);
    if (perElement) {
      refuse(`its leak '${perElement.name}' has an equation per element; give it one for all elements`);
      continue;
    }
    const first = number(shape.size);
    const id = arrayed ? beltIdAt(first, shape) : num(first);
    const beltIdent = `#conveyor_${first}`;
    const belt = ref(beltIdent, beltIdent, undefined, s.loc);
    const expr = (e: Equation | undefined, otherwise: number): Expr => e?.expr ?? num(otherwise);
    const limit = expr(c.inflowLimit, Infinity);
    const capacity = expr(c.capacity, Infinity);

    let specs: Expr = num(0);
    leaks.forEach((l, j) => {
      const spec = call('#CONVEYOR_LEAK_SPEC', [id, num(j), expr(l.fraction, 0), num(l.zoneStart ?? 0), num(l.zoneEnd ?? 1), num(l.linear === false ? 0 : 1)]);
      specs = j === 0 ? spec : add(specs, spec);
      const f = flowOf(l.flow);
      if (f) replaced.set(f.ident, withEquation(f, call('#CONVEYOR_LEAK', [id, num(j), belt])));
    });
    s.inflows.forEach((ident, j) => {
      if (!flowOf(ident)) return;
      feeds.set(ident, { id, j, limit, capacity, belt, batchIntegrity: c.batchIntegrity === true, oneAtATime: c.oneAtATime === true, arrayed });
      // Wrapped last: an inflow that is another conveyor's outflow wraps that conveyor's belt.
      inflows.push(() => {
        const f = replaced.get(ident) ?? byIdent.get(ident);
        if (f?.kind !== 'flow') return;
        const wrap = (value: Expr, at: Expr): Expr => call('#CONVEYOR_INFLOW', [at, num(j), value, limit, capacity, belt]);
        if (f.elements) {
          const elements = f.elements.map((el) => {
            const at = beltIdOf(first, shape, el.subscripts);
            if (at === undefined || !el.equation.expr) return el; // left for resolution to report
            return { ...el, equation: { ...el.equation, expr: wrap(el.equation.expr, num(at)) } };
          });
          replaced.set(f.ident, { ...f, elements, nonNegative: false });
          return;
        }
        const value = f.equation?.expr;
        if (!value) return; // left for resolution to report
        replaced.set(f.ident, withEquation(f, wrap(value, id)));
      });
    });
    const outflow = outflows[0] !== undefined ? flowOf(outflows[0]) : undefined;
    if (outflow) replaced.set(outflow.ident, withEquation(outflow, belt));

    const initial = ref(s.ident, s.name, undefined, s.loc);
    const beltCall = call('#CONVEYOR', [id, initial, expr(c.transitTime, NaN), expr(c.arrest, 0), num(outflows.length), specs, num(c.discrete ? 1 : 0)], s.loc);
    const aux: Aux = { kind: 'aux', name: beltIdent, ident: beltIdent, hidden: true, equation: { text: c.transitTime.text, expr: beltCall } };
    if (arrayed) aux.dimensions = [...(s.dimensions ?? [])];
    if (s.loc) aux.loc = s.loc;
    hidden.push(aux);
    const { conveyor: _lowered, ...stock } = s;
    replaced.set(s.ident, { ...stock, nonNegative: false } satisfies Stock);
  }
  for (const wrap of inflows) wrap();
  return { model: { ...model, variables: [...model.variables.map((v) => replaced.get(v.ident) ?? v), ...hidden] }, feeds };
}

/** The flow with one equation for all its elements (an outflow or leak the belt decides). */
export function withEquation(f: Flow, expr: Expr): Flow {
  const equation: Equation = { text: f.equation?.text ?? '', expr };
  if (f.equation?.loc) equation.loc = f.equation.loc;
  const { elements: _perElement, ...rest } = f;
  // The belt decides these flows; a uniflow clamp would only repeat what it does.
  return { ...rest, equation, nonNegative: false };
}
