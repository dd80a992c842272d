import { error, fail, ok, warning } from '@sluice/ir';
import type { Aux, Diagnostic, Equation, Expr, Flow, Model, Project, Result, Stock, Variable } from '@sluice/ir';
import { add, call, num, ref } from './expr-build.js';

/**
 * Pass: each Stella conveyor becomes an ordinary stock whose flows read a belt kept by the run
 * (`codegen/conveyor-belts.ts`):
 *
 * - a hidden auxiliary `#conveyor_<k>` = `#CONVEYOR(k, stock, transit time, arrest, has outflow,
 *   leak specs)`: the rate leaving the end of the belt this DT;
 * - the conveyor's outflow (the one outflow that is not a leak) = that auxiliary;
 * - leak j = `#CONVEYOR_LEAK(k, j, #conveyor_<k>)`, its own equation (the leak fraction) moved
 *   into the leak specs;
 * - inflow j = `#CONVEYOR_INFLOW(k, j, its equation, inflow limit, capacity, #conveyor_<k>)`.
 *
 * The stock then integrates inflows minus outflow and leaks, which is exactly what the belt
 * holds. It is no longer non-negative: the belt never holds less than nothing, and a cut would
 * fight it.
 */
export function lowerConveyors(project: Project): Result<Project> {
  const diagnostics: Diagnostic[] = [];
  let next = 0;
  const models = project.models.map((m) => {
    if (!m.variables.some((v) => v.kind === 'stock' && v.conveyor)) return m;
    return lowerModel(m, () => next++, diagnostics);
  });
  if (diagnostics.length > 0) return fail(diagnostics);
  const warnings: Diagnostic[] = [];
  if (next > 0 && project.simSpecs.method !== 'euler') {
    // The belt moves once per DT; a Runge-Kutta stage at the end of the step moves it there and
    // records the stage's inflows, which differ from Euler's when the inflow varies in the step.
    warnings.push(warning('conveyor-method', `conveyors are computed in Euler steps, as Stella does; with ${project.simSpecs.method} the other stocks are integrated by it`));
  }
  return ok({ ...project, models }, warnings);
}

function lowerModel(model: Model, number: () => number, diagnostics: Diagnostic[]): Model {
  const replaced = new Map<string, Variable>();
  const hidden: Variable[] = [];
  const byIdent = new Map(model.variables.map((v) => [v.ident, v] as const));
  const inflows: (() => void)[] = [];
  for (const s of model.variables) {
    if (s.kind !== 'stock' || !s.conveyor) continue;
    const c = s.conveyor;
    const refuse = (why: string): void => {
      diagnostics.push(error('unsupported', `conveyor '${s.name}': ${why}`, s.loc, s.name));
    };
    if (s.dimensions?.length) {
      refuse('arrayed conveyors are not compiled yet');
      continue;
    }
    if (c.discrete) {
      refuse('discrete conveyors are not compiled yet');
      continue;
    }
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
      if (f.dimensions?.length || f.elements) {
        refuse(`its flow '${f.name}' is arrayed`);
        return undefined;
      }
      return f;
    };
    const k = number();
    const beltIdent = `#conveyor_${k}`;
    const belt = ref(beltIdent, beltIdent, undefined, s.loc);
    const expr = (e: Equation | undefined, otherwise: number): Expr => e?.expr ?? num(otherwise);

    let specs: Expr = num(0);
    leaks.forEach((l, j) => {
      const spec = call('#CONVEYOR_LEAK_SPEC', [num(k), num(j), expr(l.fraction, 0), num(l.zoneStart ?? 0), num(l.zoneEnd ?? 1), num(l.linear === false ? 0 : 1)]);
      specs = j === 0 ? spec : add(specs, spec);
      const f = flowOf(l.flow);
      if (f) replaced.set(f.ident, withEquation(f, call('#CONVEYOR_LEAK', [num(k), num(j), belt])));
    });
    s.inflows.forEach((ident, j) => {
      if (!flowOf(ident)) return;
      // Wrapped last: an inflow that is another conveyor's outflow wraps that conveyor's belt.
      inflows.push(() => {
        const f = replaced.get(ident) ?? byIdent.get(ident);
        const value = f?.kind === 'flow' ? f.equation?.expr : undefined;
        if (f?.kind !== 'flow' || !value) return; // left for resolution to report
        const args = [num(k), num(j), value, expr(c.inflowLimit, Infinity), expr(c.capacity, Infinity), belt];
        replaced.set(f.ident, withEquation(f, call('#CONVEYOR_INFLOW', args)));
      });
    });
    const outflow = outflows[0] !== undefined ? flowOf(outflows[0]) : undefined;
    if (outflow) replaced.set(outflow.ident, withEquation(outflow, belt));

    const initial = ref(s.ident, s.name, undefined, s.loc);
    const beltCall = call('#CONVEYOR', [num(k), initial, expr(c.transitTime, NaN), expr(c.arrest, 0), num(outflows.length), specs], s.loc);
    const aux: Aux = { kind: 'aux', name: beltIdent, ident: beltIdent, hidden: true, equation: { text: c.transitTime.text, expr: beltCall } };
    if (s.loc) aux.loc = s.loc;
    hidden.push(aux);
    const { conveyor: _lowered, ...stock } = s;
    replaced.set(s.ident, { ...stock, nonNegative: false } satisfies Stock);
  }
  for (const wrap of inflows) wrap();
  return { ...model, variables: [...model.variables.map((v) => replaced.get(v.ident) ?? v), ...hidden] };
}

function withEquation(f: Flow, expr: Expr): Flow {
  const equation: Equation = { text: f.equation?.text ?? '', expr };
  if (f.equation?.loc) equation.loc = f.equation.loc;
  // The belt decides these flows; a uniflow clamp would only repeat what it does.
  return { ...f, equation, nonNegative: false };
}
