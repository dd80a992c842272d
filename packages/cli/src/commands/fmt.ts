import type { Command } from 'commander';
import { parseSluice, printSluice } from '@sluice/language';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { readModelText } from '../load/read-text.js';
import { reportDiagnostics } from './report.js';

export function registerFmt(program: Command, exit: (code: number) => void): void {
  program
    .command('fmt')
    .description('format Sluice text models in place (canonical layout; a file with errors is left untouched)')
    .argument('<files...>', '.sluice files')
    .option('--check', 'only report files that are not formatted (exit 1 if any)')
    .action((files: string[], flags: { check?: boolean }) => exit(fmtCommand(files, flags.check ?? false)));
}

function fmtCommand(files: string[], check: boolean): number {
  let code = 0;
  for (const file of files) {
    const text = readModelText(file);
    if (!text.ok) {
      code = Math.max(code, reportDiagnostics(text.diagnostics, file));
      continue;
    }
    const project = parseSluice(text.value, { file });
    if (!project.ok) {
      code = Math.max(code, reportDiagnostics(project.diagnostics, file));
      continue;
    }
    // `#` comments and the modeller's blank lines are part of the IR, so the printed text keeps them.
    const formatted = printSluice(project.value);
    if (formatted === text.value) continue;
    if (check) {
      process.stderr.write(`${file}: not formatted\n`);
      code = 1;
    } else {
      writeFileAtomic(file, formatted);
    }
  }
  return code;
}
