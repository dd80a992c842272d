import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSluice } from '@sluice/language';
import { exportXmile } from '@sluice/xmile';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { loadModelFile } from '../load/model-file.js';
import { reportDiagnostics, UsageError } from './report.js';

interface ConvertFlags {
  to: string;
  output?: string;
  force?: boolean;
}

const TARGETS = ['xmile', 'text'];

export function registerConvert(program: Command, exit: (code: number) => void): void {
  program
    .command('convert')
    .description('convert a model between .xmile/.stmx/.itmx, .mdl and the Sluice text language')
    .argument('<model>', 'model file')
    .requiredOption('--to <format>', 'xmile or text')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--force', 'allow --output to overwrite an existing file')
    .action((model: string, flags: ConvertFlags) => exit(convertCommand(model, flags)));
}

function convertCommand(model: string, flags: ConvertFlags): number {
  if (!TARGETS.includes(flags.to)) throw new UsageError(`--to must be one of ${TARGETS.join(', ')}`);
  if (flags.output) {
    if (resolve(flags.output) === resolve(model)) throw new UsageError('--output must not be the input file');
    if (existsSync(flags.output) && !flags.force) throw new UsageError(`${flags.output} exists: pass --force to overwrite it`);
  }
  const project = loadModelFile(model);
  if (!project.ok) return reportDiagnostics(project.diagnostics, model);
  reportDiagnostics(project.warnings, model);
  const text = flags.to === 'xmile' ? exportXmile(project.value) : printSluice(project.value);
  if (flags.output) writeFileAtomic(flags.output, text);
  else process.stdout.write(text);
  return 0;
}
