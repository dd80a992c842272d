import type { CompiledModel, Helpers } from '@sluice/compiler';
import { SLOT_TIME } from '@sluice/compiler';

/**
 * One integration method: advance the stocks from time t (where `step` and `rates` have
 * already run and `r` holds the rates) to t + dt. Scratch arrays are made once per run.
 */
export type Integrator = (v: Float64Array, r: Float64Array, t: number, dt: number) => void;

export function makeIntegrator(model: CompiledModel, method: CompiledModel['method'], h: Helpers): Integrator {
  const base = model.stockBase;
  const n = model.stockCount;
  const g = model.tables;
  if (method === 'euler') {
    return (v, r, _t, dt) => {
      for (let i = 0; i < n; i++) v[base + i] += dt * r[i]!;
    };
  }
  const y0 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  // Rates at a trial state: the stocks set to y0 + c * k, the clock at t + c * dt.
  const stage = (v: Float64Array, k: Float64Array, c: number, t: number, dt: number, out: Float64Array): void => {
    for (let i = 0; i < n; i++) v[base + i] = y0[i]! + c * dt * k[i]!;
    v[SLOT_TIME] = t + c * dt;
    model.evaluate(v, out, g, h);
  };
  if (method === 'rk2') {
    // Heun's method: the average of the slopes at both ends of the step.
    return (v, r, t, dt) => {
      for (let i = 0; i < n; i++) y0[i] = v[base + i]!;
      stage(v, r, 1, t, dt, k2);
      for (let i = 0; i < n; i++) v[base + i] = y0[i]! + (dt / 2) * (r[i]! + k2[i]!);
    };
  }
  return (v, r, t, dt) => {
    for (let i = 0; i < n; i++) y0[i] = v[base + i]!;
    stage(v, r, 0.5, t, dt, k2);
    stage(v, k2, 0.5, t, dt, k3);
    stage(v, k3, 1, t, dt, k4);
    for (let i = 0; i < n; i++) v[base + i] = y0[i]! + (dt / 6) * (r[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!);
  };
}
