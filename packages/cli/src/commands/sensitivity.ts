import type { Command } from 'commander';
import type { IntegrationMethod } from '@sluice/ir';
import { formatBandsCsv, parseDistribution, percentileBands, runSensitivity, type SensitivityOptions, type VariedInput } from '@sluice/runtime';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { loadModelFile } from '../load/model-file.js';
import { parseNumberOption, reportDiagnostics, splitList, UsageError } from './report.js';

interface SensitivityFlags {
  runs: string;
  vary?: VariedInput[];
  seed?: string;
  workers?: string;
  vars?: string;
  sampling: string;
  method?: string;
  output?: string;
  progress: boolean;
}

const SAMPLINGS = ['lhs', 'random'];
const METHODS = ['euler', 'rk2', 'rk4'];

/** `--vary NAME=DIST`, repeatable. */
function collectVaried(value: string, previous: VariedInput[] = []): VariedInput[] {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new UsageError(`--vary expects NAME=uniform(a,b), NAME=normal(mean,sd) or NAME=triangular(a,mode,b), got "${value}"`);
  const d = parseDistribution(value.slice(eq + 1));
  if (!d.ok) throw new UsageError(`--vary ${value.slice(0, eq).trim()}: ${d.diagnostics[0]!.message}`);
  return [...previous, { name: value.slice(0, eq).trim(), distribution: d.value }];
}

export function registerSensitivity(program: Command, exit: (code: number) => void): void {
  program
    .command('sensitivity')
    .description('run a model many times with constants drawn from distributions; print percentiles of outputs over time as CSV')
    .argument('<model>', 'model file')
    .requiredOption('--runs <n>', 'number of runs')
    .option('--vary <name=dist>', 'vary a constant: uniform(min,max), normal(mean,sd) or triangular(min,mode,max) (repeatable)', collectVaried)
    .option('--vars <names>', 'comma-separated outputs to keep (default: every stock)')
    .option('--seed <n>', 'seed of the sampling and of random functions', '1')
    .option('--workers <n>', 'threads to run on (default: available cores)')
    .option('--sampling <method>', 'lhs (Latin hypercube) or random', 'lhs')
    .option('--method <method>', 'integration method: euler, rk2 or rk4 (default: the model\'s)')
    .option('-o, --output <file>', 'write the CSV to a file instead of standard output')
    .option('--no-progress', 'no progress bar on standard error')
    .action(async (model: string, flags: SensitivityFlags) => exit(await sensitivityCommand(model, flags)));
}

async function sensitivityCommand(model: string, flags: SensitivityFlags): Promise<number> {
  const runs = parseNumberOption(flags.runs, '--runs');
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs expects a whole number of at least 1, got "${flags.runs}"`);
  if (!flags.vary?.length) throw new UsageError('give at least one --vary NAME=distribution');
  if (!SAMPLINGS.includes(flags.sampling)) throw new UsageError(`--sampling must be one of ${SAMPLINGS.join(', ')}`);
  if (flags.method && !METHODS.includes(flags.method)) throw new UsageError(`--method must be one of ${METHODS.join(', ')}`);
  const project = loadModelFile(model);
  if (!project.ok) return reportDiagnostics(project.diagnostics, model);
  const outputs = flags.vars
    ? splitList(flags.vars)
    : project.value.models[0]!.variables.filter((v) => v.kind === 'stock' && !v.hidden).map((v) => v.name);
  const options: SensitivityOptions = {
    runs,
    vary: flags.vary,
    outputs,
    seed: parseNumberOption(flags.seed ?? '1', '--seed'),
    sampling: flags.sampling === 'random' ? 'random' : 'latin-hypercube',
  };
  if (flags.workers !== undefined) {
    const workers = parseNumberOption(flags.workers, '--workers');
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers expects a whole number of at least 1, got "${flags.workers}"`);
    options.workers = workers;
  }
  if (flags.method) options.method = flags.method as IntegrationMethod;
  const bar = flags.progress && process.stderr.isTTY ? progressBar() : undefined;
  if (bar) options.onProgress = bar.update;
  const result = await runSensitivity(project.value, options);
  bar?.end();
  if (!result.ok) return reportDiagnostics(result.diagnostics, model);
  reportDiagnostics(result.warnings, model);
  const csv = formatBandsCsv(percentileBands(result.value));
  if (flags.output) writeFileAtomic(flags.output, csv);
  else process.stdout.write(csv);
  return 0;
}

/** A one-line bar redrawn with `\r`, at most ten times a second. */
function progressBar(): { update: (done: number, total: number) => void; end: () => void } {
  const width = 30;
  const started = Date.now();
  let last = 0;
  const draw = (done: number, total: number) => {
    const filled = Math.round((done / total) * width);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} runs ${secs}s`);
  };
  return {
    update(done, total) {
      const now = Date.now();
      if (done === total || now - last >= 100) {
        last = now;
        draw(done, total);
      }
    },
    end() {
      if (last) process.stderr.write('\n');
    },
  };
}
