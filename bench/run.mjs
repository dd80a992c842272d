#!/usr/bin/env node
// Sluice's speed over the benchmark suite: parse, compile and run times, steps, variables and
// peak memory per model, written to bench/results.md. Each model is measured in a child process
// of its own, so its peak resident memory is its own and one model's garbage does not slow the
// next. Every run stores every variable at every saved time, as `sluice run` does.
//
//   node bench/run.mjs [--only NAME] [--runs-scale X]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_DIR, machineLine, median, ms, suiteModels } from './models.mjs';

if (process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]));
else await main();

async function child(path, runs) {
  const { loadModelFile } = await import('@sluice/cli');
  const { compile } = await import('@sluice/compiler');
  const { simulate } = await import('@sluice/runtime');
  let t = performance.now();
  const project = loadModelFile(path);
  const parseMs = performance.now() - t;
  if (!project.ok) throw new Error(`${path}: ${project.diagnostics[0].message}`);
  t = performance.now();
  const compiled = compile(project.value);
  const compileMs = performance.now() - t;
  if (!compiled.ok) throw new Error(`${path}: ${compiled.diagnostics[0].message}`);
  const times = [];
  let variables = 0;
  let rows = 0;
  let last;
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    const r = simulate(compiled.value);
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(`${path}: ${r.diagnostics[0].message}`);
    variables = r.value.columns.length;
    rows = r.value.times.length;
    last = r.value;
  }
  // A run keeps its rows as it saved them; a column is gathered when first read. Reading every
  // column of the last run once shows that cost (a CSV of every variable pays it), and leaves
  // both buffers in the peak memory.
  t = performance.now();
  let valuesRead = 0;
  for (const c of last.columns) valuesRead += c.values.length;
  const readAllMs = performance.now() - t;
  const { start, stop, dt } = compiled.value.simSpecs;
  const report = {
    parseMs,
    compileMs,
    runMs: { median: median(times), min: Math.min(...times), max: Math.max(...times) },
    readAllMs,
    valuesRead,
    steps: Math.round((stop - start) / dt),
    variables,
    rows,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(report) + '\n');
}

async function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const scale = args.includes('--runs-scale') ? Number(args[args.indexOf('--runs-scale') + 1]) : 1;
  const lines = [
    '| model | parse ms | compile ms | run ms (median) | runs | reading every column once ms | steps | variables | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const m of suiteModels()) {
    if (only && !m.name.includes(only)) continue;
    const runs = Math.max(1, Math.round(m.runs * scale));
    process.stderr.write(`${m.name}: ${runs} runs...\n`);
    const r = spawnSync(process.execPath, ['--max-old-space-size=6144', fileURLToPath(import.meta.url), '--child', m.path, String(runs)], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) {
      lines.push(`| ${m.name} | failed: ${(r.stderr.trim().split('\n').find((l) => l.includes('Error')) ?? r.stderr.trim()).slice(0, 120)} ||||||`);
      continue;
    }
    const x = JSON.parse(r.stdout);
    lines.push(`| ${m.name} | ${ms(x.parseMs)} | ${ms(x.compileMs)} | ${ms(x.runMs.median)} | ${runs} | ${ms(x.readAllMs)} | ${x.steps} | ${x.variables} | ${x.peakRssMB.toFixed(0)} |`);
    process.stderr.write(`  ${lines.at(-1)}\n`);
  }
  const text = `# Sluice benchmark results\n\nMeasured ${await machineLine()}.\nEvery run stores every variable at every saved time, into new buffers; run times include V8's warm-up\n(no untimed runs). Peak RSS includes every column of the last run read once.\n\n${lines.join('\n')}\n`;
  writeFileSync(join(BENCH_DIR, 'results.md'), text);
  process.stdout.write(text);
}
