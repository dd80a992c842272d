import type { Command } from 'commander';
import type { IntegrationMethod } from '@sluice/ir';
import { canonicalName, error } from '@sluice/ir';
import type { RunResult } from '@sluice/runtime';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { formatResults, type ResultFormat } from '../output/write-results.js';
import { runModelFile, type RunModelOptions } from '../run/run-model.js';
import { readScenarioFile } from '../scenarios/scenario-file.js';
import { collectAssignment, parseNumberOption, reportDiagnostics, splitList, UsageError } from './report.js';

interface RunFlags {
  format: string;
  output?: string;
  method?: string;
  start?: string;
  stop?: string;
  dt?: string;
  saveper?: string;
  set?: Record<string, number>;
  vars?: string;
  seed?: string;
  scenario?: string;
  maxBytes?: string;
  checkFinite?: boolean;
  data?: string[];
}

const METHODS = ['euler', 'rk2', 'rk4'];
const FORMATS = ['csv', 'tsv', 'json'];

export function registerRun(program: Command, exit: (code: number) => void): void {
  program
    .command('run')
    .description('simulate a model (.xmile, .stmx, .itmx, .mdl, .sluice) and print its results')
    .argument('<model>', 'model file')
    .option('-f, --format <format>', 'csv, tsv or json', 'csv')
    .option('-o, --output <file>', 'write results to a file instead of standard output')
    .option('--method <method>', 'integration method: euler, rk2 or rk4 (default: the model\'s)')
    .option('--start <time>', 'start time')
    .option('--stop <time>', 'stop time')
    .option('--dt <dt>', 'time step')
    .option('--saveper <interval>', 'interval between saved results')
    .option('--set <name=value>', 'override a constant (repeatable)', collectAssignment)
    .option('--vars <names>', 'comma-separated variables to store and print')
    .option('--seed <n>', 'seed for random functions, so a run is reproducible')
    .option('--scenario <file>', 'apply a scenario file\'s overrides (before any --set)')
    .option('--max-bytes <n>', 'refuse model and data files larger than this')
    .option('--check-finite', 'exit 1 naming the first saved time and variable whose value is NaN or infinite')
    .option(
      '--data <file>',
      'Vensim: a .tab/.csv run whose series fill the data variables, or a spreadsheet GET XLS/GET DIRECT functions may read from outside the model\'s folder (repeatable)',
      collectFile,
    )
    .action((model: string, flags: RunFlags) => exit(runCommand(model, flags)));
}

function collectFile(file: string, previous: string[] = []): string[] {
  return [...previous, file];
}

function runCommand(model: string, flags: RunFlags): number {
  if (!FORMATS.includes(flags.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (flags.method && !METHODS.includes(flags.method)) throw new UsageError(`--method must be one of ${METHODS.join(', ')}`);
  let overrides: Record<string, number> = {};
  if (flags.scenario) {
    const scenario = readScenarioFile(flags.scenario);
    if (!scenario.ok) return reportDiagnostics(scenario.diagnostics, flags.scenario);
    overrides = { ...scenario.value.overrides };
  }
  overrides = { ...overrides, ...(flags.set ?? {}) };
  const options: RunModelOptions = { overrides };
  if (flags.method) options.method = flags.method as IntegrationMethod;
  if (flags.start !== undefined) options.start = parseNumberOption(flags.start, '--start');
  if (flags.stop !== undefined) options.stop = parseNumberOption(flags.stop, '--stop');
  if (flags.dt !== undefined) options.dt = parseNumberOption(flags.dt, '--dt');
  if (flags.saveper !== undefined) options.saveStep = parseNumberOption(flags.saveper, '--saveper');
  if (flags.vars !== undefined) options.vars = splitList(flags.vars);
  if (flags.seed !== undefined) options.seed = parseNumberOption(flags.seed, '--seed');
  if (flags.maxBytes !== undefined) options.maxBytes = parseNumberOption(flags.maxBytes, '--max-bytes');
  if (flags.data) options.dataFiles = flags.data;
  const run = runModelFile(model, options);
  if (!run.ok) return reportDiagnostics(run.diagnostics, model);
  reportDiagnostics(run.warnings, model);
  const text = formatResults(run.value.result, flags.format as ResultFormat);
  if (flags.output) writeFileAtomic(flags.output, text);
  else process.stdout.write(text);
  if (flags.checkFinite) {
    const bad = firstNonFinite(run.value.result);
    if (bad) {
      // Point at the variable's equation: where a modeller looks for the division by zero.
      const base = canonicalName(bad.name.replace(/\[.*\]$/, ''));
      const v = run.value.project.models[0]?.variables.find((x) => x.ident === base);
      const loc = v?.equation?.loc ?? v?.loc ?? run.value.project.simSpecs.loc;
      return reportDiagnostics([error('non-finite', `'${bad.name}' became ${bad.value} at time ${bad.time}`, loc)], model);
    }
  }
  return 0;
}

/** The first saved time, and at that time the first variable in column order, that is not finite. */
export function firstNonFinite(result: RunResult): { name: string; time: number; value: number } | undefined {
  for (let k = 0; k < result.times.length; k++) {
    for (const c of result.columns) {
      const v = c.values[k]!;
      if (!Number.isFinite(v)) return { name: c.name, time: result.times[k]!, value: v };
    }
  }
  return undefined;
}
