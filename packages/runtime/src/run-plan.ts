import { canonicalName, error, type Diagnostic, type IntegrationMethod } from '@sluice/ir';
import type { CompiledModel } from '@sluice/compiler';
import type { RunResult } from './run-result.js';
import { slotRuns, type SlotRuns } from './saved-rows.js';

export interface SimulateOptions {
  /** New values for constants (by display name or ident, any case, spaces or underscores). */
  overrides?: Record<string, number>;
  start?: number;
  stop?: number;
  dt?: number;
  saveStep?: number;
  method?: IntegrationMethod;
  /** Variables to report (same matching as overrides); all visible variables when absent. */
  vars?: string[];
  /** Seed for random builtins, so runs repeat exactly. */
  seed?: number;
  /**
   * A result an earlier `simulate` of this model returned with the same columns and saved
   * times: it is written over and returned, instead of new buffers being allocated (as a
   * calibration loop or a benchmark repeating runs wants).
   */
  into?: RunResult;
}

/** At most this many integration steps per run: more is almost surely a mistaken DT. */
export const MAX_STEPS = 10_000_000;
/** At most this many saved numbers (rows times columns) per run. */
export const MAX_SAVED_VALUES = 200_000_000;

/** Steps that land within this fraction of DT of a multiple count as that multiple. */
const GRID_SLACK = 1e-6;

/** Everything a run needs, checked before the first step. */
export interface RunPlan {
  start: number;
  stop: number;
  dt: number;
  method: IntegrationMethod;
  /** Integration steps taken (the run visits steps + 1 times). */
  steps: number;
  /** Save every `saveEvery` steps; saved row k is at time start + k * saveStep. */
  saveEvery: number;
  saveStep: number;
  rows: number;
  /** Overridden constants: slot and value. */
  overrides: { slot: number; value: number }[];
  /** Reported columns (shared between runs: not to be changed). */
  columns: readonly { name: string; ident: string; slot: number }[];
  /** The columns' slots, as runs of consecutive slots. */
  runs: SlotRuns;
}

const METHODS: readonly IntegrationMethod[] = ['euler', 'rk2', 'rk4'];

interface ModelNames {
  byName: Map<string, { name: string; ident: string; slot: number }>;
  constants: Map<string, { slot: number }>;
  /** An arrayed variable's elements by the variable's name, so `vars` and overrides can name the whole array. */
  elements: Map<string, { name: string; ident: string; slot: number }[]>;
  constantElements: Map<string, { slot: number }[]>;
  /** Every output as a column: what a run that names no variables reports. */
  all: RunPlan['columns'];
  allRuns: SlotRuns;
}

// canonicalName (regular expressions, NFC) over every output cost more than a small model's
// run; a compiled model's outputs and constants never change, so their names are read once.
const namesCache = new WeakMap<CompiledModel, ModelNames>();

function namesOf(model: CompiledModel): ModelNames {
  const known = namesCache.get(model);
  if (known) return known;
  const byName = new Map<string, { name: string; ident: string; slot: number }>();
  for (const o of model.outputs) {
    byName.set(o.ident, o);
    byName.set(canonicalName(o.name), o);
  }
  const constants = new Map<string, { slot: number }>();
  for (const c of model.constants) {
    constants.set(c.ident, c);
    constants.set(canonicalName(c.name), c);
  }
  const all = model.outputs.map((o) => ({ name: o.name, ident: o.ident, slot: o.slot }));
  const elements = groupByArray(model.outputs);
  const constantElements = groupByArray(model.constants);
  const names = { byName, constants, elements, constantElements, all, allRuns: slotRuns(all.map((o) => o.slot)) };
  namesCache.set(model, names);
  return names;
}

/** `name[e1,e2]` grouped under `name`: the elements of each arrayed variable. */
function groupByArray<T extends { name: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const open = item.name.indexOf('[');
    if (open <= 0 || !item.name.endsWith(']')) continue;
    const key = canonicalName(item.name.slice(0, open));
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  return groups;
}

function wholeSteps(span: number, step: number): number {
  const x = span / step;
  const r = Math.round(x);
  return Math.abs(x - r) <= GRID_SLACK * Math.max(1, Math.abs(r)) ? r : Math.floor(x);
}

export function planRun(model: CompiledModel, options: SimulateOptions): { plan?: RunPlan; diagnostics: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const specs = model.simSpecs;
  const start = options.start ?? specs.start;
  const stop = options.stop ?? specs.stop;
  const dt = options.dt ?? specs.dt;
  const method = options.method ?? model.method;
  const saveStep = options.saveStep ?? specs.saveStep ?? dt;
  // The timing's place in the file, unless the caller replaced the timing.
  const at = options.start === undefined && options.stop === undefined && options.dt === undefined ? specs.loc : undefined;
  const saveAt = options.saveStep === undefined ? at : undefined;

  if (![start, stop, dt, saveStep].every(Number.isFinite)) diags.push(error('bad-time', 'start, stop, dt and save step must be finite numbers', saveAt));
  else {
    if (!(dt > 0)) diags.push(error('bad-dt', `dt must be positive, not ${dt}`, at));
    else if (!(saveStep > 0)) diags.push(error('bad-save-step', `save step must be positive, not ${saveStep}`, saveAt));
    if (stop < start) diags.push(error('bad-time', `stop time ${stop} is before start time ${start}`, at));
  }
  if (!METHODS.includes(method)) diags.push(error('unknown-method', `unknown integration method '${String(method)}'`, options.method === undefined ? specs.loc : undefined));
  if (diags.length) return { diagnostics: diags };

  const steps = wholeSteps(stop - start, dt);
  if (steps > MAX_STEPS) {
    return { diagnostics: [error('too-many-steps', `the run would take ${steps} steps (more than ${MAX_STEPS}); use a larger dt`, at)] };
  }
  // Saving happens on integration steps, so the save step is rounded to a multiple of dt.
  const saveEvery = Math.max(1, Math.round(saveStep / dt));
  const warnings: Diagnostic[] = [];
  let effectiveSave = saveStep;
  if (Math.abs(saveEvery * dt - saveStep) > GRID_SLACK * saveStep) {
    effectiveSave = saveEvery * dt;
    warnings.push({ ...error('save-step-rounded', `save step ${saveStep} is not a multiple of dt ${dt}; saving every ${effectiveSave}`), severity: 'warning' });
  }
  const rows = Math.floor(steps / saveEvery) + 1;

  const { byName, constants, elements, constantElements } = namesOf(model);

  const overrides: RunPlan['overrides'] = [];
  for (const [name, value] of Object.entries(options.overrides ?? {})) {
    const key = canonicalName(name);
    // An arrayed constant named without subscripts takes the value in every element.
    const targets = constants.has(key) ? [constants.get(key)!] : (constantElements.get(key) ?? []);
    if (targets.length === 0) {
      const known = byName.has(key) || elements.has(key);
      const why = model.fixedConstants.includes(key)
        ? `'${name}' sets the order of a delay or smooth, fixed when the model is compiled: change it in the model instead`
        : known ? `'${name}' is not a constant, so it cannot be overridden` : `cannot override unknown variable '${name}'`;
      diags.push(error('bad-override', why));
    } else if (typeof value !== 'number') diags.push(error('bad-override', `the override of '${name}' is not a number`));
    else for (const c of targets) overrides.push({ slot: c.slot, value });
  }

  let columns: RunPlan['columns'] = namesOf(model).all;
  if (options.vars) {
    const chosen: { name: string; ident: string; slot: number }[] = [];
    for (const name of options.vars) {
      const key = canonicalName(name);
      const o = byName.get(key);
      const all = o ? [o] : (elements.get(key) ?? []);
      for (const e of all) chosen.push({ name: e.name, ident: e.ident, slot: e.slot });
      if (all.length === 0) diags.push(error('unknown-variable', `no variable '${name}' to report`));
    }
    columns = chosen;
  }

  if (rows * (columns.length + 1) > MAX_SAVED_VALUES) {
    diags.push(error('too-many-values', `the run would save ${rows} rows of ${columns.length} variables; use a larger save step or fewer variables`, saveAt));
  }
  if (diags.length) return { diagnostics: diags };
  const runs = options.vars ? slotRuns(columns.map((c) => c.slot)) : namesOf(model).allRuns;
  return { plan: { start, stop, dt, method, steps, saveEvery, saveStep: effectiveSave, rows, overrides, columns, runs }, diagnostics: warnings };
}
