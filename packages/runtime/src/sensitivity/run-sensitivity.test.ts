import { describe, expect, it } from 'vitest';
import type { Project } from '@sluice/ir';
import { parseSluice } from '@sluice/language';
import { compile } from '@sluice/compiler';
import { simulate } from '../simulate.js';
import { prepareBatch } from './run-batch.js';
import { runSensitivity } from './run-sensitivity.js';
import { formatBandsCsv, percentileBands } from './summary.js';

const DECAY = `
sim start 0 stop 4 dt 0.5 save_step 1 method euler
stock Level = Initial_Level
  outflow Drain
flow Drain = Level / Drain_Time
const Initial_Level = 100
const Drain_Time = 2
aux Noise = RANDOM_UNIFORM(0, 1, 0)
`;

function project(text: string): Project {
  const p = parseSluice(text, { file: 'decay.sluice' });
  if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('; '));
  return p.value;
}

describe('sensitivity runs', () => {
  it('give each run exactly what simulate gives for the same constants and seed', async () => {
    const p = project(DECAY);
    const r = await runSensitivity(p, {
      runs: 5,
      vary: [
        { name: 'Initial Level', distribution: { kind: 'uniform', min: 50, max: 150 } },
        { name: 'drain_time', distribution: { kind: 'triangular', min: 1, mode: 2, max: 4 } },
      ],
      outputs: ['Level', 'Drain', 'Noise'],
      seed: 11,
      workers: 1,
    });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    const { values, samples, times, runs } = r.value;
    expect(Array.from(times)).toEqual([0, 1, 2, 3, 4]);
    expect(r.value.outputs).toEqual(['Level', 'Drain', 'Noise']);
    const compiled = compile(p);
    if (!compiled.ok) throw new Error('compile');
    for (let i = 0; i < runs; i++) {
      const one = simulate(compiled.value, {
        overrides: { Initial_Level: samples[i * 2]!, Drain_Time: samples[i * 2 + 1]! },
        vars: ['Level', 'Drain', 'Noise'],
        seed: 11 + i,
      });
      if (!one.ok) throw new Error('simulate');
      one.value.columns.forEach((col, o) => {
        for (let row = 0; row < times.length; row++) expect(values[o]![row * runs + i]).toBe(col.values[row]);
      });
    }
    // The level starts at its sampled initial value.
    for (let i = 0; i < runs; i++) expect(values[0]![i]).toBe(samples[i * 2]);
  });

  it('give percentile bands per output and saved time', async () => {
    const r = await runSensitivity(project(DECAY), {
      runs: 4,
      vary: [{ name: 'Initial_Level', distribution: { kind: 'uniform', min: 0, max: 400 } }],
      outputs: ['Level'],
      workers: 1,
    });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    const b = percentileBands(r.value, [0, 50, 100]);
    const initial = Array.from(r.value.samples).sort((a, b) => a - b);
    // At time 0 the level is the sample itself: four Latin hypercube strata of [0, 400).
    expect(b.bands[0]![0]).toEqual([initial[0], (initial[1]! + initial[2]!) / 2, initial[3]]);
    initial.forEach((x, k) => expect(Math.floor(x / 100)).toBe(k));
    const csv = formatBandsCsv(b).split('\n');
    expect(csv[0]).toBe('time,Level p0,Level p50,Level p100');
    expect(csv[1]).toBe(`0,${initial[0]},${(initial[1]! + initial[2]!) / 2},${initial[3]}`);
    expect(csv.length).toBe(1 + 5 + 1);
  });

  it('report names that are not constants, and bad counts, as diagnostics', async () => {
    const bad = await runSensitivity(project(DECAY), {
      runs: 3,
      vary: [{ name: 'Drain', distribution: { kind: 'uniform', min: 0, max: 1 } }],
      outputs: ['Nope'],
      workers: 1,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.diagnostics.map((d) => d.code).sort()).toEqual(['bad-override', 'unknown-variable']);
    const zero = await runSensitivity(project(DECAY), {
      runs: 0,
      vary: [
        { name: 'Drain_Time', distribution: { kind: 'uniform', min: 1, max: 2 } },
        { name: 'drain time', distribution: { kind: 'uniform', min: 1, max: 2 } },
      ],
      outputs: ['Level'],
    });
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.diagnostics.map((d) => d.code)).toEqual(['bad-runs', 'duplicate-input']);
  });

  it('prepareBatch writes one run after another, each run output by output', () => {
    const compiled = compile(project(DECAY));
    if (!compiled.ok) throw new Error('compile');
    const b = prepareBatch(compiled.value, { inputs: ['Drain_Time'], outputs: ['Level', 'Drain'], seed: 1 });
    if (!b.ok) throw new Error('prepare');
    const out = new Float64Array(2 * 2 * 5);
    b.value.run(Float64Array.of(2, 4), 0, 2, out);
    // Euler with dt 0.5 multiplies the level by (1 - 0.5 / T) per step, two steps per saved time.
    const level = (T: number, t: number) => 100 * Math.pow(1 - 0.5 / T, 2 * t);
    expect(out[0]).toBe(100);
    expect(out[4]).toBeCloseTo(level(2, 4), 12);
    expect(out[5 + 1]).toBeCloseTo(level(2, 1) / 2, 12);
    expect(out[10 + 3]).toBeCloseTo(level(4, 3), 12);
    expect(out[15 + 0]).toBe(25);
  });
});
