#!/usr/bin/env node
// Sluice against SDEverywhere on the same Vensim models, in one process: the same number of runs
// of each, interleaved so a change in machine load hits both, every variable stored at every
// saved time by both. Prints compile and run times and the ratio Sluice / SDEverywhere.
// SDEverywhere lives in bench/sdeverywhere (its own npm project, installed here if missing).
//
//   node bench/compare-sde.mjs [--only NAME] [--runs-scale X]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, machineLine, median, ms, suiteModels } from './models.mjs';

const SDE_DIR = join(BENCH_DIR, 'sdeverywhere');
/** Untimed runs of each engine before the timed ones: as many as the timed ones, and at least this many. */
const WARM_UP = 3;
const BUILD_DIR = join(SDE_DIR, 'build');

if (!existsSync(join(SDE_DIR, 'node_modules/@sdeverywhere/compile'))) {
  process.stderr.write('installing SDEverywhere into bench/sdeverywhere...\n');
  execFileSync('npm', ['install', '--prefix', SDE_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
// Resolve SDEverywhere from its own folder, not from the Sluice workspace.
const sdeRequire = createRequire(join(SDE_DIR, 'package.json'));
const sdeCompile = await import(pathToFileURL(sdeRequire.resolve('@sdeverywhere/compile')).href);
const sdeRuntime = await import(pathToFileURL(sdeRequire.resolve('@sdeverywhere/runtime')).href);
const { loadModelFile } = await import('@sluice/cli');
const { compile } = await import('@sluice/compiler');
const { simulate } = await import('@sluice/runtime');

/** Parse and generate SDEverywhere's JavaScript for a .mdl file, then load it as a module. */
async function sdeBuild(path) {
  const text = readFileSync(path, 'utf8');
  const t = performance.now();
  sdeCompile.resetState();
  const parsed = sdeCompile.parseModel(text, 'vensim', dirname(path));
  const code = sdeCompile.generateCode(parsed, {
    spec: {},
    operations: ['generateJS'],
    extData: new Map(),
    directData: new Map(),
    modelDirname: dirname(path),
  });
  const compileMs = performance.now() - t;
  mkdirSync(BUILD_DIR, { recursive: true });
  const file = join(BUILD_DIR, basename(path).replace(/\.mdl$/, '.js'));
  writeFileSync(file, code);
  const mod = await import(`${pathToFileURL(file).href}?t=${Date.now()}`);
  const model = await mod.default();
  const runner = sdeRuntime.createSynchronousModelRunner(model);
  return { compileMs, runner, outputs: runner.createOutputs(), model };
}

function sluiceBuild(path) {
  const t = performance.now();
  const project = loadModelFile(path);
  if (!project.ok) throw new Error(project.diagnostics[0].message);
  const compiled = compile(project.value);
  if (!compiled.ok) throw new Error(compiled.diagnostics[0].message);
  return { compileMs: performance.now() - t, model: compiled.value };
}

/** Both engines' value of a variable at the final time, by SDEverywhere's id of it. */
function finalValues(sde, sluiceResult) {
  const out = [];
  for (const col of sluiceResult.columns) {
    const id = '_' + col.name.toLowerCase().replace(/\s+/g, '_').replace(/\[([^\]]*)\]/, (_, s) => '[' + s.split(',').map((e) => '_' + e.trim()).join(',') + ']');
    const series = sde.outputs.getSeriesForVar(id);
    if (series) out.push([col.name, col.values.at(-1), series.points.at(-1).y]);
  }
  return out;
}

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const scale = args.includes('--runs-scale') ? Number(args[args.indexOf('--runs-scale') + 1]) : 1;
const lines = [
  '| model | Sluice compile ms | SDE compile ms | Sluice run ms | SDE run ms | run ratio Sluice/SDE | Sluice into new buffers ms (ratio) | variables (Sluice / SDE) | checked |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---|',
];
for (const m of suiteModels()) {
  if (!m.vensim || (only && !m.name.includes(only))) continue;
  const runs = Math.max(1, Math.round(m.runs * scale));
  process.stderr.write(`${m.name}: ${runs} runs each...\n`);
  const sde = await sdeBuild(m.path);
  const sl = sluiceBuild(m.path);
  // Untimed warm-up runs of both first, so the medians compare optimised code, not V8's tiers.
  // SDEverywhere writes every run into the outputs it made once; Sluice likewise writes into
  // its previous result (`into`). Then, apart (their garbage would land in the others' times),
  // Sluice's runs into new buffers.
  let result = simulate(sl.model).value;
  for (let i = 0; i < Math.max(WARM_UP, runs); i++) {
    simulate(sl.model, { into: result });
    sde.runner.runModelSync([], sde.outputs);
  }
  const sdeTimes = [];
  const slTimes = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const r = simulate(sl.model, { into: result });
    slTimes.push(performance.now() - t);
    if (!r.ok) throw new Error(r.diagnostics[0].message);
    t = performance.now();
    sde.runner.runModelSync([], sde.outputs);
    sdeTimes.push(performance.now() - t);
  }
  const freshTimes = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    simulate(sl.model);
    freshTimes.push(performance.now() - t);
  }
  // Agreement: every variable both engines name the same way, at the final time.
  const finals = finalValues(sde, result);
  const worst = finals.reduce((w, [, a, b]) => Math.max(w, Math.abs(a - b) / Math.max(1e-300, Math.abs(a), Math.abs(b))), 0);
  const slRun = median(slTimes);
  const sdeRun = median(sdeTimes);
  const fresh = median(freshTimes);
  lines.push(
    `| ${m.name}, ${runs} runs | ${ms(sl.compileMs)} | ${ms(sde.compileMs)} | ${ms(slRun)} | ${ms(sdeRun)} | ${(slRun / sdeRun).toFixed(2)} | ${ms(fresh)} (${(fresh / sdeRun).toFixed(2)}) | ${result.columns.length} / ${sde.model.outputVarIds.length} | ${finals.length} vars, max rel diff ${worst.toExponential(1)} |`,
  );
  process.stderr.write(`  ${lines.at(-1)}\n`);
  await sde.runner.terminate();
  // Written after every model: SDEverywhere's compile of the largest models can take an hour.
  await writeResults();
}
process.stdout.write(await writeResults());

async function writeResults() {
  const text = `# Sluice and SDEverywhere\n\nMeasured ${await machineLine()}.\nInterleaved runs after as many untimed ones of each (at least ${WARM_UP}), every variable stored by both (each writing into the\nbuffers of its previous run); medians. Compile is parse + generate, and includes each engine's first-use warm-up.\n\n${lines.join('\n')}\n`;
  writeFileSync(join(BENCH_DIR, 'sde-results.md'), text);
  return text;
}
