import type { Command } from 'commander';
import { checkUnits, dependencyTree, findLoops, formatDependencyTree } from '@sluice/analysis';
import { compile } from '@sluice/compiler';
import type { Diagnostic } from '@sluice/ir';
import { loadModelFile } from '../load/model-file.js';
import { parseNumberOption, reportDiagnostics, UsageError } from './report.js';

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
    .action((model: string, flags: { max: string }) => exit(loopsCommand(model, parseNumberOption(flags.max, '--max'))));
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

