import type { Command } from 'commander';
import { compile } from '@sluice/compiler';
import { simulate } from '@sluice/runtime';
import { loadModelFile } from '../load/model-file.js';
import { parseNumberOption, reportDiagnostics, UsageError } from './report.js';

interface BenchFlags {
  runs: string;
  json?: boolean;
}

export interface BenchReport {
  compileMs: number;
  runMs: { median: number; min: number; max: number };
  /** Integration steps per run. */
  steps: number;
  /** Variables stored at every saved time. */
  variables: number;
}

export function registerBench(program: Command, exit: (code: number) => void): void {
  program
    .command('bench')
    .description('time compiling a model once and running it N times, storing every variable at every saved time')
    .argument('<model>', 'model file')
    .option('--runs <n>', 'number of timed runs', '20')
    .option('--json', 'print { compileMs, runMs: { median, min, max }, steps, variables } as JSON')
    .action((model: string, flags: BenchFlags) => exit(benchCommand(model, flags)));
}

function benchCommand(model: string, flags: BenchFlags): number {
  const runs = parseNumberOption(flags.runs, '--runs');
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs expects a whole number of at least 1, got "${flags.runs}"`);
  const project = loadModelFile(model);
  if (!project.ok) return reportDiagnostics(project.diagnostics, model);
  const t0 = performance.now();
  const compiled = compile(project.value);
  const compileMs = performance.now() - t0;
  if (!compiled.ok) return reportDiagnostics(compiled.diagnostics, model);
  const times: number[] = [];
  let variables = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = simulate(compiled.value);
    times.push(performance.now() - start);
    if (!result.ok) return reportDiagnostics(result.diagnostics, model);
    variables = result.value.columns.length;
  }
  const { start, stop, dt } = compiled.value.simSpecs;
  const report: BenchReport = {
    compileMs: round(compileMs),
    runMs: { median: round(median(times)), min: round(Math.min(...times)), max: round(Math.max(...times)) },
    steps: Math.round((stop - start) / dt),
    variables,
  };
  if (flags.json) process.stdout.write(JSON.stringify(report) + '\n');
  else {
    process.stdout.write(
      `compile ${report.compileMs} ms\n` +
        `run     ${report.runMs.median} ms median, ${report.runMs.min} min, ${report.runMs.max} max (${runs} runs)\n` +
        `${report.steps} steps, ${report.variables} variables stored at every saved time\n`,
    );
  }
  return 0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Milliseconds to the microsecond: finer digits are timer noise. */
function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
