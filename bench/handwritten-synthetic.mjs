#!/usr/bin/env node
// The synthetic model (../shared/bench/gen-synthetic.mjs N M) written by hand over flat
// Float64Arrays: the speed a compiler could reach, for the "within 1.5x of hand-written" target.
// Same equations, same order of arithmetic and Euler with the generator's defaults (0 to 100,
// dt 0.25, save every 1), every variable stored at every saved time as `sluice run` does.
//
//   node bench/handwritten-synthetic.mjs N M [runs]   time it against Sluice and check the numbers
import { fileURLToPath } from 'node:url';
import { median, ms, syntheticModel } from './models.mjs';

const START = 0;
const STOP = 100;
const DT = 0.25;
const SAVE_EVERY = 4;
const CROWDING_X = [0, 0.5, 1, 1.5, 2, 4];
const CROWDING_Y = [1.2, 1.05, 0.8, 0.5, 0.3, 0.1];

function crowdingEffect(x) {
  const n = CROWDING_X.length;
  if (x <= CROWDING_X[0]) return CROWDING_Y[0];
  if (x >= CROWDING_X[n - 1]) return CROWDING_Y[n - 1];
  let i = 1;
  while (CROWDING_X[i] < x) i++;
  const x0 = CROWDING_X[i - 1];
  const y0 = CROWDING_Y[i - 1];
  return y0 + ((x - x0) * (CROWDING_Y[i] - y0)) / (CROWDING_X[i] - x0);
}

/** Build the model for N regions and M cohorts; `run()` returns every saved series. */
export function handwrittenSynthetic(N, M) {
  // Constants exactly as the generator prints them.
  const capacity = Float64Array.from({ length: N }, (_, i) => Number((1e5 * (1 + (i % 7) * 0.1)).toFixed(1)));
  const birthRate = Float64Array.from({ length: N }, (_, i) => Number((0.03 + (i % 5) * 0.002).toFixed(4)));
  const deathRate = Float64Array.from({ length: M }, (_, i) => Number((0.002 + (0.004 * i * i) / Math.max(1, M)).toFixed(5)));
  const cohortDuration = 5;
  const migrationCoefficient = 0.02;
  const smoothingTime = 3;
  const policyStart = 40;
  const policyEffect = 0.8;
  const steps = Math.round((STOP - START) / DT);
  const rows = Math.floor(steps / SAVE_EVERY) + 1;
  const NM = N * M;

  const population = new Float64Array(NM);
  const agingOut = new Float64Array(NM);
  const deaths = new Float64Array(NM);
  const inflow = new Float64Array(NM);
  const migration = new Float64Array(NM);
  const total = new Float64Array(N);
  const crowding = new Float64Array(N);
  const effect = new Float64Array(N);
  const births = new Float64Array(N);
  const smoothed = new Float64Array(N);
  const attractiveness = new Float64Array(N);
  // Saved values, one block per variable, [row][element].
  const saved = {
    population: new Float64Array(rows * NM),
    agingOut: new Float64Array(rows * NM),
    deaths: new Float64Array(rows * NM),
    inflow: new Float64Array(rows * NM),
    migration: new Float64Array(rows * NM),
    total: new Float64Array(rows * N),
    crowding: new Float64Array(rows * N),
    effect: new Float64Array(rows * N),
    births: new Float64Array(rows * N),
    smoothed: new Float64Array(rows * N),
    attractiveness: new Float64Array(rows * N),
    averageAttractiveness: new Float64Array(rows),
    world: new Float64Array(rows),
  };

  /** The auxiliaries of one region from its populations. */
  function regionAux(r) {
    let s = 0;
    for (let a = 0; a < M; a++) s += population[r * M + a];
    total[r] = s;
    crowding[r] = s / capacity[r];
    effect[r] = crowdingEffect(crowding[r]);
    births[r] = s * birthRate[r] * effect[r];
    attractiveness[r] = 1 / (1 + Math.max(0, crowding[r]));
  }

  function run() {
    population.fill(1000);
    for (let r = 0; r < N; r++) regionAux(r);
    smoothed.set(births);
    for (let n = 0; ; n++) {
      const t = START + n * DT;
      const policy = t > policyStart ? policyEffect : 1;
      let sumAttr = 0;
      for (let r = 0; r < N; r++) {
        regionAux(r);
        sumAttr += attractiveness[r];
      }
      const avg = sumAttr / N;
      let world = 0;
      for (let r = 0; r < N; r++) {
        world += total[r];
        const gap = Math.min(1, Math.max(-1, attractiveness[r] - avg));
        for (let a = 0; a < M; a++) {
          const i = r * M + a;
          const p = population[i];
          agingOut[i] = p / cohortDuration;
          deaths[i] = p * deathRate[a] * policy;
          migration[i] = migrationCoefficient * p * gap;
        }
        inflow[r * M] = smoothed[r];
        for (let a = 1; a < M; a++) inflow[r * M + a] = agingOut[r * M + a - 1];
      }
      if (n % SAVE_EVERY === 0) {
        const row = n / SAVE_EVERY;
        saved.population.set(population, row * NM);
        saved.agingOut.set(agingOut, row * NM);
        saved.deaths.set(deaths, row * NM);
        saved.inflow.set(inflow, row * NM);
        saved.migration.set(migration, row * NM);
        saved.total.set(total, row * N);
        saved.crowding.set(crowding, row * N);
        saved.effect.set(effect, row * N);
        saved.births.set(births, row * N);
        saved.smoothed.set(smoothed, row * N);
        saved.attractiveness.set(attractiveness, row * N);
        saved.averageAttractiveness[row] = avg;
        saved.world[row] = world;
      }
      if (n >= steps) break;
      for (let i = 0; i < NM; i++) population[i] += DT * (inflow[i] - agingOut[i] - deaths[i] + migration[i]);
      for (let r = 0; r < N; r++) smoothed[r] += DT * ((births[r] - smoothed[r]) / smoothingTime);
    }
    return saved;
  }
  return { run, rows };
}

async function main() {
  const N = Number(process.argv[2] ?? 100);
  const M = Number(process.argv[3] ?? 10);
  const runs = Number(process.argv[4] ?? 5);
  const model = handwrittenSynthetic(N, M);
  const { loadModelFile } = await import('@sluice/cli');
  const { compile } = await import('@sluice/compiler');
  const { simulate } = await import('@sluice/runtime');
  const project = loadModelFile(syntheticModel(N, M));
  const compiled = project.ok && compile(project.value);
  if (!compiled || !compiled.ok) throw new Error('Sluice could not compile the synthetic model');

  // Two untimed runs each first: this compares steady states, not V8's warm-up. Then the
  // timed runs alternate so a change in machine load hits both. The hand-written model keeps
  // its result arrays from run to run, so Sluice writes into its previous result (`into`) too.
  // Runs into new buffers are timed apart, after (their garbage would land in the others' times).
  let saved;
  let previous;
  for (let i = 0; i < 2; i++) {
    saved = model.run();
    previous = simulate(compiled.value).value;
  }
  const hand = [];
  const sluice = [];
  const fresh = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    saved = model.run();
    hand.push(performance.now() - t);
    t = performance.now();
    simulate(compiled.value, { into: previous });
    sluice.push(performance.now() - t);
  }
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    simulate(compiled.value);
    fresh.push(performance.now() - t);
  }
  const h = median(hand);
  const s = median(sluice);
  const f = median(fresh);
  console.log(
    `${N}x${M}: hand-written ${ms(h)} ms, Sluice ${ms(s)} ms per run (medians of ${runs}, every variable stored); Sluice / hand-written ${(s / h).toFixed(2)}; ` +
      `Sluice into new buffers ${ms(f)} ms (${(f / h).toFixed(2)})`,
  );

  // The same numbers as Sluice, or this is not a fair yardstick.
  const probes = [
    ['world population', saved.world, 0],
    ['average attractiveness', saved.averageAttractiveness, 0],
    [`population[R${N},A${M}]`, saved.population, N * M - 1, N * M],
    ['smoothed births[R1]', saved.smoothed, 0, N],
    [`net migration by age[R2,A3]`, saved.migration, M + 2, N * M],
  ];
  const result = simulate(compiled.value, { vars: probes.map((p) => p[0]) });
  if (!result.ok) throw new Error(result.diagnostics[0].message);
  let worst = 0;
  probes.forEach(([name, series, offset, width = 1], k) => {
    const values = result.value.columns[k].values;
    for (let row = 0; row < model.rows; row++) {
      const a = series[row * width + offset];
      const b = values[row];
      worst = Math.max(worst, Math.abs(a - b) / Math.max(1e-300, Math.abs(a), Math.abs(b)));
    }
    console.log(`  ${name} at t=100: hand-written ${series[(model.rows - 1) * width + offset]}, Sluice ${values[model.rows - 1]}`);
  });
  console.log(`  largest relative difference over every saved time: ${worst.toExponential(2)}`);
  if (worst > 1e-9) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
