import { fail, ok, type Result } from '@sluice/ir';
import { createHelpers, SLOT_DT, SLOT_START, SLOT_STOP, SLOT_TIME, type CompiledModel } from '@sluice/compiler';
import { makeIntegrator } from '../integrate.js';
import { seededRandom } from '../random.js';
import { planRun, type RunPlan } from '../run-plan.js';

/** What every run of a sensitivity batch shares: the inputs varied and the outputs kept. */
export interface BatchSpec {
  /** Constants set from each run's sample, in sample order. */
  inputs: string[];
  /** Variables kept from each run. */
  outputs: string[];
  /** Random builtins of run i use seed + i, so a run's draws do not depend on who runs it. */
  seed: number;
}

/** Run `count` samples (`samples[i * inputs + d]`) and write each one's outputs into `out`. */
export type BatchRunner = (samples: Float64Array, first: number, count: number, out: Float64Array) => void;

export interface PreparedBatch {
  run: BatchRunner;
  /** Saved times (rows); identical for every run. */
  times: Float64Array;
  /** Display names of the kept outputs. */
  names: string[];
}

/**
 * Check the names once and return a runner that repeats `simulate`'s run loop for many
 * samples without re-resolving names (which costs more than a whole run of a mid-sized model).
 * Output layout for the `count` runs written: `out[(k * outputs + c) * rows + row]` for the k-th
 * run of the call, so one run's values are contiguous and can be streamed back as they finish.
 * The loop must stay step for step the one in `simulate.ts`; a test holds the two equal.
 */
export function prepareBatch(model: CompiledModel, spec: BatchSpec): Result<PreparedBatch> {
  const overrides: Record<string, number> = {};
  for (const name of spec.inputs) overrides[name] = 0;
  const { plan, diagnostics } = planRun(model, { overrides, vars: spec.outputs });
  if (!plan) return fail(diagnostics);
  if (plan.overrides.length !== spec.inputs.length) return fail(diagnostics);
  const inputSlots = Int32Array.from(plan.overrides, (o) => o.slot);
  const times = new Float64Array(plan.rows);
  for (let k = 0; k < plan.rows; k++) times[k] = plan.start + k * plan.saveStep;
  return ok({ run: runner(model, plan, inputSlots, spec.seed), times, names: plan.columns.map((c) => c.name) }, diagnostics);
}

function runner(model: CompiledModel, plan: RunPlan, inputSlots: Int32Array, seed: number): BatchRunner {
  const { start, dt, steps, saveEvery, rows } = plan;
  const slots = Int32Array.from(plan.columns, (c) => c.slot);
  const dims = inputSlots.length;
  const v = new Float64Array(model.slotCount);
  const r = new Float64Array(model.stockCount);
  const g = model.tables;
  return (samples, first, count, out) => {
    for (let k = 0; k < count; k++) {
      const i = first + k;
      // Helpers hold delay histories and the random stream: fresh for every run, as in simulate.
      const h = createHelpers({ start, dt, steps, delays: model.delayCount, random: seededRandom(seed + i) });
      const integrate = makeIntegrator(model, plan.method, h);
      v.fill(0);
      r.fill(0);
      v[SLOT_TIME] = start;
      v[SLOT_DT] = dt;
      v[SLOT_START] = start;
      v[SLOT_STOP] = plan.stop;
      for (const c of model.constants) v[c.slot] = c.value;
      for (let d = 0; d < dims; d++) v[inputSlots[d]!] = samples[i * dims + d]!;
      model.initial(v, g, h);
      const base = k * slots.length * rows;
      for (let n = 0; ; n++) {
        const t = start + n * dt;
        v[SLOT_TIME] = t;
        model.step(v, g, h);
        model.rates(v, r, g, h);
        if (n % saveEvery === 0) {
          const row = n / saveEvery;
          for (let c = 0; c < slots.length; c++) out[base + c * rows + row] = v[slots[c]!]!;
        }
        if (n >= steps) break;
        model.afterStep(v, g, h);
        integrate(v, r, t, dt);
      }
    }
  };
}
