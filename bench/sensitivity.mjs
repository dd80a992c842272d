#!/usr/bin/env node
// Sensitivity runs of the children's social care model, as issue #8 states them: 10,000 runs,
// three inputs varied, two outputs kept, on 2 workers. Reports CPU time (process.cpuUsage,
// every thread of the process, workers included) next to wall time and the load average,
// because on a shared machine wall time mostly measures the neighbours. A second part splits
// the cost: one compile, then runs alone, then percentiles and CSV, in this thread.
//
//   node bench/sensitivity.mjs [--runs N] [--workers K] [--split-runs N]
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadModelFile } from '@sluice/cli';
import { compile } from '@sluice/compiler';
import { formatBandsCsv, parseDistribution, percentileBands, prepareBatch, runSensitivity, sampleInputs } from '@sluice/runtime';
import { machineLine, ms, REPO_DIR } from './models.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const runs = arg('--runs', 10_000);
const workers = arg('--workers', 2);
const splitRuns = arg('--split-runs', 2_000);

const MODEL = join(REPO_DIR, 'examples/childrens-social-care/childrens-social-care.sluice');
const VARY = [
  ['Contact_Growth', 'uniform(0,0.05)'],
  ['Policy_Start', 'uniform(96,120)'],
  ['Maximum_Caseload', 'triangular(12,16,20)'],
].map(([name, text]) => ({ name, distribution: parseDistribution(text).value }));
const OUTPUTS = ['Children_in_Care', 'Social_Workers'];

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const load = () => loadavg()[0].toFixed(1);

const project = loadModelFile(MODEL);
if (!project.ok) throw new Error(project.diagnostics[0].message);

// Part 1: the whole batch through the API, as `sluice sensitivity` runs it.
const loadBefore = load();
let c = cpu();
let t = performance.now();
const result = await runSensitivity(project.value, { runs, vary: VARY, outputs: OUTPUTS, workers });
if (!result.ok) throw new Error(result.diagnostics[0].message);
const batchCpu = cpu() - c;
const batchWall = performance.now() - t;
c = cpu();
t = performance.now();
const csv = formatBandsCsv(percentileBands(result.value));
const bandsCpu = cpu() - c;
const bandsWall = performance.now() - t;

// Part 2: where one thread's time goes, without workers.
c = cpu();
const compiled = compile(project.value);
if (!compiled.ok) throw new Error(compiled.diagnostics[0].message);
const batch = prepareBatch(compiled.value, { inputs: VARY.map((v) => v.name), outputs: OUTPUTS, seed: 1 });
if (!batch.ok) throw new Error(batch.diagnostics[0].message);
const compileCpu = cpu() - c;
const samples = sampleInputs('latin-hypercube', splitRuns, VARY.map((v) => v.distribution), 1);
const out = new Float64Array(splitRuns * batch.value.times.length * OUTPUTS.length);
batch.value.run(samples, 0, Math.min(200, splitRuns), out); // warm-up, not counted
c = cpu();
batch.value.run(samples, 0, splitRuns, out);
const perRunCpu = (cpu() - c) / splitRuns;

process.stdout.write(
  `Measured ${await machineLine()} (1-minute load ${loadBefore} before, ${load()} after).\n\n` +
    `| what | CPU ms | wall ms |\n|---|---:|---:|\n` +
    `| ${runs.toLocaleString('en')} runs on ${workers} workers (runSensitivity: start-up, compile per worker, runs, gathering) | ${ms(batchCpu)} | ${ms(batchWall)} |\n` +
    `| percentile bands and CSV (${csv.length.toLocaleString('en')} bytes) | ${ms(bandsCpu)} | ${ms(bandsWall)} |\n` +
    `| compile and prepare, this thread | ${ms(compileCpu)} | |\n` +
    `| one run, this thread (mean of ${splitRuns.toLocaleString('en')}, after 200 warm-up runs) | ${ms(perRunCpu)} | |\n` +
    `\nIdle-machine estimate on ${workers} cores: batch CPU / ${workers} + bands CPU = ${ms(batchCpu / workers + bandsCpu)} ms ` +
    `(the runs split evenly over the workers; the bands are computed after them, in one thread).\n`,
);
