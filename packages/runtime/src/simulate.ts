import { error, fail, ok, type Result } from '@sluice/ir';
import { createHelpers, type Helpers, SLOT_DT, SLOT_START, SLOT_STOP, SLOT_TIME, type CompiledModel } from '@sluice/compiler';
import { makeIntegrator, type Integrator } from './integrate.js';
import { seededRandom } from './random.js';
import { SavedRows } from './saved-rows.js';
import { planRun, type RunPlan, type SimulateOptions } from './run-plan.js';

import { SavedColumn, SavedTable, SimulatedRun, type RunResult, type SavedStorage } from './run-result.js';

export type { RunColumn, RunResult } from './run-result.js';

/** Runs without a seed repeat exactly too: they all use this one. */
export const DEFAULT_SEED = 1;

/** State arrays not in use, per model (taken out during a run, so a run never shares them). */
const spare = new WeakMap<CompiledModel, { v: Float64Array; r: Float64Array }>();

/** Whether `into` was made by a run of this model with these columns and as many rows. */
function sameShape(into: RunResult, s: SavedStorage | undefined, model: CompiledModel, plan: RunPlan): s is SavedStorage {
  if (!s || s.model !== model || into.times.length !== plan.rows || s.columns.length !== plan.columns.length) return false;
  return s.columns === plan.columns || s.columns.every((c, i) => c.slot === plan.columns[i]!.slot);
}

/**
 * Run a compiled model. Row k of the result is time start + k * saveStep, and holds the stocks
 * at that time and the flows and auxiliaries computed from them (flows after any non-negative
 * cut). Every time is computed from its step number, never accumulated.
 */
export function simulate(model: CompiledModel, options: SimulateOptions = {}): Result<RunResult> {
  const { plan, diagnostics } = planRun(model, options);
  if (!plan) return fail(diagnostics);
  const { start, dt, steps, rows } = plan;
  const into = options.into;
  const reused = into ? SimulatedRun.storageOf(into) : undefined;
  if (into && !sameShape(into, reused, model, plan)) {
    return fail([...diagnostics, error('bad-into', 'the result to write into comes from another model, other variables or other times')]);
  }

  // The state arrays of the model's previous run, cleared: a typed array of more than a few
  // numbers is allocated outside the heap, which cost more than a small model's run.
  const state = spare.get(model) ?? { v: new Float64Array(model.slotCount), r: new Float64Array(model.stockCount) };
  spare.delete(model);
  const { v, r } = state;
  v.fill(0);
  r.fill(0);
  const g = model.tables;
  const h = createHelpers({ start, dt, steps, delays: model.delayCount, random: seededRandom(options.seed ?? DEFAULT_SEED) });
  const integrate = makeIntegrator(model, plan.method, h);

  v[SLOT_TIME] = start;
  v[SLOT_DT] = dt;
  v[SLOT_START] = start;
  v[SLOT_STOP] = plan.stop;
  const defaults = constantsOf(model);
  writeSlots(v, defaults.slots, defaults.values);
  for (const o of plan.overrides) v[o.slot] = o.value;
  model.initial(v, g, h);

  const times = into ? into.times : new Float64Array(rows);
  fillTimes(times, start, plan.saveStep);
  const saved = new SavedRows(plan.runs, reused ? reused.table.byRow : new Float64Array(rows * plan.columns.length));
  runSteps(model, plan, v, r, h, integrate, saved);
  spare.set(model, state);
  if (into && reused) {
    reused.table.refresh();
    return ok(into, diagnostics);
  }

  const table = new SavedTable(saved.values, rows, plan.columns.length);
  const columns = plan.columns.map((c, i) => new SavedColumn(c.name, c.ident, table, i));
  return ok(new SimulatedRun(times, columns, { model, columns: plan.columns, table }), diagnostics);
}

/** A model's constants as two arrays, made once: written at the start of every run. */
const constantArrays = new WeakMap<CompiledModel, { slots: Int32Array; values: Float64Array }>();

function constantsOf(model: CompiledModel): { slots: Int32Array; values: Float64Array } {
  let known = constantArrays.get(model);
  if (!known) {
    known = { slots: Int32Array.from(model.constants, (c) => c.slot), values: Float64Array.from(model.constants, (c) => c.value) };
    constantArrays.set(model, known);
  }
  return known;
}

// Loops of a run outside its steps are leaf functions too: in `simulate` itself, called once a
// run, V8 left them in its slower tiers for the first thousand runs or so (a small model ran at
// half speed until then); on their own they are optimised within a few runs.

function writeSlots(v: Float64Array, slots: Int32Array, values: Float64Array): void {
  for (let i = 0; i < slots.length; i++) v[slots[i]!] = values[i]!;
}

function fillTimes(times: Float64Array, start: number, saveStep: number): void {
  for (let k = 0; k < times.length; k++) times[k] = start + k * saveStep;
}

/**
 * The steps of a run, in a function of their own: V8 optimises it whole after the first run.
 * Inside `simulate` the loop was compiled on its own (on-stack replacement) and the code after
 * it, never run at that point, threw the optimised code away again at the end of every run.
 */
function runSteps(model: CompiledModel, plan: RunPlan, v: Float64Array, r: Float64Array, h: Helpers, integrate: Integrator, saved: SavedRows): void {
  const { evaluate, afterStep, keepsHistory, stockBase, stockCount, tables: g } = model;
  const { start, dt, steps, saveEvery } = plan;
  const euler = plan.method === 'euler';
  for (let n = 0, untilSave = 0; ; n++) {
    const t = start + n * dt;
    v[SLOT_TIME] = t;
    evaluate(v, r, g, h);
    if (untilSave === 0) {
      saved.save(v);
      untilSave = saveEvery;
    }
    untilSave--;
    if (n >= steps) break;
    if (keepsHistory) afterStep(v, g, h);
    // Euler inline: on a small model a function call costs as much as the step itself.
    if (euler) for (let i = 0; i < stockCount; i++) v[stockBase + i] += dt * r[i]!;
    else integrate(v, r, t, dt);
  }
}
