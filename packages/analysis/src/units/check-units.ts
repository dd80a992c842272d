import { canonicalFunctionName, type Model, type Project, type SourceLoc, type Variable } from '@sluice/ir';
import { inferUnits, type InferEnv, type UnitMismatch } from './infer-units.js';
import { formatUnit, multiply, sameUnit, type Unit } from './unit.js';
import { unitContext } from './unit-context.js';

/** One unit problem: where, in which variable, and both sides' units. */
export interface UnitFinding {
  variable: string;
  message: string;
  loc?: SourceLoc;
}

/**
 * Check every equation of the main model against its declared units: an equation's inferred
 * unit must equal the variable's; `+`, `-`, comparisons and MIN/MAX need one unit on both
 * sides; a stock's flows must carry the stock's unit per time unit. Variables without units
 * are skipped (nothing to check against), never guessed.
 */
export function checkUnits(project: Project, model: Model = project.models[0] ?? { variables: [] }): UnitFinding[] {
  const ctx = unitContext(project);
  const declared = new Map<string, Unit>();
  const findings: UnitFinding[] = [];
  for (const v of model.variables) {
    if (!v.units || v.units.trim() === '') continue;
    const u = ctx.parse(v.units);
    if (u) declared.set(v.ident, u);
    else findings.push(finding(v, `cannot read the units "${v.units}"`));
  }
  const byIdent = new Map(model.variables.map((v) => [v.ident, v]));
  const tables = new Map<string, Unit>();
  for (const v of model.variables) {
    const u = declared.get(v.ident);
    if (v.gf && u) tables.set(canonicalFunctionName(v.ident), u);
  }
  for (const v of model.variables) {
    const want = declared.get(v.ident);
    const env: InferEnv = {
      unitOf: (name) => declared.get(name),
      tableUnit: (fn) => tables.get(fn),
      time: ctx.time,
      report: (m: UnitMismatch) => findings.push(at(v, m.message, m.loc)),
    };
    const check = (expr: Parameters<typeof inferUnits>[0] | null | undefined, what: string, expected: Unit | undefined, loc?: SourceLoc) => {
      if (!expr) return;
      const got = inferUnits(expr, env);
      if (!expected || got.kind !== 'unit' || v.gf) return;
      if (!sameUnit(got.unit, expected)) {
        findings.push(at(v, `${what} of ${v.name} has units ${formatUnit(got.unit)} but ${v.name} is declared in ${formatUnit(expected)}`, loc));
      }
    };
    if (v.kind === 'stock') {
      check(v.equation?.expr, 'the initial value', want, v.equation?.loc);
      const rate = want && ctx.time ? multiply(want, ctx.time, -1) : undefined;
      check(v.netFlow?.expr, 'the net flow', rate, v.netFlow?.loc);
      for (const f of [...v.inflows, ...v.outflows]) {
        const flow = byIdent.get(f);
        const fu = declared.get(f);
        if (!flow || !fu || !rate) continue;
        if (!sameUnit(fu, rate)) {
          findings.push(
            at(v, `flow ${flow.name} has units ${formatUnit(fu)} but stock ${v.name} (${formatUnit(want!)}) needs ${formatUnit(rate)}`, flow.loc),
          );
        }
      }
      continue;
    }
    check(v.equation?.expr, 'the equation', want, v.equation?.loc);
    for (const el of v.elements ?? []) check(el.equation.expr, `the equation for [${el.subscripts.join(', ')}]`, want, el.equation.loc);
  }
  return findings;
}

function finding(v: Variable, message: string): UnitFinding {
  const f: UnitFinding = { variable: v.name, message };
  if (v.loc) f.loc = v.loc;
  return f;
}

function at(v: Variable, message: string, loc: SourceLoc | undefined): UnitFinding {
  const f = finding(v, message);
  if (loc) f.loc = loc;
  return f;
}
