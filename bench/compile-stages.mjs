#!/usr/bin/env node
// Compile time by stage for the synthetic models: read + Vensim parse, lowering, graph (tables,
// dimensions, name resolution), code generation (ordering, layout, emitting source) and
// `new Function` on the generated source. Each size runs in a child process of its own so the
// first (cold) compile is really cold; the same compile is then repeated to show warm times.
// Stages are timed in CPU milliseconds (process.cpuUsage, user + system, every thread of the
// process): on a shared, loaded machine wall time says more about the neighbours than the code.
//
//   node bench/compile-stages.mjs [--sizes 100x10,300x20,1000x20,2000x20] [--repeat N]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { machineLine, ms, syntheticModel } from './models.mjs';

const STAGES = ['parse', 'lower', 'graph', 'codegen', 'function'];

if (process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]));
else await main();

async function child(path, repeat) {
  const { importVensim } = await import('@sluice/vensim');
  const { lowerProject } = await import('@sluice/compiler');
  // Stage entry points are not part of the package's API: import them from its build output.
  const dist = new URL('../packages/compiler/dist/', import.meta.url);
  const { checkTables } = await import(new URL('graph/tables.js', dist).href);
  const { dimensionTable } = await import(new URL('graph/dimensions.js', dist).href);
  const { resolveModel } = await import(new URL('graph/resolve.js', dist).href);
  const { generateProgram } = await import(new URL('codegen/program.js', dist).href);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const rounds = [];
  for (let r = 0; r < repeat; r++) {
    const wall0 = performance.now();
    const t = { start: cpu() };
    const project = importVensim(readFileSync(path, 'utf8'));
    if (!project.ok) throw new Error(project.diagnostics[0].message);
    t.parse = cpu();
    const lowered = lowerProject(project.value);
    if (!lowered.ok) throw new Error(lowered.diagnostics[0].message);
    t.lower = cpu();
    const diags = [];
    const flat = lowered.value;
    checkTables(flat.models[0].variables, diags);
    const dims = dimensionTable(flat.dimensions, diags);
    const resolved = resolveModel(flat.models[0].variables, dims, flat.dialect, diags);
    t.graph = cpu();
    const compiled = generateProgram(flat, resolved, flat.simSpecs.method, diags);
    if (!compiled) throw new Error(diags[0]?.message ?? 'no program');
    t.codegen = cpu();
    const wall = performance.now() - wall0;
    // generateProgram already called new Function once; time it again on the same source to
    // split its share out of the codegen figure.
    const s = compiled.source;
    for (const [params, body] of [[['v', 'g', 'h'], s.initial], [['v', 'g', 'h'], s.step], [['v', 'r', 'g', 'h'], s.rates]]) {
      new Function(...params, `'use strict';\n${body}`);
    }
    t.function = cpu();
    const stage = {};
    let prev = t.start;
    for (const k of STAGES) {
      stage[k] = t[k] - prev;
      prev = t[k];
    }
    stage.codegen -= stage.function;
    stage.total = t.codegen - t.start;
    stage.wall = wall;
    stage.values = compiled.slotCount;
    rounds.push(stage);
  }
  process.stdout.write(JSON.stringify({ rounds }) + '\n');
}

async function main() {
  const args = process.argv.slice(2);
  const sizes = (args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '100x10,300x20,1000x20,2000x20').split(',');
  const repeat = args.includes('--repeat') ? Number(args[args.indexOf('--repeat') + 1]) : 3;
  const lines = [
    '| model | slots | ' + STAGES.map((s) => `${s} ms`).join(' | ') + ' | total ms (cold) | total ms (warm, best) | warm µs per slot | wall ms (warm, best) |',
    '|---|---:|' + STAGES.map(() => '---:').join('|') + '|---:|---:|---:|---:|',
  ];
  for (const size of sizes) {
    const [n, m] = size.split('x').map(Number);
    const path = syntheticModel(n, m);
    const r = spawnSync(process.execPath, ['--max-old-space-size=6144', fileURLToPath(import.meta.url), '--child', path, String(repeat)], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) {
      lines.push(`| ${size} | failed: ${r.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 160)} |`);
      continue;
    }
    const { rounds } = JSON.parse(r.stdout);
    const warm = rounds.length > 1 ? rounds.slice(1) : rounds;
    const best = warm.reduce((a, b) => (b.total < a.total ? b : a));
    const values = best.values;
    lines.push(
      `| synthetic ${size} | ${Math.round(values).toLocaleString('en')} | ` +
        STAGES.map((s) => `${ms(best[s])}`).join(' | ') +
        ` | ${ms(rounds[0].total)} | ${ms(best.total)} | ${((best.total * 1000) / values).toFixed(1)} | ${ms(best.wall)} |`,
    );
    process.stderr.write(`${lines.at(-1)}\n`);
  }
  process.stdout.write(`Measured ${await machineLine()}. CPU ms (all threads); stages are from the best warm round.\n\n${lines.join('\n')}\n`);
}
