import { error, foldConstant, warning, type Diagnostic, type Equation, type Expr, type SimSpecs, type Variable } from '@sluice/ir';

/**
 * Vensim's simulation settings are ordinary variables (`INITIAL TIME`, `FINAL TIME`,
 * `TIME STEP`, `SAVEPER`) that any equation may read. Their initial values become the
 * `SimSpecs` numbers; an equation that is more than a number is kept in `SimSpecs.equations`.
 */
const CONTROLS = [
  ['start', 'initial_time', 0],
  ['stop', 'final_time', 100],
  ['dt', 'time_step', 1],
  ['saveStep', 'saveper', undefined],
] as const;

export function simSpecsOf(variables: Variable[], diagnostics: Diagnostic[]): SimSpecs {
  const byIdent = new Map(variables.map((v) => [v.ident, v]));
  const value = (ident: string, depth: number): number | undefined => {
    const v = byIdent.get(ident);
    if (!v?.equation?.expr || depth > 10 || v.kind === 'stock') return undefined;
    return foldConstant(v.equation.expr, (name) => value(name, depth + 1));
  };
  const specs: SimSpecs = { start: 0, stop: 100, dt: 1, method: 'euler' };
  const equations: NonNullable<SimSpecs['equations']> = {};
  for (const [field, ident, fallback] of CONTROLS) {
    const v = byIdent.get(ident);
    const n = value(ident, 0);
    if (n !== undefined) specs[field] = n;
    else if (fallback !== undefined) {
      specs[field] = fallback;
      if (!v) diagnostics.push(warning('missing-control', `the model does not define ${ident.replace(/_/g, ' ').toUpperCase()}; using ${fallback}`));
    }
    if (v?.equation?.expr && v.equation.expr.kind !== 'number') equations[field] = v.equation satisfies Equation;
  }
  if (specs.saveStep === undefined) specs.saveStep = specs.dt;
  checkTiming(specs, byIdent, diagnostics);
  if (Object.keys(equations).length > 0) specs.equations = equations;
  const timeUnits = byIdent.get('time_step')?.units ?? byIdent.get('final_time')?.units;
  if (timeUnits) specs.timeUnits = timeUnits;
  return specs;
}

/**
 * Timing no run can use is the file's mistake: report it at import, where it is written,
 * rather than when a run starts. TIME STEP's place also serves the run limits' errors.
 */
function checkTiming(specs: SimSpecs, byIdent: Map<string, Variable>, diagnostics: Diagnostic[]): void {
  const at = (ident: string) => byIdent.get(ident)?.equation?.loc ?? byIdent.get(ident)?.loc;
  const dtAt = at('time_step');
  if (dtAt) specs.loc = dtAt;
  const finite = (value: number, ident: string, name: string): boolean => {
    if (Number.isFinite(value)) return true;
    diagnostics.push(error('bad-time', `${name} must be a finite number, not ${value}`, at(ident), name));
    return false;
  };
  const startFinite = finite(specs.start, 'initial_time', 'INITIAL TIME');
  const stopFinite = finite(specs.stop, 'final_time', 'FINAL TIME');
  const dtFinite = finite(specs.dt, 'time_step', 'TIME STEP');
  if (dtFinite && !(specs.dt > 0)) diagnostics.push(error('bad-dt', `TIME STEP must be a positive number, not ${specs.dt}`, dtAt, 'TIME STEP'));
  const saveStep = specs.saveStep ?? specs.dt;
  // SAVEPER = TIME STEP (or no SAVEPER) shares TIME STEP's mistake, already reported above.
  const ownSave = byIdent.has('saveper') && !(Object.is(saveStep, specs.dt) && !(dtFinite && specs.dt > 0));
  if (ownSave && finite(saveStep, 'saveper', 'SAVEPER') && !(saveStep > 0)) {
    diagnostics.push(error('bad-save-step', `SAVEPER must be a positive number, not ${saveStep}`, at('saveper'), 'SAVEPER'));
  }
  if (startFinite && stopFinite && specs.stop < specs.start) {
    diagnostics.push(error('bad-time', `FINAL TIME ${specs.stop} is before INITIAL TIME ${specs.start}`, at('final_time') ?? at('initial_time'), 'FINAL TIME'));
  }
}
