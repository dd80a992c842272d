import type { Command } from 'commander';
import { checkUnits, dependencyTree, dominanceCsv, findLoops, formatDependencyTree, formatDominance, loopDominance } from '@sluice/analysis';
import { compile } from '@sluice/compiler';
import type { Diagnostic } from '@sluice/ir';
import { loadModelData, loadModelWithData } from '../load/data-files.js';
import { loadModelFile } from '../load/model-file.js';
import { DEFAULT_MAX_BYTES } from '../load/read-text.js';
import { parseNumberOption, reportDiagnostics, splitList, UsageError } from './report.js';

export function registerAnalysis(program: Command, exit: (code: number) => void): void {
  program
    .command('check')
    .description('check a model without running it: syntax, names, cycles and units')
    .argument('<model>', 'model file')
    .action((model: string) => exit(checkCommand(model)));

  program
    .command('deps')
    .description('print the causes (or with --uses, the uses) tree of a variable')
    .argument('<model>', 'model file')
    .argument('<variable>', 'variable name')
    .option('--uses', 'show what the variable influences instead of what influences it')
    .option('--depth <n>', 'levels to show', '3')
    .action((model: string, variable: string, flags: { uses?: boolean; depth: string }) =>
      exit(depsCommand(model, variable, flags.uses ?? false, parseNumberOption(flags.depth, '--depth'))),
    );

  program
    .command('loops')
    .description('list the feedback loops of a model with their polarity (R reinforcing, B balancing)')
    .argument('<model>', 'model file')
    .option('--max <n>', 'stop after this many loops', '10000')
    .option('--dominance <variable>', 'run the model and report which loops through VARIABLE dominate when (Loops That Matter)')
    .option('--at <times>', 'with --dominance: the times to print relative loop scores at (comma separated)')
    .option('-f, --format <format>', 'with --dominance: table, or csv for the full series', 'table')
    .action((model: string, flags: LoopsFlags) => {
      const max = parseNumberOption(flags.max, '--max');
      if (flags.dominance === undefined) {
        if (flags.at !== undefined) throw new UsageError('--at needs --dominance');
        return exit(loopsCommand(model, max));
      }
      if (flags.format !== 'table' && flags.format !== 'csv') throw new UsageError('--format must be table or csv');
      const at = flags.at === undefined ? undefined : splitList(flags.at).map((t) => parseNumberOption(t, '--at'));
      return exit(dominanceCommand(model, flags.dominance, max, at, flags.format));
    });
}

interface LoopsFlags {
  max: string;
  dominance?: string;
  at?: string;
  format: string;
}

function checkCommand(model: string): number {
  const project = loadModelFile(model);
  if (!project.ok) return reportDiagnostics(project.diagnostics, model);
  const diagnostics: Diagnostic[] = [...project.warnings];
  const compiled = compile(project.value);
  if (!compiled.ok) diagnostics.push(...compiled.diagnostics);
  else diagnostics.push(...compiled.warnings);
  for (const f of checkUnits(project.value)) {
    const d: Diagnostic = { severity: 'error', code: 'units', message: f.message, variable: f.variable };
    if (f.loc) d.loc = f.loc;
    diagnostics.push(d);
  }
  const code = reportDiagnostics(diagnostics, model);
  if (code === 0) process.stdout.write(`${model}: no problems found\n`);
  return code;
}

function depsCommand(model: string, variable: string, uses: boolean, depth: number): number {
  const project = loadModelFile(model);
  if (!project.ok) return reportDiagnostics(project.diagnostics, model);
  const tree = dependencyTree(project.value.models[0]!, variable, { uses, depth });
  if (!tree) throw new UsageError(`${model} has no variable named "${variable}"`);
  process.stdout.write(formatDependencyTree(tree) + '\n');
  return 0;
}

function loopsCommand(model: string, max: number): number {
  const project = loadModelFile(model);
  if (!project.ok) return reportDiagnostics(project.diagnostics, model);
  const report = findLoops(project.value.models[0]!, { limit: max });
  for (const [i, loop] of report.loops.entries()) {
    const label = loop.name ?? `L${i + 1}`;
    const chain = [...loop.variables, loop.variables[0]].join(' -> ');
    process.stdout.write(`${label} (${loop.polarity}, ${loop.variables.length} variables): ${chain}\n`);
  }
  process.stdout.write(`${report.loops.length} loop${report.loops.length === 1 ? '' : 's'}${report.truncated ? ` (stopped at --max ${max})` : ''}\n`);
  return 0;
}

function dominanceCommand(model: string, variable: string, max: number, at: number[] | undefined, format: 'table' | 'csv'): number {
  // The model runs, so it loads as `sluice run` loads it: Vensim data files included.
  const read = loadModelWithData(model, {}, []);
  if (!read.ok) return reportDiagnostics(read.diagnostics, model);
  const project = loadModelData(read.value, model, [], DEFAULT_MAX_BYTES);
  if (!project.ok) return reportDiagnostics(project.diagnostics, model);
  const result = loopDominance(project.value, { variable, limit: max });
  if (!result.ok) return reportDiagnostics(result.diagnostics, model);
  reportDiagnostics(result.warnings, model);
  if (format === 'csv') process.stdout.write(dominanceCsv(result.value));
  else {
    process.stdout.write(`Loops through ${variable}, scored by Loops That Matter (relative loop score: share of the change the loop explains, + reinforcing, - balancing)\n\n`);
    process.stdout.write(result.value.loops.length === 0 ? `no feedback loop passes through ${variable}\n` : formatDominance(result.value, at === undefined ? {} : { at }));
  }
  return 0;
}
